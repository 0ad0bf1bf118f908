import { ACTIVEMQ_RULES } from './activemq/rules';
import { ACTIVEMQ_CONFIGURATION_RULES } from './activemq/rules/configuration';
import { NETWORK_OF_BROKERS_RULES } from './activemq/rules/network-of-brokers';
import { CONFIGURATION_ASSOCIATION_RULES } from './broker/rules/configuration-association';
import { MQ_EVENT_SOURCE_RULES } from './event-sources/rules';
import { Rule } from './private/rules';
import { MANAGEMENT_RULES } from './rabbitmq/management/objects/all-objects';
import { RABBITMQ_RULES } from './rabbitmq/rules';
import { RABBITMQ_CONFIGURATION_RULES } from './rabbitmq/rules/configuration';

/**
 * Every synth-time rule set, by the construct that runs it: one registry for the README rule-table test and the
 * "every rule has a failing case" test. A new rule set is added here, or those tests do not see it.
 */
export const RULE_SETS: Readonly<Record<string, ReadonlyArray<Rule<any>>>> = {
  ActiveMqBroker: ACTIVEMQ_RULES,
  RabbitMqBroker: RABBITMQ_RULES,
  ActiveMqConfiguration: ACTIVEMQ_CONFIGURATION_RULES,
  RabbitMqConfiguration: RABBITMQ_CONFIGURATION_RULES,
  RabbitMqVirtualHost: MANAGEMENT_RULES,
  MqEventSource: MQ_EVENT_SOURCE_RULES,
  BrokerConfigurationAssociation: CONFIGURATION_ASSOCIATION_RULES,
  ActiveMqNetworkOfBrokers: NETWORK_OF_BROKERS_RULES,
};

/** Every rule once (shared rules appear in several sets). */
export function allRules(): Array<Rule<any>> {
  const byId = new Map<string, Rule<any>>();
  for (const rule of Object.values(RULE_SETS).flat()) {
    byId.set(rule.id, rule);
  }
  return [...byId.values()];
}
