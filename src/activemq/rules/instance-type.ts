import { ActiveMqSpec } from './activemq-spec';
import { Rule } from '../../private/rules';

/** Families Amazon MQ offers for ActiveMQ (mq-facts F-I01..F-I05). */
const ACTIVEMQ_FAMILIES = ['t2', 't3', 'm4', 'm5'];

export const ACTIVEMQ_INSTANCE_TYPE_RULES: Rule<ActiveMqSpec>[] = [
  {
    id: 'ActiveMqInstanceFamily',
    fact: 'F-I01..F-I05',
    summary: 'instanceType: ActiveMQ runs on mq.t2, mq.t3, mq.m4 and mq.m5 (mq.m7g is RabbitMQ only)',
    check: (s) => s.instanceType.family !== '' && !ACTIVEMQ_FAMILIES.includes(s.instanceType.family)
      ? `'instanceType' '${s.instanceType.name}' is not available for ActiveMQ; allowed: mq.t3.micro, mq.m5.large, mq.m5.xlarge, mq.m5.2xlarge, mq.m5.4xlarge (legacy: mq.t2.micro, mq.m4.large)`
      : undefined,
  },
  {
    id: 'ActiveMqT2MicroSingleInstance',
    fact: 'F-I01',
    summary: 'instanceType: mq.t2.micro only for SINGLE_INSTANCE',
    check: (s) => s.instanceType.family === 't2' && s.deploymentMode !== 'SINGLE_INSTANCE'
      ? `'instanceType' '${s.instanceType.name}' is not allowed with deploymentMode ${s.deploymentMode}; allowed: SINGLE_INSTANCE`
      : undefined,
  },
];
