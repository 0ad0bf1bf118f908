import { ActiveMqRenderContext } from './activemq-render-context';
import { element, wrapper, XmlNode } from '../../private/xml/xml-node';

/** Whether a destination is a queue or a topic. */
export enum ActiveMqDestinationType {
  QUEUE = 'queue',
  TOPIC = 'topic',
}

/**
 * A queue or topic name, or a pattern over names: `.` separates segments, `*` matches one segment and `>`
 * matches the rest (`orders.>`).
 */
export class ActiveMqDestination {
  /** A queue, or every queue a pattern matches. */
  public static queue(name: string): ActiveMqDestination {
    return new ActiveMqDestination(ActiveMqDestinationType.QUEUE, name);
  }

  /** A topic, or every topic a pattern matches. */
  public static topic(name: string): ActiveMqDestination {
    return new ActiveMqDestination(ActiveMqDestinationType.TOPIC, name);
  }

  /** Every queue (`>`). */
  public static allQueues(): ActiveMqDestination {
    return ActiveMqDestination.queue('>');
  }

  /** Every topic (`>`). */
  public static allTopics(): ActiveMqDestination {
    return ActiveMqDestination.topic('>');
  }

  /** The advisory topics (`ActiveMQ.Advisory.>`), which clients read to learn of destinations and consumers. */
  public static advisoryTopics(): ActiveMqDestination {
    return ActiveMqDestination.topic('ActiveMQ.Advisory.>');
  }

  private constructor(
    /** Queue or topic. */
    public readonly type: ActiveMqDestinationType,
    /** The name or pattern. */
    public readonly name: string,
  ) {}

  /** `queue://orders.>`, as ActiveMQ prints it. */
  public toString(): string {
    return `${this.type}://${this.name}`;
  }
}

/** Renders `<destinations>`: the destinations the broker creates at start. */
export function renderDestinations(
  model: { readonly destinations?: ActiveMqDestination[] },
  context: ActiveMqRenderContext,
): XmlNode | undefined {
  return wrapper('destinations', (model.destinations ?? []).map((d, i) => {
    context.destination(d, `destinations[${i}]`);
    return element(d.type, { physicalName: d.name });
  }));
}
