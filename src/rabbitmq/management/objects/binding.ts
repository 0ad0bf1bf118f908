import { ObjectDescriptor } from './object-descriptor';
import { isKnown } from '../../../private/rules';
import { canonicalJson } from '../canonical-json';

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

/** The binding's destination, as RabbitMQ's API names its type (`q` or `e`). */
function destination(options: RabbitMqBindingOptions): ['q' | 'e', string] {
  return options.destinationQueue !== undefined ? ['q', options.destinationQueue] : ['e', options.destinationExchange ?? ''];
}

/** The binding's ends and routing key: its construct ID. */
function ends(options: RabbitMqBindingOptions): string {
  const [type, name] = destination(options);
  return `${options.source}>${type}:${name}:${options.routingKey ?? ''}`;
}

/**
 * A binding: POSTed to `/api/bindings/<vhost>/e/<source>/<q|e>/<destination>`; RabbitMQ names it, so the handler
 * knows it by its routing key and arguments (kind `binding`).
 */
export const BINDING: ObjectDescriptor<RabbitMqBindingOptions> = {
  kind: 'binding',
  idPrefix: 'Binding',
  requiredOptions: 'an object with at least source and one destination',
  // RabbitMQ tells bindings apart by their arguments too, whatever the order of their keys.
  identity: (_name, options) => {
    const args = options.arguments ?? {};
    return Object.keys(args).length === 0 ? ends(options) : `${ends(options)}:${canonicalJson(args)}`;
  },
  rules: [{
    id: 'RabbitMqBindingEnds',
    fact: 'F-AU02',
    summary: 'bindings: a named source exchange (not the default one) and exactly one destination, queue or exchange',
    check: ({ options: b }) => {
      const problems: string[] = [];
      if (b.source === '') {
        problems.push('binding \'source\' \'\' (the default exchange) is not allowed; allowed: a named exchange (every queue is bound to the default exchange already)');
      }
      if ((b.destinationQueue === undefined) === (b.destinationExchange === undefined)) {
        problems.push(`binding from '${b.source}' names ${b.destinationQueue === undefined ? 'no' : 'two'} destinations; allowed: exactly one of destinationQueue or destinationExchange`);
      }
      return problems;
    },
  }, {
    id: 'RabbitMqConsistentHashWeight',
    fact: 'Amazon MQ plugins page',
    summary: 'a binding from a consistent hash exchange this virtual host declares: its routing key is the destination\'s weight, a whole number of 1 or more such as `\'1\'` (RabbitMQ 4.0.5 refuses others: "The binding key must be an integer", "... greater than 0")',
    check: ({ virtualHost, options: b }) => {
      const key = b.routingKey ?? '';
      if (virtualHost?.exchangeTypes[b.source] !== 'x-consistent-hash' || !isKnown(key)) {
        return undefined;
      }
      return /^\d+$/.test(key) && Number(key) > 0 ? undefined
        : `binding from consistent hash exchange '${b.source}' routingKey '${key}' is not allowed; allowed: the destination's weight, a whole number of 1 or more, such as '1'`;
    },
  }],
  render: (vhost, _name, options) => {
    const [type, name] = destination(options);
    return {
      idName: ends(options),
      pathSegments: ['bindings', vhost, 'e', options.source, type, name],
      body: { routing_key: options.routingKey ?? '', arguments: options.arguments ?? {} },
      // Declared after their exchange and queue when those are declared here.
      after: [{ kind: 'exchange', name: options.source }, { kind: type === 'q' ? 'queue' : 'exchange', name }],
    };
  },
};
