import { ActiveMqDestination } from './activemq-destination';

/**
 * A connection to another broker of a network of brokers (`<networkConnector>`); at most 20 per broker
 * (mq-facts F-X08). Its user must exist on the remote broker.
 */
export interface ActiveMqNetworkConnector {
  /** A name unique on this broker, for example `connector_to_broker2`. */
  readonly name: string;
  /**
   * The remote broker, for example `static:(ssl://b-1234-1.mq.us-east-1.amazonaws.com:61617)` or
   * `masterslave:(ssl://...-1...:61617,ssl://...-2...:61617)` for an active/standby pair.
   */
  readonly uri: string;
  /** The user on the remote broker. */
  readonly userName: string;
  /**
   * Whether messages flow both ways over this connection.
   * @default false
   */
  readonly duplex?: boolean;
  /**
   * How many brokers a message or subscription may cross.
   * @default 1
   */
  readonly networkTtl?: number;
  /** @default true */
  readonly conduitSubscriptions?: boolean;
  /** @default false */
  readonly dynamicOnly?: boolean;
  /** @default false */
  readonly decreaseNetworkConsumerPriority?: boolean;
  /** @default false */
  readonly suppressDuplicateQueueSubscriptions?: boolean;
  /** @default false */
  readonly suppressDuplicateTopicSubscriptions?: boolean;
  /** @default 1000 */
  readonly prefetchSize?: number;
  /** @default - as networkTtl */
  readonly messageTtl?: number;
  /** @default - as networkTtl */
  readonly consumerTtl?: number;
  /** @default false */
  readonly useVirtualDestSubs?: boolean;
  /**
   * Destinations never forwarded.
   * @default - none
   */
  readonly excludedDestinations?: ActiveMqDestination[];
  /**
   * Destinations forwarded when the remote broker has consumers for them.
   * @default - all
   */
  readonly dynamicallyIncludedDestinations?: ActiveMqDestination[];
  /**
   * Destinations always forwarded.
   * @default - none
   */
  readonly staticallyIncludedDestinations?: ActiveMqDestination[];
}
