import { Token } from 'aws-cdk-lib';
import { ObjectDescriptor } from './object-descriptor';
import { isKnown } from '../../../private/rules';
import { versionAtLeast } from '../../../private/versions';

/**
 * Exchange types Amazon MQ offers (Developer Guide, "Plugins" and "Amazon MQ for RabbitMQ JMS support"). Not offered,
 * so refused: `x-local-random` (RabbitMQ 4's, which Amazon MQ does not support: its nodes are behind a load
 * balancer), and the types of plugins Amazon MQ does not enable (`x-delayed-message`, `x-random`, ...).
 */
export enum RabbitMqExchangeType {
  DIRECT = 'direct',
  FANOUT = 'fanout',
  TOPIC = 'topic',
  HEADERS = 'headers',
  /**
   * Routes by a hash of the routing key (or of `hash-header`, `hash-property`) over the bound queues, each bound with
   * a weight as its routing key, such as `'1'` (the consistent hash exchange plugin).
   */
  CONSISTENT_HASH = 'x-consistent-hash',
  /** JMS topic selectors for the RabbitMQ JMS client (the JMS topic exchange plugin, always on from RabbitMQ 4 on Amazon MQ). */
  JMS_TOPIC = 'x-jms-topic',
}

/** An exchange. */
export interface RabbitMqExchangeOptions {
  readonly type: RabbitMqExchangeType;
  /** @default true */
  readonly durable?: boolean;
  /** Only other exchanges may publish to it. @default false */
  readonly internal?: boolean;
  /**
   * Other arguments, such as `alternate-exchange`, or a consistent hash exchange's `hash-header` or `hash-property`.
   * @default - none
   */
  readonly arguments?: { [key: string]: any };
}

const EXCHANGE_TYPES: string[] = Object.values(RabbitMqExchangeType);

/** The exchanges every virtual host has, by type: the default exchange `''` and the `amq.` ones. */
export const PREDECLARED_EXCHANGES: Readonly<Record<string, string>> = {
  '': 'direct',
  'amq.direct': 'direct',
  'amq.fanout': 'fanout',
  'amq.topic': 'topic',
  'amq.headers': 'headers',
  'amq.match': 'headers',
  'amq.rabbitmq.trace': 'topic',
};

/** What a consistent hash exchange hashes on besides the routing key (the plugin's `hash-property` values). */
const HASH_PROPERTIES = ['message_id', 'correlation_id', 'timestamp'];

/** An exchange: `PUT /api/exchanges/<vhost>/<name>`. */
export const EXCHANGE: ObjectDescriptor<RabbitMqExchangeOptions> = {
  kind: 'exchange',
  idPrefix: 'Exchange',
  requiredOptions: 'an object with at least type',
  rules: [{
    id: 'RabbitMqExchangeType',
    fact: 'Amazon MQ plugins page',
    summary: 'exchanges: direct, fanout, topic, headers, x-consistent-hash, or x-jms-topic from RabbitMQ 4 (Amazon MQ enables that plugin on RabbitMQ 4); never x-local-random (Amazon MQ does not support it) nor the types of plugins Amazon MQ does not enable',
    check: ({ name, options: { type }, broker: { engineVersion } }) => {
      if (type === undefined || !isKnown(type)) {
        return undefined;
      }
      if ((type as string) === 'x-local-random') {
        return `exchange '${name}' type 'x-local-random' is not allowed; allowed: ${EXCHANGE_TYPES.join(', ')} (Amazon MQ does not support local random exchanges: its nodes are behind a load balancer)`;
      }
      if (!EXCHANGE_TYPES.includes(type)) {
        return `exchange '${name}' type '${type}' is not allowed; allowed: ${EXCHANGE_TYPES.join(', ')}`;
      }
      if (type === RabbitMqExchangeType.JMS_TOPIC && engineVersion !== undefined && !versionAtLeast(engineVersion, '4')) {
        return `exchange '${name}' type 'x-jms-topic' is not allowed with engineVersion '${engineVersion}'; allowed: RabbitMQ 4 (Amazon MQ enables the JMS topic exchange plugin from RabbitMQ 4)`;
      }
      return undefined;
    },
  }, {
    id: 'RabbitMqExchangeArguments',
    fact: 'Amazon MQ plugins page',
    summary: 'a consistent hash exchange\'s arguments: `hash-header` a string or `hash-property` one of message_id, correlation_id, timestamp, not both (RabbitMQ 4.0.5 refuses the others, a number as `hash-header` with a crash report)',
    check: ({ name, options: { type, arguments: args } }) => {
      if (type !== RabbitMqExchangeType.CONSISTENT_HASH || args === undefined || Token.isUnresolved(args)) {
        return undefined;
      }
      const problems: string[] = [];
      const header = args['hash-header'];
      const property = args['hash-property'];
      if (header !== undefined && property !== undefined) {
        problems.push(`exchange '${name}' arguments hash-header and hash-property are not allowed together; allowed: one of them`);
      }
      if (header !== undefined && isKnown(header) && typeof header !== 'string') {
        problems.push(`exchange '${name}' argument hash-header ${JSON.stringify(header)} is not allowed; allowed: a header name (a string)`);
      }
      if (property !== undefined && isKnown(property) && !HASH_PROPERTIES.includes(property)) {
        problems.push(`exchange '${name}' argument hash-property ${JSON.stringify(property)} is not allowed; allowed: ${HASH_PROPERTIES.join(', ')}`);
      }
      return problems;
    },
  }],
  render: (vhost, name, options) => ({
    pathSegments: ['exchanges', vhost, name],
    body: {
      type: options.type,
      durable: options.durable ?? true,
      auto_delete: false,
      internal: options.internal ?? false,
      arguments: options.arguments ?? {},
    },
  }),
};
