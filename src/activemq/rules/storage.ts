import { Rule } from '../../private/rules';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from '../activemq-deployment-mode';
import { ActiveMqSpec } from './activemq-spec';

export const ACTIVEMQ_STORAGE_RULES: Rule<ActiveMqSpec>[] = [
  {
    id: 'ActiveMqEbsInstanceFamily',
    fact: 'F-S01, F-I04',
    summary: 'storageType: EBS only on mq.m5 instances',
    check: (s) => s.storageType === ActiveMqStorageType.EBS && s.instanceType.family !== '' && s.instanceType.family !== 'm5'
      ? `'storageType' EBS is not allowed with instanceType '${s.instanceType.name}'; allowed: EFS, or an mq.m5 instance type`
      : undefined,
  },
  {
    id: 'ActiveMqEbsSingleInstance',
    fact: 'F-S01, F-D02',
    summary: 'storageType: EBS only for SINGLE_INSTANCE (active/standby shares EFS)',
    check: (s) => s.storageType === ActiveMqStorageType.EBS && s.deploymentMode === ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ
      ? `'storageType' EBS is not allowed with deploymentMode ${s.deploymentMode}; allowed: EFS (active/standby brokers share their storage)`
      : undefined,
  },
];
