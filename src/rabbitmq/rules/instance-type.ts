import { Rule } from '../../private/rules';
import { RabbitMqDeploymentMode } from '../rabbitmq-deployment-mode';
import { RabbitMqSpec } from './rabbitmq-spec';

/** Families Amazon MQ offers for RabbitMQ (mq-facts F-I02, F-I04, F-I05). */
const RABBITMQ_FAMILIES = ['t3', 'm5', 'm7g'];

export const RABBITMQ_INSTANCE_TYPE_RULES: Rule<RabbitMqSpec>[] = [
  {
    id: 'RabbitMqInstanceFamily',
    fact: 'F-I01..F-I05',
    summary: 'instanceType: RabbitMQ runs on mq.t3.micro, mq.m5 and mq.m7g',
    check: (s) => s.instanceType.family !== '' && !RABBITMQ_FAMILIES.includes(s.instanceType.family)
      ? `'instanceType' '${s.instanceType.name}' is not available for RabbitMQ; allowed: mq.t3.micro, mq.m5.*, mq.m7g.*`
      : undefined,
  },
  {
    id: 'RabbitMqGravitonVersion',
    fact: 'F-V06, F-I04',
    summary: 'instanceType: RabbitMQ 4.x runs on mq.m7g only',
    check: (s) => s.requiresGraviton && s.instanceType.family !== '' && s.instanceType.family !== 'm7g'
      ? `'instanceType' '${s.instanceType.name}' is not allowed with engineVersion '${s.engineVersion.version}'; allowed: mq.m7g.* (or engineVersion 3.13)`
      : undefined,
  },
  {
    id: 'RabbitMqMicroSingleInstance',
    fact: 'F-I02',
    summary: 'instanceType: mq.t3.micro only for SINGLE_INSTANCE',
    check: (s) => s.instanceType.isMicro && s.deploymentMode === RabbitMqDeploymentMode.CLUSTER_MULTI_AZ
      ? `'instanceType' '${s.instanceType.name}' is not allowed with deploymentMode ${s.deploymentMode}; allowed: SINGLE_INSTANCE, or an mq.m5/mq.m7g type for clusters`
      : undefined,
  },
];
