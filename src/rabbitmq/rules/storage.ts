import { Rule, isKnown } from '../../private/rules';
import { RabbitMqDeploymentMode } from '../rabbitmq-deployment-mode';
import { RabbitMqSpec } from './rabbitmq-spec';

const STEP_GIB = 5;

export const RABBITMQ_STORAGE_RULES: Rule<RabbitMqSpec>[] = [
  {
    id: 'RabbitMqStorageSizeSupported',
    fact: 'F-B17, F-S05',
    summary: 'storageSize: only RabbitMQ >= 4.2, CLUSTER_MULTI_AZ, mq.m7g',
    check: (s) => s.storageSizeGiB !== undefined
      && (!s.supportsStorageSize || s.deploymentMode !== RabbitMqDeploymentMode.CLUSTER_MULTI_AZ || s.instanceType.family !== 'm7g')
      ? `'storageSize' is not allowed with engineVersion '${s.engineVersion.version}', deploymentMode ${s.deploymentMode} and instanceType '${s.instanceType.name}'; allowed: engineVersion 4.2 or later, CLUSTER_MULTI_AZ, mq.m7g.*`
      : undefined,
  },
  {
    id: 'RabbitMqStorageSizeStep',
    fact: 'F-S05',
    summary: 'storageSize: a positive multiple of 5 GiB',
    check: (s) => s.storageSizeGiB !== undefined && isKnown(s.storageSizeGiB) && (s.storageSizeGiB <= 0 || s.storageSizeGiB % STEP_GIB !== 0)
      ? `'storageSize' ${s.storageSizeGiB} GiB is not allowed; allowed: a positive multiple of ${STEP_GIB} GiB`
      : undefined,
  },
];
