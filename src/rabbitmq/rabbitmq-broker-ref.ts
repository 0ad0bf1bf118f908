import type { RabbitMqAlarmOptions, RabbitMqBrokerAlarms } from './monitoring/rabbitmq-broker-alarms';
import type { IRabbitMqBrokerMetrics } from './monitoring/rabbitmq-broker-metrics';

// The contract apart from its base class, so the event sources and management objects that take an IRabbitMqBroker
// do not import the implementation. The alarms take IRabbitMqBrokerMetrics, which this extends: no way back to here.

/** A RabbitMQ broker, created here or imported: its endpoints, metrics and recommended alarms. */
export interface IRabbitMqBroker extends IRabbitMqBrokerMetrics {
  /** The AMQPS endpoint (`amqps://<host>:5671`): a string token for a broker made here. */
  readonly amqpsEndpoint: string;
  /** The web console and management API URL (`https://<host>`): a string token for a broker made here. */
  readonly managementUrl: string;

  /**
   * Creates the recommended alarms for this broker (memory, disk, CPU, and the queues you name).
   * Call it once per broker.
   */
  addRecommendedAlarms(options?: RabbitMqAlarmOptions): RabbitMqBrokerAlarms;
}
