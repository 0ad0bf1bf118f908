import { Duration } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

// The props live apart from the event source classes so the rules (which read them) need not import the classes.

/** What both Amazon MQ event sources take. */
export interface MqEventSourceOptions {
  /** The queue the function consumes (one per event source; an ActiveMQ virtual topic's consumer queue works too). */
  readonly queue: string;
  /**
   * A secret with the broker user's `username` and `password`.
   * @default - ActiveMQ: the broker's first user created by this library; RabbitMQ: its admin secret (required for imported brokers)
   */
  readonly credentials?: secretsmanager.ISecret;
  /**
   * Messages per invocation, 1-10000.
   * @default 100
   */
  readonly batchSize?: number;
  /**
   * How long to gather messages before invoking, up to 5 minutes.
   * @default - Lambda's default for Amazon MQ (500 ms)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Whether the mapping polls.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Event filtering: patterns built with `lambda.FilterCriteria.filter()`.
   * @default - every message
   */
  readonly filters?: Array<{ [key: string]: any }>;
}

/** An ActiveMQ event source. */
export interface ActiveMqEventSourceProps extends MqEventSourceOptions {}

/** A RabbitMQ event source. */
export interface RabbitMqEventSourceProps extends MqEventSourceOptions {
  /**
   * The virtual host of the queue.
   * @default '/'
   */
  readonly virtualHost?: string;
}
