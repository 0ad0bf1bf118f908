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
 * - The `monitoring-AWS-OWNED-DO-NOT-DELETE` user and the plugins' own defaults: the tests enable the plugins they use.
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
