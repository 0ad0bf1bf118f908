import { Duration, Token } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { dropUndefined, ObjectDescriptor } from './object-descriptor';
import { RabbitMqQueueType } from './queue';
import { REMOTE_ENDS_RULE, withCredentials } from './remote-uri';
import { MAX_PREFETCH, RabbitMqAckMode } from './shovel';
import { isKnown } from '../../../private/rules';
import { MAX_UINT32, oneOf, ValueCheck, wholeNumber } from '../value-checks';

/** A federation upstream (another broker this virtual host federates from). */
export interface RabbitMqFederationUpstreamOptions {
  /** The upstream broker, as `amqps://host:5671/vhost` without credentials. */
  readonly uri: string;
  /** The user name and password to connect with (keys `username`, `password`), read at deploy time. */
  readonly credentials: secretsmanager.ISecret;
  /** The upstream exchange (`exchange`). @default - the federated exchange's own name */
  readonly exchange?: string;
  /** The upstream queue (`queue`). @default - the federated queue's own name */
  readonly queue?: string;
  /** How many unacknowledged messages the link holds (`prefetch-count`), 1 to 65535. @default 1000 (the plugin's) */
  readonly prefetchCount?: number;
  /** How long the link waits before it reconnects (`reconnect-delay`). @default Duration.seconds(5) (the plugin's) */
  readonly reconnectDelay?: Duration;
  /** How the link acknowledges what it receives (`ack-mode`). @default RabbitMqAckMode.ON_CONFIRM */
  readonly ackMode?: RabbitMqAckMode;
  /** Whether a message's `user-id` is kept as it came from the upstream (`trust-user-id`). @default false */
  readonly trustUserId?: boolean;
  /**
   * Exchange federation: how long the upstream's queue for the link lives once the link is down (`expires`),
   * 1 ms to 2^32 - 1 ms.
   * @default - forever
   */
  readonly expires?: Duration;
  /** Exchange federation: how long a message waits in the upstream's queue (`message-ttl`). @default - forever */
  readonly messageTtl?: Duration;
  /** Exchange federation: how many links a message may cross (`max-hops`), 1 or more. @default 1 */
  readonly maxHops?: number;
  /**
   * Exchange federation: the type of the upstream's queue for the link (`queue-type`, RabbitMQ 3.13.1 and later).
   * @default RabbitMqQueueType.CLASSIC (the plugin's)
   */
  readonly queueType?: RabbitMqQueueType;
  /**
   * Other upstream keys, as RabbitMQ takes them: `consumer-tag`, `resource-cleanup-mode`, `channel-use-mode`, or a
   * typed key above (not both).
   * @default - none
   */
  readonly settings?: { [key: string]: any };
}

const seconds = (value: unknown) => (typeof value === 'number' && value >= 0 ? undefined : 'a number of seconds, 0 or more');
const hops = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? undefined : 'a whole number, 1 or more');
const text = (value: unknown) => (typeof value === 'string' ? undefined : 'a string');

/**
 * The upstream keys RabbitMQ 4.0.5 takes (it refuses any other: "Unrecognised terms"; `ha-policy` went in 3.13),
 * their typed option, and the values the link can use: the upstream queue's `x-expires` and `x-message-ttl` take
 * what a queue argument takes, and `basic.qos` a 16-bit prefetch count.
 */
const UPSTREAM_KEYS: Record<string, { readonly option?: string; readonly check: ValueCheck }> = {
  'exchange': { option: 'exchange', check: text },
  'queue': { option: 'queue', check: text },
  'prefetch-count': { option: 'prefetchCount', check: wholeNumber(1, MAX_PREFETCH) },
  'reconnect-delay': { option: 'reconnectDelay', check: seconds },
  'ack-mode': { option: 'ackMode', check: oneOf(...Object.values(RabbitMqAckMode)) },
  'trust-user-id': { option: 'trustUserId', check: oneOf(true, false) },
  'expires': { option: 'expires', check: wholeNumber(1, MAX_UINT32) },
  'message-ttl': { option: 'messageTtl', check: wholeNumber(0, MAX_UINT32) },
  'max-hops': { option: 'maxHops', check: hops },
  // Amazon MQ does not support streams (F-V16); RabbitMQ takes classic and quorum only here.
  'queue-type': { option: 'queueType', check: oneOf(...Object.values(RabbitMqQueueType)) },
  'consumer-tag': { check: text },
  'resource-cleanup-mode': { check: oneOf('default', 'never') },
  'channel-use-mode': { check: oneOf('multiple', 'single') },
};

/** The typed options as RabbitMQ's keys and values (durations in the units the plugin reads). */
function typedKeys(o: RabbitMqFederationUpstreamOptions): { [key: string]: unknown } {
  return dropUndefined({
    'exchange': o.exchange,
    'queue': o.queue,
    'prefetch-count': o.prefetchCount,
    'reconnect-delay': o.reconnectDelay === undefined ? undefined : o.reconnectDelay.toMilliseconds() / 1000,
    'ack-mode': o.ackMode,
    'trust-user-id': o.trustUserId,
    'expires': o.expires?.toMilliseconds(),
    'message-ttl': o.messageTtl?.toMilliseconds(),
    'max-hops': o.maxHops,
    'queue-type': o.queueType,
  });
}

/** A federation upstream: `PUT /api/parameters/federation-upstream/<vhost>/<name>`, credentials read at deploy time. */
export const FEDERATION_UPSTREAM: ObjectDescriptor<RabbitMqFederationUpstreamOptions> = {
  kind: 'federation upstream',
  idPrefix: 'FederationUpstream',
  requiredOptions: 'an object with at least uri and credentials',
  rules: [
    REMOTE_ENDS_RULE,
    {
      id: 'RabbitMqFederationUpstreamSettings',
      fact: 'Amazon MQ plugins page',
      summary: 'federation upstreams: `settings` hold only keys RabbitMQ knows (it refuses others), none also given as a typed option; `prefetchCount` 1 to 65535, `expires` 1 ms to 2^32 - 1 ms and `messageTtl` up to 2^32 - 1 ms in whole milliseconds (what the upstream queue\'s `x-expires` and `x-message-ttl` take: RabbitMQ stores other values, then the link cannot declare its queue), `maxHops` 1 or more, `queueType` quorum or classic, `ackMode` a `RabbitMqAckMode`',
      check: ({ name, options: o }) => {
        const problems: string[] = [];
        const typed = typedKeys(o);
        const settings = o.settings === undefined || Token.isUnresolved(o.settings) ? {} : o.settings;
        for (const key of Object.keys(settings)) {
          const known = UPSTREAM_KEYS[key];
          if (key === 'uri') {
            problems.push(`federation upstream '${name}' settings key 'uri' is not allowed; allowed: the uri option (credentials come from the secret)`);
          } else if (!known) {
            problems.push(`federation upstream '${name}' settings key '${key}' is not a federation upstream key; allowed: ${Object.keys(UPSTREAM_KEYS).join(', ')}`);
          } else if (typed[key] !== undefined) {
            problems.push(`federation upstream '${name}' settings key '${key}' is also given as ${known.option}; allowed: one of them`);
          }
        }
        for (const [key, value] of Object.entries({ ...settings, ...typed })) {
          const allowed = UPSTREAM_KEYS[key] && isKnown(value) ? UPSTREAM_KEYS[key].check(value) : undefined;
          if (allowed) {
            const option = UPSTREAM_KEYS[key].option;
            const label = option !== undefined && typed[key] !== undefined ? option : `settings '${key}'`;
            problems.push(`federation upstream '${name}' ${label} ${JSON.stringify(value)} is not allowed; allowed: ${allowed}${['expires', 'message-ttl'].includes(key) ? ' (milliseconds)' : ''}`);
          }
        }
        return problems;
      },
    },
  ],
  render: (vhost, name, options) => ({
    pathSegments: ['parameters', 'federation-upstream', vhost, name],
    body: { value: { ...options.settings, ...typedKeys(options), uri: withCredentials(options.uri, 0) } },
    secrets: [options.credentials],
  }),
};
