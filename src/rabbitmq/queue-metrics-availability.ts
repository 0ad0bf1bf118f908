import { versionAtLeast } from '../private/versions';

/**
 * Amazon MQ publishes no per-queue metrics for RabbitMQ 4 brokers (Developer Guide, "RabbitMQ 4": "Amazon MQ will not
 * vend RabbitMQ queue metrics for RabbitMQ 4 brokers"): a queue metric or alarm there names a series that never exists.
 */
export function rabbitMq4QueueMetricsProblem(engineVersion: string | undefined): string | undefined {
  return engineVersion !== undefined && versionAtLeast(engineVersion, '4')
    ? `not allowed with engineVersion '${engineVersion}': Amazon MQ publishes no per-queue metrics for RabbitMQ 4 brokers; allowed: RabbitMQ 3.13, or broker-wide metrics (metricQueueCount, metricMessageCount) and the queue metrics collector (addQueueMetricsCollector)`
    : undefined;
}
