import { ActiveMqSpec } from './activemq-spec';
import { ACTIVEMQ_AUTHENTICATION_RULES } from './authentication';
import { ACTIVEMQ_INSTANCE_TYPE_RULES } from './instance-type';
import { ACTIVEMQ_REPLICATION_RULES } from './replication';
import { ACTIVEMQ_STORAGE_RULES } from './storage';
import { SHARED_RULES } from '../../broker/broker-core';
import { Rule } from '../../private/rules';

/** Every rule an ActiveMQ broker is checked against. */
export const ACTIVEMQ_RULES: ReadonlyArray<Rule<ActiveMqSpec>> = [
  ...SHARED_RULES,
  ...ACTIVEMQ_INSTANCE_TYPE_RULES,
  ...ACTIVEMQ_STORAGE_RULES,
  ...ACTIVEMQ_AUTHENTICATION_RULES,
  ...ACTIVEMQ_REPLICATION_RULES,
];
