import { ACTIVEMQ_RULES } from './activemq/rules';
import { ACTIVEMQ_ALARM_RULES } from './activemq/rules/alarms';
import { ACTIVEMQ_SYNTH_RULES } from './activemq/rules/authentication';
import { ACTIVEMQ_CONFIGURATION_RULES } from './activemq/rules/configuration';
import { ACTIVEMQ_ENDPOINT_RULES, ACTIVEMQ_FAILOVER_RULES, ACTIVEMQ_INSTANCE_RULES } from './activemq/rules/endpoints';
import { NETWORK_OF_BROKERS_RULES } from './activemq/rules/network-of-brokers';
import { ACTIVEMQ_PROP_KIND_RULES } from './activemq/rules/prop-kinds';
import { ACTIVEMQ_ROTATION_RULES } from './activemq/rules/user-rotation';
import { CONFIGURATION_IMPORT_RULES } from './broker/configuration/configuration-core';
import { ALARM_OVERRIDE_RULES, METRIC_DIMENSION_RULES, RECOMMENDED_ALARMS_RULES } from './broker/rules/alarms';
import { CONFIGURATION_ASSOCIATION_RULES } from './broker/rules/configuration-association';
import { BROKER_IMPORT_RULES } from './broker/rules/imported-broker';
import { SUPPORT_ENCRYPTION_RULES } from './broker/rules/support-encryption';
import { USER_ROTATION_RULES } from './broker/rules/user-rotation';
import { MQ_EVENT_SOURCE_RULES } from './event-sources/rules';
import { Rule } from './private/rules';
import { MANAGEMENT_OBJECT_RULES } from './rabbitmq/management/management-object-rules';
import { MANAGEMENT_RULES } from './rabbitmq/management/objects/all-objects';
import { RABBITMQ_RULES } from './rabbitmq/rules';
import { RABBITMQ_ALARM_RULES } from './rabbitmq/rules/alarms';
import { RABBITMQ_CONFIGURATION_RULES } from './rabbitmq/rules/configuration';
import { MANAGEMENT_ACCESS_RULES, MANAGEMENT_BROKER_RULES } from './rabbitmq/rules/management-access';
import { MANAGEMENT_LIMIT_RULES } from './rabbitmq/rules/management-limits';
import { PROMETHEUS_RULES } from './rabbitmq/rules/prometheus';
import { RABBITMQ_PROP_KIND_RULES } from './rabbitmq/rules/prop-kinds';
import { QUEUE_METRIC_NAME_RULES, QUEUE_METRICS_COLLECTOR_RULES, QUEUE_METRICS_VERSION_RULES } from './rabbitmq/rules/queue-metrics';

/**
 * Every synth-time rule set, by the construct that runs it: one registry for the README rule-table test and the
 * "every rule has a failing case" test. A new rule set is added here, or those tests do not see it.
 */
export const RULE_SETS: Readonly<Record<string, ReadonlyArray<Rule<any>>>> = {
  // The prop kinds first, as the constructor runs them; then the rules at synth and those of its methods.
  ActiveMqBroker: [
    ...ACTIVEMQ_PROP_KIND_RULES, ...ACTIVEMQ_RULES, ...ACTIVEMQ_SYNTH_RULES,
    ...ACTIVEMQ_INSTANCE_RULES, ...ACTIVEMQ_ENDPOINT_RULES, ...ACTIVEMQ_FAILOVER_RULES,
  ],
  // addRotationSingleUser() of both engines (on ActiveMqBroker, and on the user RabbitMqVirtualHost.addUser() returns).
  UserRotation: [...USER_ROTATION_RULES, ...ACTIVEMQ_ROTATION_RULES],
  RabbitMqBroker: [...RABBITMQ_PROP_KIND_RULES, ...RABBITMQ_RULES, ...PROMETHEUS_RULES, ...MANAGEMENT_ACCESS_RULES, ...MANAGEMENT_LIMIT_RULES],
  ActiveMqConfiguration: ACTIVEMQ_CONFIGURATION_RULES,
  RabbitMqConfiguration: RABBITMQ_CONFIGURATION_RULES,
  RabbitMqVirtualHost: [...MANAGEMENT_BROKER_RULES, ...MANAGEMENT_RULES],
  RabbitMqManagementObject: MANAGEMENT_OBJECT_RULES,
  MqEventSource: MQ_EVENT_SOURCE_RULES,
  BrokerConfigurationAssociation: CONFIGURATION_ASSOCIATION_RULES,
  ActiveMqNetworkOfBrokers: NETWORK_OF_BROKERS_RULES,
  // fromBrokerArn() and fromBrokerAttributes() of both engines; fromConfigurationArn() of both.
  ImportedBroker: BROKER_IMPORT_RULES,
  ImportedConfiguration: CONFIGURATION_IMPORT_RULES,
  RabbitMqQueueMetricsCollector: QUEUE_METRICS_COLLECTOR_RULES,
  SupportResourceEncryption: SUPPORT_ENCRYPTION_RULES,
  // addRecommendedAlarms() of both engines, and the metric methods.
  ActiveMqBrokerAlarms: [...ACTIVEMQ_ALARM_RULES, ...ALARM_OVERRIDE_RULES, ...RECOMMENDED_ALARMS_RULES],
  RabbitMqBrokerAlarms: [...RABBITMQ_ALARM_RULES, ...ALARM_OVERRIDE_RULES, ...RECOMMENDED_ALARMS_RULES],
  BrokerMetrics: [...METRIC_DIMENSION_RULES, ...QUEUE_METRICS_VERSION_RULES, ...QUEUE_METRIC_NAME_RULES],
};

/** Every rule once (shared rules appear in several sets). */
export function allRules(): Array<Rule<any>> {
  const byId = new Map<string, Rule<any>>();
  for (const rule of Object.values(RULE_SETS).flat()) {
    byId.set(rule.id, rule);
  }
  return [...byId.values()];
}
