import { Duration } from 'aws-cdk-lib';
import { ActiveMqDestination } from './activemq-destination';
import { ActiveMqRenderContext } from './activemq-render-context';
import { element, wrapper, XmlNode } from '../../private/xml/xml-node';

/** Options of a dead-letter strategy. */
export interface ActiveMqDeadLetterOptions {
  /**
   * Whether expired messages go to the dead-letter queue too.
   * @default true
   */
  readonly processExpired?: boolean;
  /**
   * Whether non-persistent messages go to the dead-letter queue too.
   * @default false
   */
  readonly processNonPersistent?: boolean;
  /**
   * How long a message stays in the dead-letter queue before it expires.
   * @default - forever
   */
  readonly expiration?: Duration;
}

/** Options of the individual dead-letter strategy: one dead-letter destination per destination. */
export interface ActiveMqIndividualDeadLetterOptions extends ActiveMqDeadLetterOptions {
  /**
   * Prefix of the dead-letter queue of a queue.
   * @default 'ActiveMQ.DLQ.Queue.'
   */
  readonly queuePrefix?: string;
  /**
   * Prefix of the dead-letter destination of a topic.
   * @default 'ActiveMQ.DLQ.Topic.'
   */
  readonly topicPrefix?: string;
  /**
   * Whether dead letters of a queue go to a queue (rather than a topic).
   * @default true
   */
  readonly useQueueForQueueMessages?: boolean;
  /**
   * Whether dead letters of a topic go to a queue.
   * @default true
   */
  readonly useQueueForTopicMessages?: boolean;
}

/** Where messages go when they cannot be delivered (`<deadLetterStrategy>`). */
export class ActiveMqDeadLetterStrategy {
  /** One dead-letter queue per destination (`<individualDeadLetterStrategy>`). */
  public static individual(options: ActiveMqIndividualDeadLetterOptions = {}): ActiveMqDeadLetterStrategy {
    return new ActiveMqDeadLetterStrategy(element('individualDeadLetterStrategy', {
      ...deadLetterAttributes(options),
      queuePrefix: options.queuePrefix,
      topicPrefix: options.topicPrefix,
      useQueueForQueueMessages: options.useQueueForQueueMessages,
      useQueueForTopicMessages: options.useQueueForTopicMessages,
    }));
  }

  /** One dead-letter queue for all the destinations of the entry (`<sharedDeadLetterStrategy>`). */
  public static shared(deadLetterQueue?: string, options: ActiveMqDeadLetterOptions = {}): ActiveMqDeadLetterStrategy {
    return new ActiveMqDeadLetterStrategy(element('sharedDeadLetterStrategy', deadLetterAttributes(options), [
      deadLetterQueue === undefined ? undefined : element('deadLetterQueue', {}, [element('queue', { physicalName: deadLetterQueue })]),
    ]));
  }

  /** Drop undeliverable messages (`<discarding>`). */
  public static discard(options: ActiveMqDeadLetterOptions = {}): ActiveMqDeadLetterStrategy {
    return new ActiveMqDeadLetterStrategy(element('discarding', deadLetterAttributes(options)));
  }

  private constructor(/** @internal */ public readonly _node: XmlNode) {}
}

function deadLetterAttributes(options: ActiveMqDeadLetterOptions) {
  return {
    processExpired: options.processExpired,
    processNonPersistent: options.processNonPersistent,
    expiration: options.expiration?.toMilliseconds(),
  };
}

/** How a topic dispatches messages to its subscribers (`<dispatchPolicy>`). */
export class ActiveMqDispatchPolicy {
  /** Round robin over subscribers (`<roundRobinDispatchPolicy>`). */
  public static roundRobin(): ActiveMqDispatchPolicy {
    return new ActiveMqDispatchPolicy(element('roundRobinDispatchPolicy'));
  }

  /** Every subscriber sees messages in the same order (`<strictOrderDispatchPolicy>`). */
  public static strictOrder(): ActiveMqDispatchPolicy {
    return new ActiveMqDispatchPolicy(element('strictOrderDispatchPolicy'));
  }

  /** Higher-priority subscribers first (`<priorityDispatchPolicy>`). */
  public static priority(): ActiveMqDispatchPolicy {
    return new ActiveMqDispatchPolicy(element('priorityDispatchPolicy'));
  }

  /** Every subscriber in turn, the default (`<simpleDispatchPolicy>`). */
  public static simple(): ActiveMqDispatchPolicy {
    return new ActiveMqDispatchPolicy(element('simpleDispatchPolicy'));
  }

  private constructor(/** @internal */ public readonly _node: XmlNode) {}
}

/** Which recent messages a new topic subscriber receives (`<subscriptionRecoveryPolicy>`). */
export class ActiveMqSubscriptionRecoveryPolicy {
  /** The last `maximumSize` messages (`<fixedCountSubscriptionRecoveryPolicy>`). */
  public static fixedCount(maximumSize: number): ActiveMqSubscriptionRecoveryPolicy {
    return new ActiveMqSubscriptionRecoveryPolicy(element('fixedCountSubscriptionRecoveryPolicy', { maximumSize }));
  }

  /** The last messages up to `maximumSize` bytes (`<fixedSizedSubscriptionRecoveryPolicy>`). */
  public static fixedSize(maximumSize: number): ActiveMqSubscriptionRecoveryPolicy {
    return new ActiveMqSubscriptionRecoveryPolicy(element('fixedSizedSubscriptionRecoveryPolicy', { maximumSize }));
  }

  /** The last message only (`<lastImageSubscriptionRecoveryPolicy>`). */
  public static lastImage(): ActiveMqSubscriptionRecoveryPolicy {
    return new ActiveMqSubscriptionRecoveryPolicy(element('lastImageSubscriptionRecoveryPolicy'));
  }

  /** The messages of the last `recoverDuration` (`<timedSubscriptionRecoveryPolicy>`). */
  public static timed(recoverDuration: Duration): ActiveMqSubscriptionRecoveryPolicy {
    return new ActiveMqSubscriptionRecoveryPolicy(element('timedSubscriptionRecoveryPolicy', { recoverDuration: recoverDuration.toMilliseconds() }));
  }

  /** None (`<noSubscriptionRecoveryPolicy>`). */
  public static none(): ActiveMqSubscriptionRecoveryPolicy {
    return new ActiveMqSubscriptionRecoveryPolicy(element('noSubscriptionRecoveryPolicy'));
  }

  private constructor(/** @internal */ public readonly _node: XmlNode) {}
}

/** Options of the slow-consumer strategies. */
export interface ActiveMqSlowConsumerOptions {
  /**
   * Close the consumer's connection rather than only the consumer.
   * @default false
   */
  readonly abortConnection?: boolean;
  /**
   * How often consumers are checked.
   * @default Duration.seconds(30)
   */
  readonly checkPeriod?: Duration;
  /**
   * How long a consumer may stay slow before it is aborted.
   * @default Duration.seconds(30)
   */
  readonly maxSlowDuration?: Duration;
  /**
   * How many times a consumer may be found slow before it is aborted.
   * @default - no count limit
   */
  readonly maxSlowCount?: number;
}

/** What the broker does with consumers too slow to keep up (`<slowConsumerStrategy>`). */
export class ActiveMqSlowConsumerStrategy {
  /** Abort consumers whose prefetch buffer stays full (`<abortSlowConsumerStrategy>`). */
  public static abortSlowConsumer(options: ActiveMqSlowConsumerOptions = {}): ActiveMqSlowConsumerStrategy {
    return new ActiveMqSlowConsumerStrategy(element('abortSlowConsumerStrategy', slowAttributes(options)));
  }

  /** Abort consumers that do not acknowledge within `maxTimeSinceLastAck` (`<abortSlowAckConsumerStrategy>`). */
  public static abortSlowAckConsumer(maxTimeSinceLastAck: Duration, options: ActiveMqSlowConsumerOptions = {}): ActiveMqSlowConsumerStrategy {
    return new ActiveMqSlowConsumerStrategy(element('abortSlowAckConsumerStrategy', {
      ...slowAttributes(options),
      maxTimeSinceLastAck: maxTimeSinceLastAck.toMilliseconds(),
    }));
  }

  private constructor(/** @internal */ public readonly _node: XmlNode) {}
}

function slowAttributes(options: ActiveMqSlowConsumerOptions) {
  return {
    abortConnection: options.abortConnection,
    checkPeriod: options.checkPeriod?.toMilliseconds(),
    maxSlowDuration: options.maxSlowDuration?.toMilliseconds(),
    maxSlowCount: options.maxSlowCount,
  };
}

/** Which message a full topic subscription drops first (`<messageEvictionStrategy>`). */
export class ActiveMqMessageEvictionStrategy {
  /** The oldest (`<oldestMessageEvictionStrategy>`). */
  public static oldestMessage(): ActiveMqMessageEvictionStrategy {
    return new ActiveMqMessageEvictionStrategy(element('oldestMessageEvictionStrategy'));
  }

  /** The oldest of the lowest priority (`<oldestMessageWithLowestPriorityEvictionStrategy>`). */
  public static oldestMessageWithLowestPriority(): ActiveMqMessageEvictionStrategy {
    return new ActiveMqMessageEvictionStrategy(element('oldestMessageWithLowestPriorityEvictionStrategy'));
  }

  /** Older messages with the same value of a property (`<uniquePropertyMessageEvictionStrategy>`). */
  public static uniqueProperty(propertyName: string): ActiveMqMessageEvictionStrategy {
    return new ActiveMqMessageEvictionStrategy(element('uniquePropertyMessageEvictionStrategy', { propertyName }));
  }

  private constructor(/** @internal */ public readonly _node: XmlNode) {}
}

/** Where a queue keeps the messages it has not dispatched yet (`<pendingQueuePolicy>`). */
export class ActiveMqPendingQueuePolicy {
  /** Pages from the store, the default (`<storeCursor>`). */
  public static store(): ActiveMqPendingQueuePolicy {
    return new ActiveMqPendingQueuePolicy(element('storeCursor'));
  }

  /** In memory only (`<vmQueueCursor>`). */
  public static memory(): ActiveMqPendingQueuePolicy {
    return new ActiveMqPendingQueuePolicy(element('vmQueueCursor'));
  }

  /** In temporary files (`<fileQueueCursor>`). */
  public static file(): ActiveMqPendingQueuePolicy {
    return new ActiveMqPendingQueuePolicy(element('fileQueueCursor'));
  }

  private constructor(/** @internal */ public readonly _node: XmlNode) {}
}

/** The policy of the destinations that match a pattern (`<policyEntry>`). */
export interface ActiveMqPolicyEntry {
  /** The destinations it applies to (patterns allowed). */
  readonly destination: ActiveMqDestination;
  /** @default true */
  readonly producerFlowControl?: boolean;
  /**
   * Memory limit of each matched destination, in bytes.
   * @default - a share of the broker's memory
   */
  readonly memoryLimitBytes?: number;
  /** @default false */
  readonly gcInactiveDestinations?: boolean;
  /**
   * How long a destination must be inactive (no messages, no consumers) before it is removed.
   * @default Duration.minutes(1)
   */
  readonly inactiveTimeoutBeforeGc?: Duration;
  /**
   * How often expired messages are removed; `Duration.millis(0)` turns the sweep off.
   * @default Duration.seconds(30)
   */
  readonly expireMessagesPeriod?: Duration;
  /** @default 200 */
  readonly maxPageSize?: number;
  /** @default 400 */
  readonly maxBrowsePageSize?: number;
  /** @default false */
  readonly prioritizedMessages?: boolean;
  /** @default true */
  readonly useCache?: boolean;
  /** @default - the client's prefetch */
  readonly queuePrefetch?: number;
  /** @default - the client's prefetch */
  readonly topicPrefetch?: number;
  /** @default - the client's prefetch */
  readonly durableTopicPrefetch?: number;
  /** @default false */
  readonly optimizedDispatch?: boolean;
  /** @default false */
  readonly lazyDispatch?: boolean;
  /** @default false */
  readonly strictOrderDispatch?: boolean;
  /** @default true */
  readonly useConsumerPriority?: boolean;
  /** @default false */
  readonly persistJmsRedelivered?: boolean;
  /** @default true */
  readonly enableAudit?: boolean;
  /** @default false */
  readonly advisoryForConsumed?: boolean;
  /** @default false */
  readonly advisoryForDelivery?: boolean;
  /** @default false */
  readonly advisoryForSlowConsumers?: boolean;
  /** @default false */
  readonly advisoryForFastProducers?: boolean;
  /** @default false */
  readonly advisoryWhenFull?: boolean;
  /** @default false */
  readonly sendAdvisoryIfNoConsumers?: boolean;
  /** @default - the shared `ActiveMQ.DLQ` */
  readonly deadLetterStrategy?: ActiveMqDeadLetterStrategy;
  /**
   * How many messages a slow non-durable topic subscriber may have pending before old ones are evicted.
   * @default - no limit
   */
  readonly pendingMessageLimit?: number;
  /** @default ActiveMqDispatchPolicy.simple() */
  readonly dispatchPolicy?: ActiveMqDispatchPolicy;
  /** @default - none */
  readonly subscriptionRecoveryPolicy?: ActiveMqSubscriptionRecoveryPolicy;
  /** @default - slow consumers are not aborted */
  readonly slowConsumerStrategy?: ActiveMqSlowConsumerStrategy;
  /** @default ActiveMqMessageEvictionStrategy.oldestMessage() */
  readonly messageEvictionStrategy?: ActiveMqMessageEvictionStrategy;
  /** @default ActiveMqPendingQueuePolicy.store() */
  readonly pendingQueuePolicy?: ActiveMqPendingQueuePolicy;
  /**
   * Further `<policyEntry>` attributes Amazon MQ permits, by name (checked against the engine version's XSD).
   * @default - none
   */
  readonly extraAttributes?: Record<string, string>;
}

/** Renders `<destinationPolicy>` with the policy entries. */
export function renderPolicyEntries(
  model: { readonly policyEntries?: ActiveMqPolicyEntry[] },
  context: ActiveMqRenderContext,
): XmlNode | undefined {
  const entries = (model.policyEntries ?? []).map((p, i) => renderPolicyEntry(p, context.destination(p.destination, `policyEntries[${i}].destination`)));
  return wrapper('destinationPolicy', [wrapper('policyMap', [wrapper('policyEntries', entries)])]);
}

function renderPolicyEntry(p: ActiveMqPolicyEntry, destination: Record<string, string>): XmlNode {
  return element('policyEntry', {
    ...destination,
    advisoryForConsumed: p.advisoryForConsumed,
    advisoryForDelivery: p.advisoryForDelivery,
    advisoryForFastProducers: p.advisoryForFastProducers,
    advisoryForSlowConsumers: p.advisoryForSlowConsumers,
    advisoryWhenFull: p.advisoryWhenFull,
    durableTopicPrefetch: p.durableTopicPrefetch,
    enableAudit: p.enableAudit,
    expireMessagesPeriod: p.expireMessagesPeriod?.toMilliseconds(),
    gcInactiveDestinations: p.gcInactiveDestinations,
    inactiveTimeoutBeforeGC: p.inactiveTimeoutBeforeGc?.toMilliseconds(),
    lazyDispatch: p.lazyDispatch,
    maxBrowsePageSize: p.maxBrowsePageSize,
    maxPageSize: p.maxPageSize,
    memoryLimit: p.memoryLimitBytes,
    optimizedDispatch: p.optimizedDispatch,
    persistJMSRedelivered: p.persistJmsRedelivered,
    prioritizedMessages: p.prioritizedMessages,
    producerFlowControl: p.producerFlowControl,
    queuePrefetch: p.queuePrefetch,
    sendAdvisoryIfNoConsumers: p.sendAdvisoryIfNoConsumers,
    strictOrderDispatch: p.strictOrderDispatch,
    topicPrefetch: p.topicPrefetch,
    useCache: p.useCache,
    useConsumerPriority: p.useConsumerPriority,
    ...p.extraAttributes,
  }, [
    p.deadLetterStrategy && element('deadLetterStrategy', {}, [p.deadLetterStrategy._node]),
    p.dispatchPolicy && element('dispatchPolicy', {}, [p.dispatchPolicy._node]),
    p.messageEvictionStrategy && element('messageEvictionStrategy', {}, [p.messageEvictionStrategy._node]),
    p.pendingMessageLimit === undefined ? undefined : element('pendingMessageLimitStrategy', {}, [
      element('constantPendingMessageLimitStrategy', { limit: p.pendingMessageLimit }),
    ]),
    p.pendingQueuePolicy && element('pendingQueuePolicy', {}, [p.pendingQueuePolicy._node]),
    p.slowConsumerStrategy && element('slowConsumerStrategy', {}, [p.slowConsumerStrategy._node]),
    p.subscriptionRecoveryPolicy && element('subscriptionRecoveryPolicy', {}, [p.subscriptionRecoveryPolicy._node]),
  ]);
}
