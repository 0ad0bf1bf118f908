/*
 * The `<broker>` element, assembled from one element family per file. A family file holds the typed options and
 * `export function renderX(model: { <the model fields it reads> }, context: ActiveMqRenderContext): XmlNode | undefined`,
 * which renders its element (undefined when absent) and pushes its own checks to `context.problems`, using
 * `context.destination` for destination attributes. To add an element: write the family file, add its model field,
 * and add one `renderX(model, context)` line below (the order problems are reported in), placed in the tree.
 */
import { renderAuthorization } from './activemq-authorization';
import { ActiveMqConfigurationModel } from './activemq-configuration-model';
import { renderDestinations } from './activemq-destination';
import { renderPolicyEntries } from './activemq-destination-policies';
import { renderNetworkConnectors } from './activemq-network-connector';
import { renderRedelivery } from './activemq-redelivery';
import { activeMqRenderContext } from './activemq-render-context';
import { renderVirtualDestinations } from './activemq-virtual-destination';
import { element, wrapper, XmlNode } from '../../private/xml/xml-node';

/** The rendered `<broker>` element, and the problems of the model that the XSD cannot see. */
export interface RenderedModel {
  readonly root: XmlNode;
  readonly problems: string[];
}

/** Renders a typed model as the `<broker>` element Amazon MQ takes. */
export function renderActiveMqModel(model: ActiveMqConfigurationModel): RenderedModel {
  const context = activeMqRenderContext();
  // The families, in the order their problems are reported.
  const policyEntries = renderPolicyEntries(model, context);
  const authorization = renderAuthorization(model, context);
  const redelivery = renderRedelivery(model, context);
  const virtualDestinations = renderVirtualDestinations(model, context);
  const destinations = renderDestinations(model, context);
  const networkConnectors = renderNetworkConnectors(model, context);
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
    virtualDestinations,
    policyEntries,
    destinations,
    networkConnectors,
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
  return { root, problems: context.problems };
}
