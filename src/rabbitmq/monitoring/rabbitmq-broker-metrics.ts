import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IBroker } from '../../broker/broker-base';
import { RabbitMqDeploymentMode } from '../rabbitmq-deployment-mode';

/**
 * What the alarms and dashboards read of a RabbitMQ broker: every CloudWatch metric Amazon MQ publishes for RabbitMQ, in the `AWS/AmazonMQ` namespace: broker metrics with dimension `Broker` = the broker name,
 * node metrics with `Node` too, queue metrics with `VirtualHost` and `Queue` too.
 */
export interface IRabbitMqBrokerMetrics extends IBroker {
  /** The deployment mode. */
  readonly deploymentMode: RabbitMqDeploymentMode;

  /** Exchanges on the broker. Default: maximum over 5 minutes. */
  metricExchangeCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Queues on the broker. Default: maximum over 5 minutes. */
  metricQueueCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Client connections. Default: maximum over 5 minutes. */
  metricConnectionCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Open channels. Default: maximum over 5 minutes. */
  metricChannelCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Consumers on the broker. Default: maximum over 5 minutes. */
  metricConsumerCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Messages in the queues (ready and unacknowledged). Default: maximum over 5 minutes. */
  metricMessageCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Messages ready for delivery. Default: maximum over 5 minutes. */
  metricMessageReadyCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Messages delivered and not yet acknowledged. Default: maximum over 5 minutes. */
  metricMessageUnacknowledgedCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Messages published per second, at sample time. Default: average over 5 minutes. */
  metricPublishRate(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Messages confirmed to publishers per second, at sample time. Default: average over 5 minutes. */
  metricConfirmRate(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Messages acknowledged by consumers per second, at sample time. Default: average over 5 minutes. */
  metricAckRate(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Percent of CPU in use (for clusters, across the nodes). Default: average over 5 minutes. */
  metricSystemCpuUtilization(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** The memory high watermark in bytes (for clusters, the sum over the nodes). Default: maximum over 5 minutes. */
  metricRabbitMQMemLimit(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Memory in use in bytes; at the limit RabbitMQ blocks publishers (for clusters, the sum over the nodes). Default: maximum over 5 minutes. */
  metricRabbitMQMemUsed(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** The free-disk limit in bytes (for clusters, the sum over the nodes). Default: maximum over 5 minutes. */
  metricRabbitMQDiskFreeLimit(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Free disk in bytes; below the limit publishers are blocked (for clusters, the sum over the nodes). Default: minimum over 5 minutes. */
  metricRabbitMQDiskFree(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** File descriptors in use. Default: maximum over 5 minutes. */
  metricRabbitMQFdUsed(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Milliseconds per disk read. Deprecated by Amazon MQ from RabbitMQ 4.2: no meaningful values there. Default: average over 5 minutes. */
  metricRabbitMQIOReadAverageTime(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Milliseconds per disk write. Deprecated by Amazon MQ from RabbitMQ 4.2: no meaningful values there. Default: average over 5 minutes. */
  metricRabbitMQIOWriteAverageTime(options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Percent of a node's CPU in use. `node` is the node name, for example `rabbit@ip-10-0-0-230.us-east-1.compute.internal`. Default: average over 5 minutes. */
  metricNodeSystemCpuUtilization(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** A node's memory high watermark in bytes. `node` is the node name, for example `rabbit@ip-10-0-0-230.us-east-1.compute.internal`. Default: maximum over 5 minutes. */
  metricNodeRabbitMQMemLimit(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** A node's memory in use in bytes. `node` is the node name, for example `rabbit@ip-10-0-0-230.us-east-1.compute.internal`. Default: maximum over 5 minutes. */
  metricNodeRabbitMQMemUsed(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** A node's free-disk limit in bytes. `node` is the node name, for example `rabbit@ip-10-0-0-230.us-east-1.compute.internal`. Default: maximum over 5 minutes. */
  metricNodeRabbitMQDiskFreeLimit(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** A node's free disk in bytes. `node` is the node name, for example `rabbit@ip-10-0-0-230.us-east-1.compute.internal`. Default: minimum over 5 minutes. */
  metricNodeRabbitMQDiskFree(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** File descriptors in use on a node. `node` is the node name, for example `rabbit@ip-10-0-0-230.us-east-1.compute.internal`. Default: maximum over 5 minutes. */
  metricNodeRabbitMQFdUsed(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Consumers of a queue. Default: maximum over 5 minutes. */
  metricQueueConsumerCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Messages of a queue ready for delivery. Default: maximum over 5 minutes. */
  metricQueueMessageReadyCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Messages of a queue delivered and not yet acknowledged. Default: maximum over 5 minutes. */
  metricQueueMessageUnacknowledgedCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** Messages in a queue. Default: maximum over 5 minutes. */
  metricQueueMessageCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric;
}
