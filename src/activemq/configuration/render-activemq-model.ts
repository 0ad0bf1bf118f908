import { Token } from 'aws-cdk-lib';
import { ActiveMqAuthorizationEntry, ActiveMqTempDestinationAuthorization } from './activemq-authorization';
import { ActiveMqConfigurationModel } from './activemq-configuration-model';
import { ActiveMqDestination } from './activemq-destination';
import { ActiveMqPolicyEntry } from './activemq-destination-policies';
import { ActiveMqNetworkConnector } from './activemq-network-connector';
import { ActiveMqRedeliveryOptions, ActiveMqRedeliveryPolicy } from './activemq-redelivery';
import { element, wrapper, XmlNode } from '../../private/xml/xml-node';

/** Network connectors per broker (mq-facts F-X08). */
const MAX_NETWORK_CONNECTORS = 20;

/** The rendered `<broker>` element, and the problems of the model that the XSD cannot see. */
export interface RenderedModel {
  readonly root: XmlNode;
  readonly problems: string[];
}

/** Renders a typed model as the `<broker>` element Amazon MQ takes. */
export function renderActiveMqModel(model: ActiveMqConfigurationModel): RenderedModel {
  const problems: string[] = [];
  const destination = (d: ActiveMqDestination, where: string) => {
    if (isKnownString(d.name) && d.name.trim() === '') {
      problems.push(`${where}: the destination name is empty; allowed: a name or pattern such as 'orders.>'`);
    }
    return { [d.type]: d.name };
  };

  const policyEntries = (model.policyEntries ?? []).map((p, i) => renderPolicyEntry(p, destination(p.destination, `policyEntries[${i}].destination`)));
  const authorization = renderAuthorization(model.authorizationEntries ?? [], model.tempDestinationAuthorization, destination, problems);
  const redelivery = model.redelivery && renderRedelivery(model.redelivery, destination);
  if (model.redelivery && model.schedulerSupport === false) {
    problems.push("redelivery: the redelivery plugin needs 'schedulerSupport'; allowed: schedulerSupport true or unset");
  }
  const connectors = model.networkConnectors ?? [];
  if (connectors.length > MAX_NETWORK_CONNECTORS) {
    problems.push(`networkConnectors: ${connectors.length} connectors; allowed: at most ${MAX_NETWORK_CONNECTORS} per broker`);
  }
  const names = connectors.map((c) => c.name).filter(isKnownString);
  for (const dup of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
    problems.push(`networkConnectors: name '${dup}' is used more than once; allowed: unique names`);
  }
  const virtualDestinations = model.virtualDestinations ?? [];
  virtualDestinations.forEach((v, i) => problems.push(...v._problems.map((p) => `virtualDestinations[${i}]: ${p}`)));
  const plugins = model.plugins ?? {};

  const root = element('broker', {
    advisorySupport: model.advisorySupport,
    allowTempAutoCreationOnSend: model.allowTempAutoCreationOnSend,
    keepDurableSubsActive: model.keepDurableSubsActive,
    maxPurgedDestinationsPerSweep: model.maxPurgedDestinationsPerSweep,
    offlineDurableSubscriberTaskSchedule: model.offlineDurableSubscriberTaskSchedule?.toMilliseconds(),
    offlineDurableSubscriberTimeout: model.offlineDurableSubscriberTimeout?.toMilliseconds(),
    persistent: model.persistent,
    populateJMSXUserID: model.populateJmsxUserId,
    rejectDurableConsumers: model.rejectDurableConsumers,
    schedulePeriodForDestinationPurge: model.schedulePeriodForDestinationPurge?.toMilliseconds(),
    schedulerSupport: model.schedulerSupport ?? (model.redelivery ? true : undefined),
    useAuthenticatedPrincipalForJMSXUserID: model.useAuthenticatedPrincipalForJmsxUserId,
    ...model.brokerAttributes,
  }, [
    wrapper('destinationInterceptors', [
      wrapper('virtualDestinationInterceptor', [wrapper('virtualDestinations', virtualDestinations.map((v) => v._node))]),
    ]),
    wrapper('destinationPolicy', [wrapper('policyMap', [wrapper('policyEntries', policyEntries)])]),
    wrapper('destinations', (model.destinations ?? []).map((d, i) => {
      destination(d, `destinations[${i}]`);
      return element(d.type, { physicalName: d.name });
    })),
    wrapper('networkConnectors', connectors.map((c, i) => renderNetworkConnector(c, (d, j, list) => destination(d, `networkConnectors[${i}].${list}[${j}]`)))),
    model.kahaDb && element('persistenceAdapter', {}, [element('kahaDB', {
      concurrentStoreAndDispatchQueues: model.kahaDb.concurrentStoreAndDispatchQueues,
      cleanupOnStop: model.kahaDb.cleanupOnStop,
      checkpointInterval: model.kahaDb.checkpointInterval?.toMilliseconds(),
      indexWriteBatchSize: model.kahaDb.indexWriteBatchSize,
      journalDiskSyncInterval: model.kahaDb.journalDiskSyncInterval?.toMilliseconds(),
      journalDiskSyncStrategy: model.kahaDb.journalDiskSyncStrategy,
    })]),
    wrapper('plugins', [
      authorization,
      plugins.discardDeadLetters && element('discardingDLQBrokerPlugin', {
        dropAll: plugins.discardDeadLetters.dropAll,
        dropTemporaryQueues: plugins.discardDeadLetters.dropTemporaryQueues,
        dropTemporaryTopics: plugins.discardDeadLetters.dropTemporaryTopics,
        // ActiveMQ reads dropOnly as space-separated destination names.
        dropOnly: plugins.discardDeadLetters.dropOnly?.map((d) => d.name).join(' '),
        reportInterval: plugins.discardDeadLetters.reportInterval,
      }),
      plugins.forcePersistent === undefined ? undefined : element('forcePersistencyModeBrokerPlugin', { persistenceFlag: plugins.forcePersistent }),
      redelivery,
      plugins.statistics ? element('statisticsBrokerPlugin') : undefined,
      plugins.timeStamping && element('timeStampingBrokerPlugin', {
        futureOnly: plugins.timeStamping.futureOnly,
        processNetworkMessages: plugins.timeStamping.processNetworkMessages,
        ttlCeiling: plugins.timeStamping.ttlCeiling?.toMilliseconds(),
        zeroExpirationOverride: plugins.timeStamping.zeroExpirationOverride?.toMilliseconds(),
      }),
    ]),
    model.memoryUsagePercentOfJvmHeap === undefined ? undefined : element('systemUsage', {}, [
      element('systemUsage', {}, [element('memoryUsage', {}, [element('memoryUsage', { percentOfJvmHeap: model.memoryUsagePercentOfJvmHeap })])]),
    ]),
    model.openWire && element('transportConnectors', {}, [element('transportConnector', {
      name: 'openwire',
      updateClusterClients: model.openWire.updateClusterClients,
      rebalanceClusterClients: model.openWire.rebalanceClusterClients,
      updateClusterClientsOnRemove: model.openWire.updateClusterClientsOnRemove,
    })]),
  ]);
  return { root, problems };
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

type DestinationAttr = (d: ActiveMqDestination, where: string) => Record<string, string>;

function renderAuthorization(
  entries: ActiveMqAuthorizationEntry[],
  temp: ActiveMqTempDestinationAuthorization | undefined,
  destination: DestinationAttr,
  problems: string[],
): XmlNode | undefined {
  const groups = (g: string[] | undefined, where: string) => {
    for (const name of g ?? []) {
      if (isKnownString(name) && !/^[^,\s]+$/.test(name)) {
        problems.push(`${where}: group '${name}' is not allowed; allowed: a non-empty group name without commas or spaces`);
      }
    }
    return g && g.length > 0 ? g.join(',') : undefined;
  };
  const rendered = entries.map((e, i) => element('authorizationEntry', {
    ...destination(e.destination, `authorizationEntries[${i}].destination`),
    read: groups(e.read, `authorizationEntries[${i}].read`),
    write: groups(e.write, `authorizationEntries[${i}].write`),
    admin: groups(e.admin, `authorizationEntries[${i}].admin`),
  }));
  const tempEntry = temp && element('tempDestinationAuthorizationEntry', {}, [element('tempDestinationAuthorizationEntry', {
    read: groups(temp.read, 'tempDestinationAuthorization.read'),
    write: groups(temp.write, 'tempDestinationAuthorization.write'),
    admin: groups(temp.admin, 'tempDestinationAuthorization.admin'),
  })]);
  if (rendered.length === 0 && !tempEntry) {
    return undefined;
  }
  return element('authorizationPlugin', {}, [element('map', {}, [element('authorizationMap', {}, [
    wrapper('authorizationEntries', rendered),
    tempEntry,
  ])])]);
}

function renderRedelivery(options: ActiveMqRedeliveryOptions, destination: DestinationAttr): XmlNode {
  const policy = (p: ActiveMqRedeliveryPolicy, target: Record<string, string>) => element('redeliveryPolicy', {
    ...target,
    maximumRedeliveries: p.maximumRedeliveries,
    initialRedeliveryDelay: p.initialRedeliveryDelay?.toMilliseconds(),
    redeliveryDelay: p.redeliveryDelay?.toMilliseconds(),
    useExponentialBackOff: p.useExponentialBackOff,
    backOffMultiplier: p.backOffMultiplier,
    maximumRedeliveryDelay: p.maximumRedeliveryDelay?.toMilliseconds(),
    useCollisionAvoidance: p.useCollisionAvoidance,
    collisionAvoidancePercent: p.collisionAvoidancePercent,
  });
  return element('redeliveryPlugin', {
    fallbackToDeadLetter: options.fallbackToDeadLetter,
    sendToDlqIfMaxRetriesExceeded: options.sendToDlqIfMaxRetriesExceeded,
  }, [element('redeliveryPolicyMap', {}, [element('redeliveryPolicyMap', {}, [
    wrapper('redeliveryPolicyEntries', (options.destinationPolicies ?? []).map((p, i) =>
      policy(p, destination(p.destination, `redelivery.destinationPolicies[${i}].destination`)))),
    options.defaultPolicy && element('defaultEntry', {}, [policy(options.defaultPolicy, {})]),
  ])])]);
}

function renderNetworkConnector(c: ActiveMqNetworkConnector, destination: (d: ActiveMqDestination, index: number, list: string) => void): XmlNode {
  const destinations = (list: 'excludedDestinations' | 'dynamicallyIncludedDestinations' | 'staticallyIncludedDestinations') =>
    wrapper(list, (c[list] ?? []).map((d, i) => {
      destination(d, i, list);
      return element(d.type, { physicalName: d.name });
    }));
  return element('networkConnector', {
    name: c.name,
    uri: c.uri,
    userName: c.userName,
    duplex: c.duplex,
    networkTTL: c.networkTtl,
    messageTTL: c.messageTtl,
    consumerTTL: c.consumerTtl,
    conduitSubscriptions: c.conduitSubscriptions,
    dynamicOnly: c.dynamicOnly,
    decreaseNetworkConsumerPriority: c.decreaseNetworkConsumerPriority,
    suppressDuplicateQueueSubscriptions: c.suppressDuplicateQueueSubscriptions,
    suppressDuplicateTopicSubscriptions: c.suppressDuplicateTopicSubscriptions,
    prefetchSize: c.prefetchSize,
    useVirtualDestSubs: c.useVirtualDestSubs,
  }, [
    destinations('dynamicallyIncludedDestinations'),
    destinations('excludedDestinations'),
    destinations('staticallyIncludedDestinations'),
  ]);
}

function isKnownString(value: string): boolean {
  return !Token.isUnresolved(value);
}
