import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IBroker } from '../../broker/broker-base';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from '../activemq-deployment-mode';
import { ActiveMqDestination } from '../configuration/activemq-destination';

/** Options of an ActiveMQ metric. */
export interface ActiveMqMetricOptions extends cloudwatch.MetricOptions {
  /**
   * One instance of the broker: 1, or 2 for the standby side of an active/standby pair (`<name>-1`, `<name>-2`).
   * @default - every instance: the metric itself for a single instance; for active/standby, the maximum of both
   *   (sum for per-period counts and bytes), since the active instance changes on failover
   */
  readonly instance?: number;
}

/**
 * What the alarms and dashboards read of an ActiveMQ broker: every CloudWatch metric Amazon MQ publishes for
 * ActiveMQ, in the `AWS/AmazonMQ` namespace with dimension `Broker` = `<broker name>-<instance>`.
 */
export interface IActiveMqBrokerMetrics extends IBroker {
  /** The deployment mode (how many instances publish metrics). */
  readonly deploymentMode: ActiveMqDeploymentMode;
  /** The storage type, when known (EBS brokers publish BurstBalance and volume operations). */
  readonly storageType?: ActiveMqStorageType;

  /** The size of a queue (messages not yet consumed). Default: maximum over 5 minutes. */
  metricQueueSize(queue: string, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages received from a network connector for a destination. Default: sum over 5 minutes. */
  metricReceiveCount(destination: ActiveMqDestination, networkConnector: string, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most AMQP clients that can connect (per-protocol limit). Default: maximum over 5 minutes. */
  metricAmqpMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most MQTT clients that can connect. Default: maximum over 5 minutes. */
  metricMqttMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most OpenWire clients that can connect. Default: maximum over 5 minutes. */
  metricOpenwireMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most STOMP clients that can connect. Default: maximum over 5 minutes. */
  metricStompMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most WebSocket clients that can connect. Default: maximum over 5 minutes. */
  metricWsMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the EBS burst balance left (EBS storage only). Default: minimum over 5 minutes. */
  metricBurstBalance(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** CPU credits left (mq.t2.micro only; published every 5 minutes). Default: minimum over 5 minutes. */
  metricCpuCreditBalance(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the instance's CPU in use. Default: average over 5 minutes. */
  metricCpuUtilization(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Current client connections. Default: maximum over 5 minutes. */
  metricCurrentConnectionsCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Connections established and not yet closed. Default: maximum over 5 minutes. */
  metricEstablishedConnectionsCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the JVM memory limit in use. Default: maximum over 5 minutes. */
  metricHeapUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Inactive durable topic subscribers (up to 2000). Default: maximum over 5 minutes. */
  metricInactiveDurableTopicSubscribersCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the job scheduler store in use. Default: maximum over 5 minutes. */
  metricJobSchedulerStorePercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Journal files replayed after a clean shutdown. Default: maximum over 5 minutes. */
  metricJournalFilesForFastRecovery(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Journal files replayed after an unclean shutdown. Default: maximum over 5 minutes. */
  metricJournalFilesForFullRecovery(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Brokers connected to this one through network connectors. Default: maximum over 5 minutes. */
  metricNetworkConnectorConnectionCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Bytes received by the instance. Default: sum over 5 minutes. */
  metricNetworkIn(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Bytes sent by the instance. Default: sum over 5 minutes. */
  metricNetworkOut(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Transactions in progress. Default: maximum over 5 minutes. */
  metricOpenTransactionCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the message store in use; at 100 the broker refuses messages. Default: maximum over 5 minutes. */
  metricStorePercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of temporary storage (non-persistent messages) in use. Default: maximum over 5 minutes. */
  metricTempPercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Message consumers on the broker. Default: maximum over 5 minutes. */
  metricTotalConsumerCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Message producers on the broker. Default: maximum over 5 minutes. */
  metricTotalProducerCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages stored on the broker. Default: maximum over 5 minutes. */
  metricTotalMessageCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages sent to the broker since it started (advisory messages included). Default: maximum over 5 minutes. */
  metricTotalEnqueueCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages acknowledged by consumers since the broker started (advisory messages included). Default: maximum over 5 minutes. */
  metricTotalDequeueCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** EBS read operations (EBS storage only). Default: sum over 5 minutes. */
  metricVolumeReadOps(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** EBS write operations (EBS storage only). Default: sum over 5 minutes. */
  metricVolumeWriteOps(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Consumers subscribed to the destination. Default: maximum over 5 minutes. */
  metricConsumerCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Producers of the destination. Default: maximum over 5 minutes. */
  metricProducerCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the destination's memory limit in use. Default: maximum over 5 minutes. */
  metricMemoryUsage(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages sent to consumers and not yet acknowledged. Default: maximum over 5 minutes. */
  metricInFlightCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Milliseconds from a message's arrival to its dispatch. Default: average over 5 minutes. */
  metricEnqueueTime(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages sent to the destination, per minute. Default: sum over 5 minutes. */
  metricEnqueueCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages acknowledged by consumers, per minute. Default: sum over 5 minutes. */
  metricDequeueCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages dispatched to consumers, per minute. Default: sum over 5 minutes. */
  metricDispatchCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages that expired, per minute. Default: sum over 5 minutes. */
  metricExpiredCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
}
