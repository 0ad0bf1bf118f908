import { Duration } from 'aws-cdk-lib';

/**
 * The `rabbitmq.conf` settings Amazon MQ permits, typed. RabbitMQ streams are not supported by
 * Amazon MQ, so there are no stream keys.
 */
export interface RabbitMqConfigurationSettings {
  /**
   * How long a consumer may hold an unacknowledged delivery before its channel is closed
   * (`consumer_timeout`, 0-2147483647 ms, whole milliseconds; `Duration.millis(0)` turns it off).
   * @default Duration.minutes(30)
   */
  readonly consumerTimeout?: Duration;
  /**
   * The heartbeat the server proposes (`heartbeat`, 60-3600 s).
   * @default Duration.seconds(60)
   */
  readonly heartbeat?: Duration;
  /**
   * Whether operator policies are read-only in the management UI
   * (`management.restrictions.operator_policy_changes.disabled`).
   * @default true
   */
  readonly operatorPolicyChangesDisabled?: boolean;
  /**
   * Whether redeclaring a quorum queue with other arguments is accepted
   * (`quorum_queue.property_equivalence.relaxed_checks_on_redeclaration`; RabbitMQ 3.13+).
   * @default true
   */
  readonly quorumQueueRelaxedChecksOnRedeclaration?: boolean;
  /**
   * Whether the management UI sends security headers (`secure.management.http.headers.enabled`).
   * @default true
   */
  readonly secureManagementHttpHeaders?: boolean;
  /**
   * Connections per node (`connection_max`; RabbitMQ 4+; at most the instance type's maximum).
   * @default - Amazon MQ's default for the instance type and mode
   */
  readonly connectionMax?: number;
  /**
   * Channels per node (`channel_max_per_node`; RabbitMQ 4+).
   * @default - Amazon MQ's default for the instance type and mode
   */
  readonly channelMaxPerNode?: number;
  /**
   * Queues in the broker (`cluster_queue_limit`; RabbitMQ 4+).
   * @default - Amazon MQ's default for the instance type and mode
   */
  readonly clusterQueueLimit?: number;
  /**
   * Virtual hosts (`vhost_max`; RabbitMQ 4+).
   * @default - Amazon MQ's default for the instance type and mode
   */
  readonly vhostMax?: number;
  /**
   * Shovels (`runtime_parameters.limits.shovel`; RabbitMQ 4+).
   * @default - Amazon MQ's default for the instance type and mode
   */
  readonly shovelLimit?: number;
  /**
   * Exchanges in the broker (`cluster_exchange_limit`; RabbitMQ 4+).
   * @default - Amazon MQ's default for the instance type and mode
   */
  readonly clusterExchangeLimit?: number;
  /**
   * Consumers per channel (`consumer_max_per_channel`; RabbitMQ 4+).
   * @default 10
   */
  readonly consumerMaxPerChannel?: number;
  /**
   * Largest message in bytes (`max_message_size`; RabbitMQ 4+).
   * @default 524288
   */
  readonly maxMessageSizeBytes?: number;
  /**
   * Further permitted keys by name (OAuth 2.0, LDAP, HTTP authentication, TLS: `auth_oauth2.*`, `auth_ldap.*`, ...),
   * checked against the permitted list.
   * @default - none
   */
  readonly extraSettings?: Record<string, string>;
}
