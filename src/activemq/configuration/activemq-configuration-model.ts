import { Duration } from 'aws-cdk-lib';
import { ActiveMqAuthorizationEntry, ActiveMqTempDestinationAuthorization } from './activemq-authorization';
import { ActiveMqDestination } from './activemq-destination';
import { ActiveMqPolicyEntry } from './activemq-destination-policies';
import { ActiveMqNetworkConnector } from './activemq-network-connector';
import { ActiveMqRedeliveryOptions } from './activemq-redelivery';
import { ActiveMqVirtualDestination } from './activemq-virtual-destination';

/** How KahaDB syncs its journal to disk. */
export enum ActiveMqJournalDiskSyncStrategy {
  ALWAYS = 'always',
  PERIODIC = 'periodic',
  NEVER = 'never',
}

/** KahaDB settings Amazon MQ permits (`<persistenceAdapter><kahaDB>`). */
export interface ActiveMqKahaDbOptions {
  /** @default true */
  readonly concurrentStoreAndDispatchQueues?: boolean;
  /** @default false */
  readonly cleanupOnStop?: boolean;
  /**
   * Between 5 and 25 seconds.
   * @default Duration.seconds(5)
   */
  readonly checkpointInterval?: Duration;
  /**
   * Between 1000 and 3000.
   * @default 1000
   */
  readonly indexWriteBatchSize?: number;
  /** @default Duration.seconds(1) */
  readonly journalDiskSyncInterval?: Duration;
  /** @default ActiveMqJournalDiskSyncStrategy.ALWAYS */
  readonly journalDiskSyncStrategy?: ActiveMqJournalDiskSyncStrategy;
}

/** The broker-side plugins Amazon MQ permits, other than authorization and redelivery. */
export interface ActiveMqPluginOptions {
  /**
   * Answer statistics requests on `ActiveMQ.Statistics.*` destinations (`<statisticsBrokerPlugin>`).
   * @default false
   */
  readonly statistics?: boolean;
  /**
   * Force every message persistent (true) or non-persistent (false) (`<forcePersistencyModeBrokerPlugin>`).
   * @default - the producer decides
   */
  readonly forcePersistent?: boolean;
  /**
   * Stamp messages with the broker's time (`<timeStampingBrokerPlugin>`).
   * @default - not installed
   */
  readonly timeStamping?: ActiveMqTimeStampingOptions;
  /**
   * Drop dead letters instead of keeping them (`<discardingDLQBrokerPlugin>`).
   * @default - not installed
   */
  readonly discardDeadLetters?: ActiveMqDiscardDeadLettersOptions;
}

/** Options of `<timeStampingBrokerPlugin>`. */
export interface ActiveMqTimeStampingOptions {
  /** @default - messages without expiry keep none */
  readonly zeroExpirationOverride?: Duration;
  /** @default - no ceiling */
  readonly ttlCeiling?: Duration;
  /** @default false */
  readonly futureOnly?: boolean;
  /** @default false */
  readonly processNetworkMessages?: boolean;
}

/** Options of `<discardingDLQBrokerPlugin>`. */
export interface ActiveMqDiscardDeadLettersOptions {
  /** @default true */
  readonly dropAll?: boolean;
  /** @default true */
  readonly dropTemporaryQueues?: boolean;
  /** @default true */
  readonly dropTemporaryTopics?: boolean;
  /**
   * Only the dead letters of these destinations (when `dropAll` is false).
   * @default - none
   */
  readonly dropOnly?: ActiveMqDestination[];
  /** @default 1000 */
  readonly reportInterval?: number;
}

/** Settings of the OpenWire transport connector Amazon MQ permits. */
export interface ActiveMqOpenWireOptions {
  /** @default false */
  readonly updateClusterClients?: boolean;
  /** @default false */
  readonly rebalanceClusterClients?: boolean;
  /** @default false */
  readonly updateClusterClientsOnRemove?: boolean;
}

/**
 * An ActiveMQ `<broker>` configuration, typed. Every field maps to an element or attribute Amazon MQ
 * permits; the rendered XML is checked against the XSD of the configuration's engine version.
 */
export interface ActiveMqConfigurationModel {
  /** @default true */
  readonly advisorySupport?: boolean;
  /**
   * Delayed and scheduled delivery. Needed by `redelivery`, which turns it on unless set here.
   * @default false
   */
  readonly schedulerSupport?: boolean;
  /** @default true */
  readonly persistent?: boolean;
  /**
   * Set `JMSXUserID` on messages to the authenticated sender.
   * @default false
   */
  readonly populateJmsxUserId?: boolean;
  /** @default false */
  readonly useAuthenticatedPrincipalForJmsxUserId?: boolean;
  /** @default false */
  readonly keepDurableSubsActive?: boolean;
  /**
   * How long an offline durable subscriber is kept.
   * @default - forever
   */
  readonly offlineDurableSubscriberTimeout?: Duration;
  /** @default Duration.minutes(5) */
  readonly offlineDurableSubscriberTaskSchedule?: Duration;
  /**
   * How often inactive destinations (policy `gcInactiveDestinations`) are purged.
   * @default Duration.seconds(0) - never
   */
  readonly schedulePeriodForDestinationPurge?: Duration;
  /** @default 0 - no limit */
  readonly maxPurgedDestinationsPerSweep?: number;
  /** @default true */
  readonly allowTempAutoCreationOnSend?: boolean;
  /** @default false */
  readonly rejectDurableConsumers?: boolean;
  /**
   * Further `<broker>` attributes Amazon MQ permits, by name (checked against the engine version's XSD).
   * @default - none
   */
  readonly brokerAttributes?: Record<string, string>;

  /**
   * Destination policies (`<destinationPolicy><policyMap><policyEntries>`).
   * @default - none
   */
  readonly policyEntries?: ActiveMqPolicyEntry[];
  /**
   * Who may use which destination (`<authorizationPlugin>`). Include the advisory topics
   * (`ActiveMqDestination.advisoryTopics()`) for your clients' groups, and the `activemq-webconsole` group if the
   * web console should send and receive.
   * @default - no authorization map: every authenticated user may use every destination
   */
  readonly authorizationEntries?: ActiveMqAuthorizationEntry[];
  /**
   * Who may use temporary destinations.
   * @default - as the authorization entries say
   */
  readonly tempDestinationAuthorization?: ActiveMqTempDestinationAuthorization;
  /**
   * Broker-side redelivery (`<redeliveryPlugin>`).
   * @default - none: the client redelivers
   */
  readonly redelivery?: ActiveMqRedeliveryOptions;
  /**
   * Other plugins.
   * @default - none
   */
  readonly plugins?: ActiveMqPluginOptions;
  /**
   * Virtual topics and composite destinations (`<destinationInterceptors>`).
   * @default - ActiveMQ's default virtual topic
   */
  readonly virtualDestinations?: ActiveMqVirtualDestination[];
  /**
   * Connections to the other brokers of a network of brokers (at most 20).
   * @default - none
   */
  readonly networkConnectors?: ActiveMqNetworkConnector[];
  /**
   * Destinations created when the broker starts (`<destinations>`).
   * @default - none
   */
  readonly destinations?: ActiveMqDestination[];
  /**
   * Share of the JVM heap for messages, 0-70 (`<systemUsage>`).
   * @default 70
   */
  readonly memoryUsagePercentOfJvmHeap?: number;
  /**
   * KahaDB settings.
   * @default - Amazon MQ's defaults
   */
  readonly kahaDb?: ActiveMqKahaDbOptions;
  /**
   * OpenWire transport settings (failover client updates).
   * @default - Amazon MQ's defaults
   */
  readonly openWire?: ActiveMqOpenWireOptions;
}
