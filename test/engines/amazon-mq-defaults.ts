/**
 * The settings Amazon MQ documents as its defaults on a RabbitMQ 4 broker, which every engine test boots with:
 * a test engine more permissive than the service proves nothing. One place, each with its Developer Guide page.
 *
 * Emulated:
 * - rabbitmq.conf defaults ("Configurable values", configurable-values.html):
 *   `management.restrictions.operator_policy_changes.disabled = true` (operator policies cannot be edited through the
 *   management API: 405), `consumer_timeout = 1800000`, `heartbeat = 60`,
 *   `quorum_queue.property_equivalence.relaxed_checks_on_redeclaration = true`.
 * - The default queue type is quorum on RabbitMQ 4 ("RabbitMQ 4", rabbitmq-version-management.html): a queue declared
 *   without a type is a quorum queue.
 * - The default operator policy of RabbitMQ 4 ("Applying policies", rabbitmq-defaults-applying-policies.html):
 *   `default_operator_policy_AWS_managed`, pattern `.*`, apply-to `classic_queues`, `{"queue-version":2}`, priority 0.
 * - The per-node limits of an mq.m7g.large single-instance broker ("Resource limits",
 *   rabbitmq-resource-limits-configuration.html): 1500 connections, 4500 channels, 1000 queues, 50 virtual hosts,
 *   messages up to 512 KiB.
 *
 * Not emulated, and why:
 * - `secure.management.http.headers.enabled`: an Amazon MQ key RabbitMQ itself does not know (it would refuse to boot).
 * - The `AWS-DEFAULT-POLICY-SINGLE-INSTANCE` policy and the vhost limits on `/`: the guide gives their values per
 *   instance type without the RabbitMQ 4 definition; users may delete or override them anyway, so the library never
 *   relies on them.
 * - The `monitoring-AWS-OWNED-DO-NOT-DELETE` user and the plugins' own defaults.
 *
 * Plugins: Amazon MQ's documented set, or a part of it, never another (`RabbitMqEngine.start` refuses one outside
 * it): `AMAZON_MQ_PLUGINS` on every RabbitMQ 4 broker, the authentication plugins when the broker's configuration uses
 * them. Not emulated: `rabbitmq_prometheus` (4.2; its listener would take a fixed port on a shared machine).
 */
export const AMAZON_MQ_RABBITMQ_CONF = [
  'management.restrictions.operator_policy_changes.disabled = true',
  'consumer_timeout = 1800000',
  'heartbeat = 60',
  'quorum_queue.property_equivalence.relaxed_checks_on_redeclaration = true',
  'default_queue_type = quorum',
  'connection_max = 1500',
  'channel_max_per_node = 4500',
  'cluster_queue_limit = 1000',
  'vhost_max = 50',
  'max_message_size = 524288',
].join('\n');

/** The operator policy Amazon MQ creates on `/` of a RabbitMQ 4 broker (rabbitmq-defaults-applying-policies.html). */
export const AMAZON_MQ_DEFAULT_OPERATOR_POLICY = {
  vhost: '/',
  name: 'default_operator_policy_AWS_managed',
  pattern: '.*',
  applyTo: 'classic_queues',
  definition: { 'queue-version': 2 },
  priority: 0,
} as const;

/**
 * The plugins Amazon MQ runs on every RabbitMQ 4 broker ("Plugins", rabbitmq-basic-elements-plugins.html: management,
 * shovel, federation, consistent hash exchange; "Amazon MQ for RabbitMQ JMS support", rabbitmq-jms-support.html: "From
 * Amazon MQ for RabbitMQ 4 onward, the plugin jms-topic-exchange is always enabled"), with the management pages of
 * shovels and federation its console shows. Not in it, so their exchange types are unknown to the engine as to the
 * service: `rabbitmq_random_exchange`, `rabbitmq_recent_history_exchange`, `rabbitmq_sharding`, `rabbitmq_event_exchange`.
 */
export const AMAZON_MQ_PLUGINS: readonly string[] = [
  'rabbitmq_management',
  'rabbitmq_shovel',
  'rabbitmq_shovel_management',
  'rabbitmq_federation',
  'rabbitmq_federation_management',
  'rabbitmq_consistent_hash_exchange',
  'rabbitmq_jms_topic_exchange',
];

/** The authentication plugins of the same page (OAuth 2.0, LDAP, HTTP, SSL certificates), on when a broker's configuration uses them. */
export const AMAZON_MQ_AUTH_PLUGINS: readonly string[] = [
  'rabbitmq_auth_backend_oauth2',
  'rabbitmq_auth_backend_ldap',
  'rabbitmq_auth_backend_http',
  'rabbitmq_auth_mechanism_ssl',
];
