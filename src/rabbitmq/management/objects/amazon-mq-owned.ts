/**
 * The objects Amazon MQ itself creates inside a RabbitMQ broker, which an app neither declares nor may take over.
 * No imports: the post-deploy check (bundled without aws-cdk-lib) reads this too.
 */

/** The internal user Amazon MQ adds to every RabbitMQ broker. */
export const AMAZON_MQ_MONITORING_USER = 'monitoring-AWS-OWNED-DO-NOT-DELETE';

/**
 * Amazon MQ's default policies ("Broker defaults", rabbitmq-defaults.html): `AWS-DEFAULT-POLICY-SINGLE-INSTANCE`,
 * `AWS-DEFAULT-POLICY-CLUSTER`, `AWS-DEFAULT-POLICY-CLUSTER-MULTI-AZ`, `AWS-DEFAULT-QUORUM-QUEUES-POLICY-CLUSTER-MULTI-AZ`,
 * and the fallback `ha-all-AWS-OWNED-DO-NOT-DELETE` of clusters.
 */
export function isAmazonMqPolicy(name: string): boolean {
  return name.startsWith('AWS-DEFAULT-') || name.endsWith('-AWS-OWNED-DO-NOT-DELETE');
}

/** Amazon MQ's default operator policy ("Applying policies", rabbitmq-defaults-applying-policies.html). */
export const AMAZON_MQ_OPERATOR_POLICY = 'default_operator_policy_AWS_managed';

/** Amazon MQ sets vhost limits on the default virtual host `/` only ("Broker defaults"). */
export const AMAZON_MQ_LIMITED_VIRTUAL_HOST = '/';
