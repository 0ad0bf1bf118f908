import { Annotations, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { rabbitMq4QueueMetricsProblem } from './queue-metrics-availability';
import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { BrokerBase, IBroker } from '../broker/broker-base';
import { checkFirstRecommendedAlarms, RECOMMENDED_ALARMS_ID } from '../monitoring/alarm-helpers';
import { amazonMqMetric, requireName } from '../monitoring/amazon-mq-metric';
import { RabbitMqAlarmOptions, RabbitMqBrokerAlarms } from '../monitoring/rabbitmq-broker-alarms';
import { graph } from '../monitoring/widgets';
import { MqValidationError } from '../private/errors';
import { versionAtLeast } from '../private/versions';

/**
 * A RabbitMQ broker, created here or imported, with every CloudWatch metric Amazon MQ publishes for RabbitMQ
 * (mq-facts §3), in the `AWS/AmazonMQ` namespace: broker metrics with dimension `Broker` = the broker name,
 * node metrics with `Node` too, queue metrics with `VirtualHost` and `Queue` too.
 */
export interface IRabbitMqBroker extends IBroker {
  /** The deployment mode. */
  readonly deploymentMode: RabbitMqDeploymentMode;
  /** The AMQPS endpoint (`amqps://<host>:5671`): a string token for a broker made here. */
  readonly amqpsEndpoint: string;
  /** The web console and management API URL (`https://<host>`): a string token for a broker made here. */
  readonly managementUrl: string;

  /**
   * Creates the recommended alarms for this broker (memory, disk, CPU, and the queues you name).
   * Call it once per broker.
   */
  addRecommendedAlarms(options?: RabbitMqAlarmOptions): RabbitMqBrokerAlarms;

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

/** Names RabbitMQ publishes no metric for: spaces, tabs or non-ASCII characters (mq-facts F-CW3). */
const UNPUBLISHED_NAME = /[\s]|[^\x00-\x7F]/;

/** What RabbitMqBroker and imported RabbitMQ brokers share: the metrics. */
export abstract class RabbitMqBrokerBase extends BrokerBase implements IRabbitMqBroker {
  public abstract readonly deploymentMode: RabbitMqDeploymentMode;
  public readonly engineType: string = 'RABBITMQ';
  public abstract readonly amqpsEndpoint: string;
  public abstract readonly managementUrl: string;

  public addRecommendedAlarms(options?: RabbitMqAlarmOptions): RabbitMqBrokerAlarms {
    checkFirstRecommendedAlarms(this);
    return new RabbitMqBrokerAlarms(this, RECOMMENDED_ALARMS_ID, this, options);
  }

  public keyMetricWidgets(): cloudwatch.IWidget[] {
    return [
      graph('CPU (%)', [this.metricSystemCpuUtilization()]),
      graph('Memory (bytes)', [this.metricRabbitMQMemUsed(), this.metricRabbitMQMemLimit()]),
      graph('Disk free (bytes)', [this.metricRabbitMQDiskFree(), this.metricRabbitMQDiskFreeLimit()]),
      graph('Connections and channels', [this.metricConnectionCount(), this.metricChannelCount(), this.metricConsumerCount()]),
      graph('Messages', [this.metricMessageCount(), this.metricMessageReadyCount(), this.metricMessageUnacknowledgedCount()]),
      graph('Rates (msg/s)', [this.metricPublishRate(), this.metricConfirmRate(), this.metricAckRate()]),
    ];
  }

  public metricExchangeCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ExchangeCount', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricQueueCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('QueueCount', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricConnectionCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ConnectionCount', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricChannelCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ChannelCount', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricConsumerCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ConsumerCount', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricMessageCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageCount', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricMessageReadyCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageReadyCount', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricMessageUnacknowledgedCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageUnacknowledgedCount', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricPublishRate(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('PublishRate', {}, cloudwatch.Stats.AVERAGE, options);
  }

  public metricConfirmRate(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ConfirmRate', {}, cloudwatch.Stats.AVERAGE, options);
  }

  public metricAckRate(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('AckRate', {}, cloudwatch.Stats.AVERAGE, options);
  }

  public metricSystemCpuUtilization(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('SystemCpuUtilization', {}, cloudwatch.Stats.AVERAGE, options);
  }

  public metricRabbitMQMemLimit(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQMemLimit', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricRabbitMQMemUsed(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQMemUsed', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricRabbitMQDiskFreeLimit(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQDiskFreeLimit', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricRabbitMQDiskFree(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQDiskFree', {}, cloudwatch.Stats.MINIMUM, options);
  }

  public metricRabbitMQFdUsed(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQFdUsed', {}, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricRabbitMQIOReadAverageTime(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    this.warnDeprecatedFrom42('RabbitMQIOReadAverageTime');
    return this.rabbitMetric('RabbitMQIOReadAverageTime', {}, cloudwatch.Stats.AVERAGE, options);
  }

  public metricRabbitMQIOWriteAverageTime(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    this.warnDeprecatedFrom42('RabbitMQIOWriteAverageTime');
    return this.rabbitMetric('RabbitMQIOWriteAverageTime', {}, cloudwatch.Stats.AVERAGE, options);
  }

  public metricNodeSystemCpuUtilization(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('SystemCpuUtilization', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, cloudwatch.Stats.AVERAGE, options);
  }

  public metricNodeRabbitMQMemLimit(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQMemLimit', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricNodeRabbitMQMemUsed(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQMemUsed', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricNodeRabbitMQDiskFreeLimit(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQDiskFreeLimit', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricNodeRabbitMQDiskFree(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQDiskFree', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, cloudwatch.Stats.MINIMUM, options);
  }

  public metricNodeRabbitMQFdUsed(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQFdUsed', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricQueueConsumerCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ConsumerCount', this.queueDimensions(virtualHost, queue), cloudwatch.Stats.MAXIMUM, options);
  }

  public metricQueueMessageReadyCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageReadyCount', this.queueDimensions(virtualHost, queue), cloudwatch.Stats.MAXIMUM, options);
  }

  public metricQueueMessageUnacknowledgedCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageUnacknowledgedCount', this.queueDimensions(virtualHost, queue), cloudwatch.Stats.MAXIMUM, options);
  }

  public metricQueueMessageCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageCount', this.queueDimensions(virtualHost, queue), cloudwatch.Stats.MAXIMUM, options);
  }

  protected get metricBrokerDimension(): string {
    return this.brokerName;
  }

  private rabbitMetric(
    metricName: string, dimensions: Record<string, string>, statistic: string, options?: cloudwatch.MetricOptions,
  ): cloudwatch.Metric {
    return amazonMqMetric(this, metricName, { Broker: this.brokerName, ...dimensions }, statistic, options);
  }

  /** The engine version when the broker is made in the app (imported brokers: unknown). @internal */
  public _knownEngineVersion(): string | undefined {
    return undefined;
  }

  /** Amazon MQ deprecates the disk I/O metrics from RabbitMQ 4.2 (Developer Guide, "RabbitMQ 4"). */
  private warnDeprecatedFrom42(metric: string): void {
    const version = this._knownEngineVersion();
    if (version !== undefined && versionAtLeast(version, '4.2')) {
      Annotations.of(this).addWarningV2(`cdk-amazon-mq:deprecatedMetric:${metric}`,
        `${metric} is deprecated by Amazon MQ from RabbitMQ 4.2 (engineVersion '${version}'): it has no meaningful values there`);
    }
  }

  private queueDimensions(virtualHost: string, queue: string): Record<string, string> {
    const problem = rabbitMq4QueueMetricsProblem(this._knownEngineVersion());
    if (problem) {
      throw new MqValidationError(this, `'queue' metrics: ${problem}`);
    }
    for (const [option, value] of [['virtualHost', virtualHost], ['queue', queue]]) {
      requireName(this, option, value, `a ${option === 'queue' ? 'queue' : 'virtual host'} name`);
      if (!Token.isUnresolved(value) && UNPUBLISHED_NAME.test(value)) {
        throw new MqValidationError(this, `'${option}' '${value}' has spaces, tabs or non-ASCII characters: Amazon MQ publishes no metric for it; allowed: printable ASCII without spaces`);
      }
    }
    return { VirtualHost: virtualHost, Queue: queue };
  }
}
