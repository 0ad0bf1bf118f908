import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

// The metrics Amazon MQ publishes for ActiveMQ (mq-facts §3), each with the statistic its method defaults to: one
// table for the metric methods, the tests and the dashboards.

/** Broker-level metrics (dimension `Broker` = `<name>-<instance>`). */
export const ACTIVEMQ_BROKER_METRICS = {
  AmqpMaximumConnections: cloudwatch.Stats.MAXIMUM,
  MqttMaximumConnections: cloudwatch.Stats.MAXIMUM,
  OpenwireMaximumConnections: cloudwatch.Stats.MAXIMUM,
  StompMaximumConnections: cloudwatch.Stats.MAXIMUM,
  WsMaximumConnections: cloudwatch.Stats.MAXIMUM,
  BurstBalance: cloudwatch.Stats.MINIMUM,
  CpuCreditBalance: cloudwatch.Stats.MINIMUM,
  CpuUtilization: cloudwatch.Stats.AVERAGE,
  CurrentConnectionsCount: cloudwatch.Stats.MAXIMUM,
  EstablishedConnectionsCount: cloudwatch.Stats.MAXIMUM,
  HeapUsage: cloudwatch.Stats.MAXIMUM,
  InactiveDurableTopicSubscribersCount: cloudwatch.Stats.MAXIMUM,
  JobSchedulerStorePercentUsage: cloudwatch.Stats.MAXIMUM,
  JournalFilesForFastRecovery: cloudwatch.Stats.MAXIMUM,
  JournalFilesForFullRecovery: cloudwatch.Stats.MAXIMUM,
  NetworkConnectorConnectionCount: cloudwatch.Stats.MAXIMUM,
  NetworkIn: cloudwatch.Stats.SUM,
  NetworkOut: cloudwatch.Stats.SUM,
  OpenTransactionCount: cloudwatch.Stats.MAXIMUM,
  StorePercentUsage: cloudwatch.Stats.MAXIMUM,
  TempPercentUsage: cloudwatch.Stats.MAXIMUM,
  TotalConsumerCount: cloudwatch.Stats.MAXIMUM,
  TotalProducerCount: cloudwatch.Stats.MAXIMUM,
  TotalMessageCount: cloudwatch.Stats.MAXIMUM,
  TotalEnqueueCount: cloudwatch.Stats.MAXIMUM,
  TotalDequeueCount: cloudwatch.Stats.MAXIMUM,
  VolumeReadOps: cloudwatch.Stats.SUM,
  VolumeWriteOps: cloudwatch.Stats.SUM,
} as const;

/** Destination metrics (dimensions `Broker` and `Queue` or `Topic`). */
export const ACTIVEMQ_DESTINATION_METRICS = {
  ConsumerCount: cloudwatch.Stats.MAXIMUM,
  ProducerCount: cloudwatch.Stats.MAXIMUM,
  MemoryUsage: cloudwatch.Stats.MAXIMUM,
  InFlightCount: cloudwatch.Stats.MAXIMUM,
  EnqueueTime: cloudwatch.Stats.AVERAGE,
  EnqueueCount: cloudwatch.Stats.SUM,
  DequeueCount: cloudwatch.Stats.SUM,
  DispatchCount: cloudwatch.Stats.SUM,
  ExpiredCount: cloudwatch.Stats.SUM,
} as const;

/** Queue-only metrics (dimensions `Broker` and `Queue`). */
export const ACTIVEMQ_QUEUE_METRICS = {
  QueueSize: cloudwatch.Stats.MAXIMUM,
} as const;

/** Network connector metrics (dimensions `Broker`, `Queue` or `Topic`, and `NetworkConnector`). */
export const ACTIVEMQ_CONNECTOR_METRICS = {
  ReceiveCount: cloudwatch.Stats.SUM,
} as const;

export type ActiveMqBrokerMetricName = keyof typeof ACTIVEMQ_BROKER_METRICS;
const DESTINATION_STATISTICS = { ...ACTIVEMQ_DESTINATION_METRICS, ...ACTIVEMQ_QUEUE_METRICS, ...ACTIVEMQ_CONNECTOR_METRICS };

export type ActiveMqDestinationMetricName = keyof typeof DESTINATION_STATISTICS;

/** The statistic a destination metric defaults to. */
export function destinationStatistic(metricName: ActiveMqDestinationMetricName): string {
  return DESTINATION_STATISTICS[metricName];
}
