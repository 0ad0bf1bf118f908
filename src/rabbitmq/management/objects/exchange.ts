import { ObjectDescriptor } from './object-descriptor';
import { isKnown } from '../../../private/rules';

/** Exchange types. */
export enum RabbitMqExchangeType {
  DIRECT = 'direct',
  FANOUT = 'fanout',
  TOPIC = 'topic',
  HEADERS = 'headers',
  /** Routes by a hash of the routing key over the bound queues' weights (the consistent hash exchange plugin). */
  CONSISTENT_HASH = 'x-consistent-hash',
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

const EXCHANGE_TYPES: string[] = Object.values(RabbitMqExchangeType);

/** An exchange: `PUT /api/exchanges/<vhost>/<name>`. */
export const EXCHANGE: ObjectDescriptor<RabbitMqExchangeOptions> = {
  kind: 'exchange',
  idPrefix: 'Exchange',
  requiredOptions: 'an object with at least type',
  rules: [{
    id: 'RabbitMqExchangeType',
    fact: 'Amazon MQ plugins page',
    summary: 'exchanges: direct, fanout, topic, headers or x-consistent-hash',
    check: ({ name, options: { type } }) => type !== undefined && isKnown(type) && !EXCHANGE_TYPES.includes(type)
      ? `exchange '${name}' type '${type}' is not allowed; allowed: ${EXCHANGE_TYPES.join(', ')}`
      : undefined,
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
