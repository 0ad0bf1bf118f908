import { ActiveMqDestination } from './activemq-destination';
import { ActiveMqRenderContext, isKnownString } from './activemq-render-context';
import { element, wrapper, XmlNode } from '../../private/xml/xml-node';

/** Network connectors per broker (mq-facts F-X08). */
const MAX_NETWORK_CONNECTORS = 20;

/**
 * A connection to another broker of a network of brokers (`<networkConnector>`); at most 20 per broker. Its user must exist on the remote broker.
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

/** Renders `<networkConnectors>`, checking the count and that names are unique. */
export function renderNetworkConnectors(
  model: { readonly networkConnectors?: ActiveMqNetworkConnector[] },
  context: ActiveMqRenderContext,
): XmlNode | undefined {
  const connectors = model.networkConnectors ?? [];
  if (connectors.length > MAX_NETWORK_CONNECTORS) {
    context.problems.push(`networkConnectors: ${connectors.length} connectors; allowed: at most ${MAX_NETWORK_CONNECTORS} per broker`);
  }
  const names = connectors.map((c) => c.name).filter(isKnownString);
  for (const dup of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
    context.problems.push(`networkConnectors: name '${dup}' is used more than once; allowed: unique names`);
  }
  return wrapper('networkConnectors', connectors.map((c, i) => renderNetworkConnector(c, `networkConnectors[${i}]`, context)));
}

function renderNetworkConnector(c: ActiveMqNetworkConnector, where: string, context: ActiveMqRenderContext): XmlNode {
  const destinations = (list: 'excludedDestinations' | 'dynamicallyIncludedDestinations' | 'staticallyIncludedDestinations') =>
    wrapper(list, (c[list] ?? []).map((d, i) => {
      context.destination(d, `${where}.${list}[${i}]`);
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
