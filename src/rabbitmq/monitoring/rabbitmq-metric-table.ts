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

/** Node metrics (dimensions `Broker` and `Node`). */
export const RABBITMQ_NODE_METRICS = {
  SystemCpuUtilization: cloudwatch.Stats.AVERAGE,
  RabbitMQMemLimit: cloudwatch.Stats.MAXIMUM,
  RabbitMQMemUsed: cloudwatch.Stats.MAXIMUM,
  RabbitMQDiskFreeLimit: cloudwatch.Stats.MAXIMUM,
  RabbitMQDiskFree: cloudwatch.Stats.MINIMUM,
  RabbitMQFdUsed: cloudwatch.Stats.MAXIMUM,
} as const;

/** Queue metrics (dimensions `Broker`, `VirtualHost` and `Queue`; RabbitMQ 3.13 only). */
export const RABBITMQ_QUEUE_METRICS = {
  ConsumerCount: cloudwatch.Stats.MAXIMUM,
  MessageReadyCount: cloudwatch.Stats.MAXIMUM,
  MessageUnacknowledgedCount: cloudwatch.Stats.MAXIMUM,
  MessageCount: cloudwatch.Stats.MAXIMUM,
} as const;

export type RabbitMqBrokerMetricName = keyof typeof RABBITMQ_BROKER_METRICS;
