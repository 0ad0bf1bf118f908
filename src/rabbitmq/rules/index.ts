import { RABBITMQ_BROKER_AUTHENTICATION_RULES } from './broker-authentication';
import { RABBITMQ_CONFIGURATION_LIMIT_RULES } from './configuration-limits';
import { RABBITMQ_INSTANCE_TYPE_RULES } from './instance-type';
import { RABBITMQ_NETWORK_RULES } from './network';
import { RabbitMqSpec } from './rabbitmq-spec';
import { RABBITMQ_STORAGE_RULES } from './storage';
import { RABBITMQ_USER_RULES } from './users';
import { SHARED_RULES } from '../../broker/broker-core';
import { Rule } from '../../private/rules';

/** Every rule a RabbitMQ broker is checked against. */
export const RABBITMQ_RULES: ReadonlyArray<Rule<RabbitMqSpec>> = [
  ...SHARED_RULES,
  ...RABBITMQ_INSTANCE_TYPE_RULES,
  ...RABBITMQ_STORAGE_RULES,
  ...RABBITMQ_USER_RULES,
  ...RABBITMQ_NETWORK_RULES,
  ...RABBITMQ_CONFIGURATION_LIMIT_RULES,
  ...RABBITMQ_BROKER_AUTHENTICATION_RULES,
];
