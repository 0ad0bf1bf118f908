import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

/** The queue types Amazon MQ supports (streams are not supported: mq-facts F-V16). */
export enum RabbitMqQueueType {
  /** Replicated, durable; the default on RabbitMQ 4 and on clusters. */
  QUORUM = 'quorum',
  /** Classic queues; on a cluster, a classic queue lives on one node. */
  CLASSIC = 'classic',
}

/** Exchange types. */
export enum RabbitMqExchangeType {
  DIRECT = 'direct',
  FANOUT = 'fanout',
  TOPIC = 'topic',
  HEADERS = 'headers',
  /** Routes by a hash of the routing key over the bound queues' weights (the consistent hash exchange plugin). */
  CONSISTENT_HASH = 'x-consistent-hash',
}

/** The user tags RabbitMQ gives a meaning (any other tag grants nothing). */
export enum RabbitMqUserTag {
  /** Everything the management API allows, users and permissions included. */
  ADMINISTRATOR = 'administrator',
  /** The management UI and API for the user's own virtual hosts, plus node-wide metrics. */
  MONITORING = 'monitoring',
  /** Policies and parameters in the user's virtual hosts. */
  POLICYMAKER = 'policymaker',
  /** The management UI and API for the user's own virtual hosts. */
  MANAGEMENT = 'management',
  /** May forge the user-id message property. */
  IMPERSONATOR = 'impersonator',
}

/** What a policy applies to. */
export enum RabbitMqPolicyApplyTo {
  QUEUES = 'queues',
  CLASSIC_QUEUES = 'classic_queues',
  QUORUM_QUEUES = 'quorum_queues',
  EXCHANGES = 'exchanges',
  ALL = 'all',
}

/** Permissions of a user in a virtual host: regular expressions over resource names (`.*` = all, `^$` = none). */
export interface RabbitMqPermissions {
  /** Which resources the user may declare and delete. */
  readonly configure: string;
  /** Which resources the user may publish to (exchanges) or bind. */
  readonly write: string;
  /** Which resources the user may consume from or bind from. */
  readonly read: string;
}

/** A user of the broker, made through the management API, with permissions in a virtual host. */
export interface RabbitMqVirtualHostUserOptions {
  /**
   * The user's password: a secret with a `password` key (and `username`, for Lambda event sources).
   * @default - a generated secret `{"username", "password"}`
   */
  readonly password?: secretsmanager.ISecret;
  /**
   * Any value; change it after rotating or changing the secret's value, and the next deploy sets the broker
   * user's password from the secret's current value (the custom resource holds only the secret's ARN, so
   * CloudFormation sees no change otherwise). For example, the secret's version ID or a date.
   * @default - the password is set when the user is created, or when `password` names another secret
   */
  readonly passwordVersion?: string;
  /**
   * RabbitMQ user tags, one per entry: the values of `RabbitMqUserTag`, such as `management` or `monitoring`.
   * @default - none
   */
  readonly tags?: string[];
  /** The user's permissions in this virtual host. */
  readonly permissions: RabbitMqPermissions;
}

/** A queue. */
export interface RabbitMqQueueOptions {
  /**
   * The queue type.
   * @default RabbitMqQueueType.QUORUM
   */
  readonly type?: RabbitMqQueueType;
  /**
   * Whether the queue survives a broker restart (quorum queues always do).
   * @default true
   */
  readonly durable?: boolean;
  /** Where rejected and expired messages go (`x-dead-letter-exchange`). @default - none */
  readonly deadLetterExchange?: string;
  /** The routing key dead-lettered messages get (`x-dead-letter-routing-key`). @default - their own */
  readonly deadLetterRoutingKey?: string;
  /** Deliveries before a message is dead-lettered (`x-delivery-limit`, quorum queues only). @default - RabbitMQ's */
  readonly deliveryLimit?: number;
  /** How long a message may wait (`x-message-ttl`). @default - forever */
  readonly messageTtl?: Duration;
  /** At most this many messages (`x-max-length`). @default - no limit */
  readonly maxLength?: number;
  /** Other `x-` arguments, as RabbitMQ takes them. @default - none */
  readonly arguments?: { [key: string]: any };
  /**
   * What happens to the queue, and its messages, when it leaves the app or the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** An exchange. */
export interface RabbitMqExchangeOptions {
  readonly type: RabbitMqExchangeType;
  /** @default true */
  readonly durable?: boolean;
  /** Only other exchanges may publish to it. @default false */
  readonly internal?: boolean;
  /** Other arguments, such as `alternate-exchange`. @default - none */
  readonly arguments?: { [key: string]: any };
}

/** A binding from an exchange to a queue or another exchange. */
export interface RabbitMqBindingOptions {
  /** The exchange messages come from. */
  readonly source: string;
  /** The queue messages go to (give this or `destinationExchange`). @default - none */
  readonly destinationQueue?: string;
  /** The exchange messages go to (give this or `destinationQueue`). @default - none */
  readonly destinationExchange?: string;
  /** @default '' */
  readonly routingKey?: string;
  /** @default - none */
  readonly arguments?: { [key: string]: any };
}

/** A policy or an operator policy. */
export interface RabbitMqPolicyOptions {
  /** A regular expression over queue or exchange names. */
  readonly pattern: string;
  /** The policy's keys, such as `dead-letter-exchange`, `max-length`, `delivery-limit`. */
  readonly definition: { [key: string]: any };
  /** @default RabbitMqPolicyApplyTo.QUEUES */
  readonly applyTo?: RabbitMqPolicyApplyTo;
  /** @default 0 */
  readonly priority?: number;
}

/** One end of a dynamic shovel (Amazon MQ supports dynamic shovels only). */
export interface RabbitMqShovelEndpoint {
  /**
   * The broker, as `amqps://host:5671/vhost` without credentials. Amazon MQ cannot shovel to a private broker.
   * @default - this virtual host on this broker
   */
  readonly uri?: string;
  /** The user name and password to connect with (keys `username`, `password`), read at deploy time. @default - none */
  readonly credentials?: secretsmanager.ISecret;
  /** The queue (give this or `exchange`). @default - none */
  readonly queue?: string;
  /** The exchange (give this or `queue`). @default - none */
  readonly exchange?: string;
  /** The routing key, with an exchange. @default - the message's */
  readonly exchangeKey?: string;
}

/** A dynamic shovel. */
export interface RabbitMqShovelOptions {
  readonly source: RabbitMqShovelEndpoint;
  readonly destination: RabbitMqShovelEndpoint;
  /** @default 'on-confirm' */
  readonly ackMode?: string;
}

/** A federation upstream (another broker this virtual host federates from). */
export interface RabbitMqFederationUpstreamOptions {
  /** The upstream broker, as `amqps://host:5671/vhost` without credentials. */
  readonly uri: string;
  /** The user name and password to connect with (keys `username`, `password`), read at deploy time. */
  readonly credentials: secretsmanager.ISecret;
  /** Other upstream settings, such as `expires` or `max-hops`. @default - none */
  readonly settings?: { [key: string]: any };
}
