import { ObjectDescriptor } from './object-descriptor';
import { isKnown, Rule } from '../../../private/rules';

/**
 * Limits of a virtual host (`PUT /api/vhost-limits/<vhost>/<limit>`): what RabbitMQ refuses beyond them. Amazon MQ
 * sets its own on `/` (Developer Guide, `rabbitmq-defaults.html`); one given here replaces it, and removing it from
 * the app removes the limit.
 */
export interface RabbitMqVirtualHostLimits {
  /**
   * At most this many client connections to the virtual host (`max-connections`); `0` refuses every connection.
   * A shovel's ends in this virtual host connect to it too.
   * @default - no limit (the broker's own connection limit)
   */
  readonly maxConnections?: number;
  /**
   * At most this many queues in the virtual host (`max-queues`); RabbitMQ refuses the declaration of one more.
   * @default - no limit (the broker's `cluster_queue_limit`)
   */
  readonly maxQueues?: number;
}

/** Limits of a user (`PUT /api/user-limits/<user>/<limit>`), across the broker. */
export interface RabbitMqUserLimits {
  /** At most this many connections of the user (`max-connections`). @default - no limit */
  readonly maxConnections?: number;
  /** At most this many channels of the user, over all its connections (`max-channels`). @default - no limit */
  readonly maxChannels?: number;
}

/** The limit keys RabbitMQ knows, per option (RabbitMQ 4.0.5 refuses any other: "Unrecognised terms"). */
const LIMIT_KEYS: Record<string, string> = {
  maxConnections: 'max-connections',
  maxQueues: 'max-queues',
  maxChannels: 'max-channels',
};

/** The limits given, as RabbitMQ's keys and values, in a stable order. */
export function limitEntries(limits: RabbitMqVirtualHostLimits | RabbitMqUserLimits | undefined): Array<[string, number]> {
  return Object.entries(limits ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [LIMIT_KEYS[k] ?? k, v as number]);
}

/** `max-connections` -> `MaxConnections`, for construct IDs. */
function pascal(key: string): string {
  return key.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

interface LimitsSpec {
  readonly name: string;
  readonly kind: string;
  readonly options: { readonly limits?: RabbitMqVirtualHostLimits | RabbitMqUserLimits };
}

/** The limits of a virtual host or user, on `addVirtualHost()` and `addUser()`. */
export const LIMITS_RULE: Rule<LimitsSpec> = {
  id: 'RabbitMqLimits',
  fact: 'F-AU02',
  summary: 'virtual host limits (`maxConnections`, `maxQueues`) and user limits (`maxConnections`, `maxChannels`): whole numbers, 0 or more (RabbitMQ refuses `1.5`; a negative value means "no limit" to RabbitMQ: leave the limit out instead)',
  check: ({ kind, name, options: { limits } }) => limitEntries(limits)
    .filter(([, value]) => isKnown(value) && (!Number.isInteger(value) || value < 0))
    .map(([key, value]) => `${kind} '${name}' limit ${key} ${value} is not allowed; allowed: a whole number, 0 or more (leave it out for no limit)`),
};

/** One limit of a virtual host: `PUT /api/vhost-limits/<vhost>/<limit>`, `{"value": n}`. */
export const VIRTUAL_HOST_LIMIT: ObjectDescriptor<{ readonly value: number }> = {
  kind: 'virtual host limit',
  idPrefix: 'Limit',
  rules: [],
  render: (vhost, limit, { value }) => ({
    pathSegments: ['vhost-limits', vhost, limit],
    body: { value },
    idName: pascal(limit),
  }),
};

/** One limit of a user: `PUT /api/user-limits/<user>/<limit>`, `{"value": n}`; broker-wide, as users are. */
export const USER_LIMIT: ObjectDescriptor<{ readonly username: string; readonly value: number }> = {
  kind: 'user limit',
  idPrefix: 'UserLimit',
  brokerWide: true,
  identity: (limit, { username }) => JSON.stringify([username, limit]),
  rules: [],
  render: (_vhost, limit, { username, value }) => ({
    pathSegments: ['user-limits', username, limit],
    body: { value },
    idName: `${username}${pascal(limit)}`,
  }),
};
