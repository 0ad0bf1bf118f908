import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

// The metrics Amazon MQ publishes for RabbitMQ (mq-facts §3), each with the statistic its method defaults to: one
// table for the metric methods, the tests and the dashboards.

/** Broker-level metrics (dimension `Broker` = the broker name). */
export const RABBITMQ_BROKER_METRICS = {
  ExchangeCount: cloudwatch.Stats.MAXIMUM,
  QueueCount: cloudwatch.Stats.MAXIMUM,
  ConnectionCount: cloudwatch.Stats.MAXIMUM,
  ChannelCount: cloudwatch.Stats.MAXIMUM,
  ConsumerCount: cloudwatch.Stats.MAXIMUM,
  MessageCount: cloudwatch.Stats.MAXIMUM,
  MessageReadyCount: cloudwatch.Stats.MAXIMUM,
  MessageUnacknowledgedCount: cloudwatch.Stats.MAXIMUM,
  PublishRate: cloudwatch.Stats.AVERAGE,
  ConfirmRate: cloudwatch.Stats.AVERAGE,
  AckRate: cloudwatch.Stats.AVERAGE,
  SystemCpuUtilization: cloudwatch.Stats.AVERAGE,
  RabbitMQMemLimit: cloudwatch.Stats.MAXIMUM,
  RabbitMQMemUsed: cloudwatch.Stats.MAXIMUM,
  RabbitMQDiskFreeLimit: cloudwatch.Stats.MAXIMUM,
  RabbitMQDiskFree: cloudwatch.Stats.MINIMUM,
  RabbitMQFdUsed: cloudwatch.Stats.MAXIMUM,
  RabbitMQIOReadAverageTime: cloudwatch.Stats.AVERAGE,
  RabbitMQIOWriteAverageTime: cloudwatch.Stats.AVERAGE,
} as const;

/** The broker metrics of these names, with the same statistics. */
function pick<K extends keyof typeof RABBITMQ_BROKER_METRICS>(...names: K[]): { readonly [name in K]: (typeof RABBITMQ_BROKER_METRICS)[name] } {
  return Object.fromEntries(names.map((n) => [n, RABBITMQ_BROKER_METRICS[n]])) as { [name in K]: (typeof RABBITMQ_BROKER_METRICS)[name] };
}

/** Node metrics (dimensions `Broker` and `Node`): broker metrics Amazon MQ also publishes per node. */
export const RABBITMQ_NODE_METRICS = pick('SystemCpuUtilization', 'RabbitMQMemLimit', 'RabbitMQMemUsed', 'RabbitMQDiskFreeLimit', 'RabbitMQDiskFree', 'RabbitMQFdUsed');

/** Queue metrics (dimensions `Broker`, `VirtualHost` and `Queue`; RabbitMQ 3.13 only): broker metrics per queue. */
export const RABBITMQ_QUEUE_METRICS = pick('ConsumerCount', 'MessageReadyCount', 'MessageUnacknowledgedCount', 'MessageCount');

export type RabbitMqBrokerMetricName = keyof typeof RABBITMQ_BROKER_METRICS;
