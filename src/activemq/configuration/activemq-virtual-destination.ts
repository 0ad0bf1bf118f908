import { ActiveMqDestination } from './activemq-destination';
import { ActiveMqRenderContext } from './activemq-render-context';
import { element, wrapper, XmlNode } from '../../private/xml/xml-node';

/** A destination a composite destination forwards to only the messages a selector matches. */
export interface ActiveMqFilteredDestination {
  readonly destination: ActiveMqDestination;
  /** A JMS selector, for example `region = 'EU'`. */
  readonly selector: string;
}

/** Options of a virtual topic. */
export interface ActiveMqVirtualTopicOptions {
  /**
   * The topics it applies to.
   * @default '>' - every topic
   */
  readonly name?: string;
  /**
   * Prefix of the consumer queues (`Consumer.<group>.VirtualTopic.Orders`).
   * @default 'Consumer.*.'
   */
  readonly prefix?: string;
  /** @default '' */
  readonly postfix?: string;
  /**
   * Whether consumer selectors decide which queue gets a copy.
   * @default false
   */
  readonly selectorAware?: boolean;
  /** @default false */
  readonly concurrentSend?: boolean;
  /** @default false */
  readonly transactedSend?: boolean;
  /** @default false */
  readonly dropOnResourceLimit?: boolean;
  /** @default false */
  readonly setOriginalDestination?: boolean;
}

/** Options of a composite queue or topic. */
export interface ActiveMqCompositeDestinationOptions {
  /** The name clients send to. */
  readonly name: string;
  /**
   * The destinations every message is copied to.
   * @default - none
   */
  readonly forwardTo?: ActiveMqDestination[];
  /**
   * The destinations that get only the messages a selector matches.
   * @default - none
   */
  readonly filteredForwardTo?: ActiveMqFilteredDestination[];
  /**
   * Whether the message goes only to the forward destinations (not to the composite destination itself).
   * @default true
   */
  readonly forwardOnly?: boolean;
  /** @default true */
  readonly copyMessage?: boolean;
  /** @default false */
  readonly concurrentSend?: boolean;
  /** @default false */
  readonly sendWhenNotMatched?: boolean;
}

/** A destination that exists only as routing (`<virtualDestinations>` of `<virtualDestinationInterceptor>`). */
export class ActiveMqVirtualDestination {
  /** Topics whose messages are copied to one queue per consumer group (`<virtualTopic>`). */
  public static virtualTopic(options: ActiveMqVirtualTopicOptions = {}): ActiveMqVirtualDestination {
    return new ActiveMqVirtualDestination(element('virtualTopic', {
      name: options.name ?? '>',
      prefix: options.prefix,
      postfix: options.postfix,
      selectorAware: options.selectorAware,
      concurrentSend: options.concurrentSend,
      transactedSend: options.transactedSend,
      dropOnResourceLimit: options.dropOnResourceLimit,
      setOriginalDestination: options.setOriginalDestination,
    }), []);
  }

  /** A queue that forwards its messages (`<compositeQueue>`). */
  public static compositeQueue(options: ActiveMqCompositeDestinationOptions): ActiveMqVirtualDestination {
    return ActiveMqVirtualDestination.composite('compositeQueue', options);
  }

  /** A topic that forwards its messages (`<compositeTopic>`). */
  public static compositeTopic(options: ActiveMqCompositeDestinationOptions): ActiveMqVirtualDestination {
    return ActiveMqVirtualDestination.composite('compositeTopic', options);
  }

  private static composite(kind: string, options: ActiveMqCompositeDestinationOptions): ActiveMqVirtualDestination {
    const targets = [
      ...(options.forwardTo ?? []).map((d) => element(d.type, { physicalName: d.name })),
      ...(options.filteredForwardTo ?? []).map((f) => element('filteredDestination', { selector: f.selector, [f.destination.type]: f.destination.name })),
    ];
    const problems = targets.length === 0 ? [`${kind} '${options.name}': give at least one of 'forwardTo', 'filteredForwardTo'`] : [];
    return new ActiveMqVirtualDestination(element(kind, {
      name: options.name,
      forwardOnly: options.forwardOnly,
      copyMessage: options.copyMessage,
      concurrentSend: options.concurrentSend,
      sendWhenNotMatched: options.sendWhenNotMatched,
    }, [element('forwardTo', {}, targets)]), problems);
  }

  private constructor(
    /** @internal */ public readonly _node: XmlNode,
    /** @internal */ public readonly _problems: string[],
  ) {}
}

/** Renders `<destinationInterceptors>` with the virtual destinations; their problems are reported here. */
export function renderVirtualDestinations(
  model: { readonly virtualDestinations?: ActiveMqVirtualDestination[] },
  context: ActiveMqRenderContext,
): XmlNode | undefined {
  const virtualDestinations = model.virtualDestinations ?? [];
  virtualDestinations.forEach((v, i) => context.problems.push(...v._problems.map((p) => `virtualDestinations[${i}]: ${p}`)));
  return wrapper('destinationInterceptors', [
    wrapper('virtualDestinationInterceptor', [wrapper('virtualDestinations', virtualDestinations.map((v) => v._node))]),
  ]);
}
