import { Annotations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IRabbitMqBroker } from './rabbitmq-broker-ref';
import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { BrokerBase } from '../broker/broker-base';
import { amazonMqMetric } from '../broker/broker-metric';
import { RabbitMqAlarmOptions, RabbitMqBrokerAlarms } from './monitoring/rabbitmq-broker-alarms';
import { RABBITMQ_BROKER_METRICS, RABBITMQ_NODE_METRICS, RABBITMQ_QUEUE_METRICS } from './monitoring/rabbitmq-metric-table';
import { checkFirstRecommendedAlarms, RECOMMENDED_ALARMS_ID } from '../broker/monitoring/alarm-helpers';
import { requireName } from '../broker/monitoring/amazon-mq-metric';
import { graph } from '../broker/monitoring/widgets';
import { validateRules } from '../private/rules';
import { QUEUE_METRIC_NAME_RULES, QUEUE_METRICS_VERSION_RULES } from './rules/queue-metrics';
import { versionAtLeast } from '../private/versions';

// Public through this module, which index.ts exports (and RabbitMqBroker imports IRabbitMqBroker from).
export * from './rabbitmq-broker-ref';

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
    return this.rabbitMetric('ExchangeCount', {}, RABBITMQ_BROKER_METRICS.ExchangeCount, options);
  }

  public metricQueueCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('QueueCount', {}, RABBITMQ_BROKER_METRICS.QueueCount, options);
  }

  public metricConnectionCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ConnectionCount', {}, RABBITMQ_BROKER_METRICS.ConnectionCount, options);
  }

  public metricChannelCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ChannelCount', {}, RABBITMQ_BROKER_METRICS.ChannelCount, options);
  }

  public metricConsumerCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ConsumerCount', {}, RABBITMQ_BROKER_METRICS.ConsumerCount, options);
  }

  public metricMessageCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageCount', {}, RABBITMQ_BROKER_METRICS.MessageCount, options);
  }

  public metricMessageReadyCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageReadyCount', {}, RABBITMQ_BROKER_METRICS.MessageReadyCount, options);
  }

  public metricMessageUnacknowledgedCount(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageUnacknowledgedCount', {}, RABBITMQ_BROKER_METRICS.MessageUnacknowledgedCount, options);
  }

  public metricPublishRate(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('PublishRate', {}, RABBITMQ_BROKER_METRICS.PublishRate, options);
  }

  public metricConfirmRate(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ConfirmRate', {}, RABBITMQ_BROKER_METRICS.ConfirmRate, options);
  }

  public metricAckRate(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('AckRate', {}, RABBITMQ_BROKER_METRICS.AckRate, options);
  }

  public metricSystemCpuUtilization(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('SystemCpuUtilization', {}, RABBITMQ_BROKER_METRICS.SystemCpuUtilization, options);
  }

  public metricRabbitMQMemLimit(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQMemLimit', {}, RABBITMQ_BROKER_METRICS.RabbitMQMemLimit, options);
  }

  public metricRabbitMQMemUsed(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQMemUsed', {}, RABBITMQ_BROKER_METRICS.RabbitMQMemUsed, options);
  }

  public metricRabbitMQDiskFreeLimit(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQDiskFreeLimit', {}, RABBITMQ_BROKER_METRICS.RabbitMQDiskFreeLimit, options);
  }

  public metricRabbitMQDiskFree(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQDiskFree', {}, RABBITMQ_BROKER_METRICS.RabbitMQDiskFree, options);
  }

  public metricRabbitMQFdUsed(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQFdUsed', {}, RABBITMQ_BROKER_METRICS.RabbitMQFdUsed, options);
  }

  public metricRabbitMQIOReadAverageTime(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    this.warnDeprecatedFrom42('RabbitMQIOReadAverageTime');
    return this.rabbitMetric('RabbitMQIOReadAverageTime', {}, RABBITMQ_BROKER_METRICS.RabbitMQIOReadAverageTime, options);
  }

  public metricRabbitMQIOWriteAverageTime(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    this.warnDeprecatedFrom42('RabbitMQIOWriteAverageTime');
    return this.rabbitMetric('RabbitMQIOWriteAverageTime', {}, RABBITMQ_BROKER_METRICS.RabbitMQIOWriteAverageTime, options);
  }

  public metricNodeSystemCpuUtilization(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('SystemCpuUtilization', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, RABBITMQ_NODE_METRICS.SystemCpuUtilization, options);
  }

  public metricNodeRabbitMQMemLimit(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQMemLimit', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, RABBITMQ_NODE_METRICS.RabbitMQMemLimit, options);
  }

  public metricNodeRabbitMQMemUsed(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQMemUsed', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, RABBITMQ_NODE_METRICS.RabbitMQMemUsed, options);
  }

  public metricNodeRabbitMQDiskFreeLimit(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQDiskFreeLimit', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, RABBITMQ_NODE_METRICS.RabbitMQDiskFreeLimit, options);
  }

  public metricNodeRabbitMQDiskFree(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQDiskFree', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, RABBITMQ_NODE_METRICS.RabbitMQDiskFree, options);
  }

  public metricNodeRabbitMQFdUsed(node: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('RabbitMQFdUsed', { Node: requireName(this, 'node', node, 'a node name such as rabbit@ip-10-0-0-230.us-east-1.compute.internal') }, RABBITMQ_NODE_METRICS.RabbitMQFdUsed, options);
  }

  public metricQueueConsumerCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('ConsumerCount', this.queueDimensions(virtualHost, queue), RABBITMQ_QUEUE_METRICS.ConsumerCount, options);
  }

  public metricQueueMessageReadyCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageReadyCount', this.queueDimensions(virtualHost, queue), RABBITMQ_QUEUE_METRICS.MessageReadyCount, options);
  }

  public metricQueueMessageUnacknowledgedCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageUnacknowledgedCount', this.queueDimensions(virtualHost, queue), RABBITMQ_QUEUE_METRICS.MessageUnacknowledgedCount, options);
  }

  public metricQueueMessageCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.rabbitMetric('MessageCount', this.queueDimensions(virtualHost, queue), RABBITMQ_QUEUE_METRICS.MessageCount, options);
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
    validateRules(this, 'metric method', QUEUE_METRICS_VERSION_RULES, { engineVersion: this._knownEngineVersion(), queueMetricUses: ['queue metrics'] });
    requireName(this, 'virtualHost', virtualHost, 'a virtual host name');
    requireName(this, 'queue', queue, 'a queue name');
    validateRules(this, 'metric method', QUEUE_METRIC_NAME_RULES, { virtualHost, queue });
    return { VirtualHost: virtualHost, Queue: queue };
  }

}
