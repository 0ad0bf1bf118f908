import { Duration } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { dropUndefined, ObjectDescriptor } from './object-descriptor';
import { REMOTE_ENDS_RULE, withCredentials } from './remote-uri';
import { isKnown } from '../../../private/rules';
import { versionAtLeast } from '../../../private/versions';

/** How a shovel end connects (the shovel plugin's `src-protocol` and `dest-protocol`). */
export enum RabbitMqShovelProtocol {
  /** AMQP 0-9-1, to this broker (without `uri`) or another. */
  AMQP091 = 'amqp091',
  /** AMQP 1.0 (a core protocol from RabbitMQ 4): the end names an `address` and needs a `uri`, also for this broker. */
  AMQP10 = 'amqp10',
  /**
   * RabbitMQ 4.2's local shovels: inside the broker through its internal API, without connections (this broker only:
   * no `uri`). Amazon MQ's "RabbitMQ 4" page lists them; RabbitMQ 4.0.5 answers 500 to one.
   */
  LOCAL = 'local',
}

/** How a shovel acknowledges what it moves, and how a federation link acknowledges what it receives (`ack-mode`). */
export enum RabbitMqAckMode {
  /** After the destination confirms: nothing is lost. */
  ON_CONFIRM = 'on-confirm',
  /** Once published to the destination, without waiting for its confirm. */
  ON_PUBLISH = 'on-publish',
  /** Never: fastest, loses messages in flight when a connection fails. */
  NO_ACK = 'no-ack',
}

/** When a shovel deletes itself (`src-delete-after`). */
export class RabbitMqShovelDeleteAfter {
  /** Never: the shovel runs until it is removed. */
  public static readonly NEVER = new RabbitMqShovelDeleteAfter('never');
  /** Once it has moved the messages its source queue held when it started. */
  public static readonly QUEUE_LENGTH = new RabbitMqShovelDeleteAfter('queue-length');

  /** Once it has moved this many messages (not with `ackMode` no-ack: RabbitMQ refuses the pair). */
  public static messages(count: number): RabbitMqShovelDeleteAfter {
    return new RabbitMqShovelDeleteAfter(count);
  }

  private constructor(
    /** The parameter's value: `never`, `queue-length` or a count. @internal */
    public readonly _value: string | number,
  ) {}
}

/** One end of a dynamic shovel (Amazon MQ supports dynamic shovels only). */
export interface RabbitMqShovelEndpoint {
  /**
   * How the end connects. With AMQP 1.0 the end names an `address` (not a queue or exchange) and a `uri`.
   * @default RabbitMqShovelProtocol.AMQP091
   */
  readonly protocol?: RabbitMqShovelProtocol;
  /**
   * The broker, as `amqps://host:5671/vhost` without credentials. Amazon MQ cannot shovel to a private broker. An AMQP
   * 1.0 end names its virtual host with `?hostname=vhost:<name>` (after a `/`).
   * @default - this virtual host on this broker (AMQP 0-9-1 and local ends)
   */
  readonly uri?: string;
  /** The user name and password to connect with (keys `username`, `password`), read at deploy time. @default - none */
  readonly credentials?: secretsmanager.ISecret;
  /** The queue (give this or `exchange`; AMQP 0-9-1 and local ends). @default - none */
  readonly queue?: string;
  /** The exchange (give this or `queue`; AMQP 0-9-1 and local ends). @default - none */
  readonly exchange?: string;
  /** The routing key, with an exchange. @default - the message's */
  readonly exchangeKey?: string;
  /** The AMQP 1.0 address, such as `/queues/orders` (AMQP 1.0 ends only). @default - none */
  readonly address?: string;
}

/** A dynamic shovel. */
export interface RabbitMqShovelOptions {
  readonly source: RabbitMqShovelEndpoint;
  readonly destination: RabbitMqShovelEndpoint;
  /** The values of `RabbitMqAckMode`. @default RabbitMqAckMode.ON_CONFIRM */
  readonly ackMode?: string;
  /**
   * How many unacknowledged messages the shovel holds from its source (`src-prefetch-count`), 1 to 65535.
   * @default 1000 (the shovel plugin's)
   */
  readonly prefetchCount?: number;
  /** How long the shovel waits before it reconnects after losing either end (`reconnect-delay`). @default Duration.seconds(1) */
  readonly reconnectDelay?: Duration;
  /** When the shovel deletes itself (`src-delete-after`). @default RabbitMqShovelDeleteAfter.NEVER */
  readonly deleteAfter?: RabbitMqShovelDeleteAfter;
  /** Whether each moved message gets an `x-shovelled` header saying where it came from (`dest-add-forward-headers`). @default false */
  readonly addForwardHeaders?: boolean;
  /** Whether each moved message gets an `x-shovelled-timestamp` header (`dest-add-timestamp-header`). @default false */
  readonly addTimestampHeader?: boolean;
}

/** The shovel plugin's acknowledgement modes (RabbitMQ's shovel documentation, `ack-mode`). */
const SHOVEL_ACK_MODES: string[] = Object.values(RabbitMqAckMode);
const PROTOCOLS: string[] = Object.values(RabbitMqShovelProtocol);
/** The largest AMQP 0-9-1 prefetch count (`basic.qos` holds a 16-bit count). */
export const MAX_PREFETCH = 65535;

/** A shovel end's URI: this virtual host over the local connection by default, credentials filled in at deploy time. */
function endUri(end: RabbitMqShovelEndpoint, secretIndex: number, vhost: string): string {
  if (!end.uri) {
    // The shovel runs inside the broker: `amqp://` is the local node (its default virtual host), `amqp:///<vhost>` another.
    return vhost === '/' ? 'amqp://' : `amqp:///${encodeURIComponent(vhost)}`;
  }
  return secretIndex >= 0 ? withCredentials(end.uri, secretIndex) : end.uri;
}

/** A dynamic shovel: `PUT /api/parameters/shovel/<vhost>/<name>`, remote credentials read at deploy time. */
export const SHOVEL: ObjectDescriptor<RabbitMqShovelOptions> = {
  kind: 'shovel',
  idPrefix: 'Shovel',
  requiredOptions: 'an object with at least source and destination',
  rules: [
    {
      id: 'RabbitMqShovelAckMode',
      fact: 'Amazon MQ plugins page',
      summary: 'a shovel\'s `ackMode`: `on-confirm`, `on-publish` or `no-ack` (what the shovel plugin takes)',
      check: ({ name, options: { ackMode } }) => ackMode !== undefined && isKnown(ackMode) && !SHOVEL_ACK_MODES.includes(ackMode)
        ? `shovel '${name}' ackMode '${ackMode}' is not allowed; allowed: ${SHOVEL_ACK_MODES.join(', ')}`
        : undefined,
    },
    {
      id: 'RabbitMqShovelSettings',
      fact: 'Amazon MQ "RabbitMQ 4" page',
      summary: 'a shovel\'s ends: protocol `amqp091`, `amqp10` or `local`; `local` from RabbitMQ 4.2 (it came with 4.2, and Amazon MQ lists it for RabbitMQ 4; 4.0.5 answers 500) and without a `uri` (this broker only); `prefetchCount` a whole number from 1 to 65535 (a 16-bit AMQP 0-9-1 field; 0 means no limit there and no credit in AMQP 1.0), not with a local source (it takes none); `deleteAfter` a count of 0 or more (RabbitMQ refuses a negative one), never a count with `ackMode` no-ack (RabbitMQ refuses the pair)',
      check: ({ name, options: o, broker: { engineVersion } }) => {
        const problems: string[] = [];
        for (const [label, end] of [['source', o.source], ['destination', o.destination]] as const) {
          const protocol = end?.protocol;
          if (protocol === undefined || !isKnown(protocol)) {
            continue;
          }
          if (!PROTOCOLS.includes(protocol)) {
            problems.push(`shovel '${name}' ${label}.protocol '${protocol}' is not allowed; allowed: ${PROTOCOLS.join(', ')}`);
          } else if (protocol === RabbitMqShovelProtocol.LOCAL) {
            if (engineVersion !== undefined && !versionAtLeast(engineVersion, '4.2')) {
              problems.push(`shovel '${name}' ${label}.protocol 'local' is not allowed with engineVersion '${engineVersion}'; allowed: amqp091 or amqp10 (local shovels came with RabbitMQ 4.2)`);
            }
            if (end.uri !== undefined) {
              problems.push(`shovel '${name}' ${label}.uri is not allowed with protocol 'local'; allowed: no uri (a local shovel end is this broker)`);
            }
          }
        }
        const prefetch = o.prefetchCount;
        if (prefetch !== undefined && isKnown(prefetch) && (!Number.isInteger(prefetch) || prefetch < 1 || prefetch > MAX_PREFETCH)) {
          problems.push(`shovel '${name}' prefetchCount ${prefetch} is not allowed; allowed: a whole number from 1 to ${MAX_PREFETCH}`);
        } else if (prefetch !== undefined && o.source?.protocol === RabbitMqShovelProtocol.LOCAL) {
          // rabbit_local_shovel's source validation has no src-prefetch-count: it takes link credit instead.
          problems.push(`shovel '${name}' prefetchCount is not allowed with source.protocol 'local'; allowed: no prefetchCount (a local source is not prefetched)`);
        }
        const deleteAfter = o.deleteAfter?._value;
        if (typeof deleteAfter === 'number' && isKnown(deleteAfter)) {
          if (!Number.isInteger(deleteAfter) || deleteAfter < 0) {
            problems.push(`shovel '${name}' deleteAfter ${deleteAfter} messages is not allowed; allowed: a whole number, 0 or more`);
          } else if (o.ackMode === RabbitMqAckMode.NO_ACK) {
            problems.push(`shovel '${name}' deleteAfter ${deleteAfter} messages is not allowed with ackMode no-ack; allowed: another ackMode, or deleteAfter QUEUE_LENGTH or NEVER (RabbitMQ refuses a count with no-ack)`);
          }
        }
        return problems;
      },
    },
    REMOTE_ENDS_RULE,
  ],
  render: (vhost, name, options) => {
    const secrets = [options.source.credentials, options.destination.credentials].filter((s): s is secretsmanager.ISecret => s !== undefined);
    const end = (prefix: 'src' | 'dest', e: RabbitMqShovelEndpoint) => dropUndefined({
      [`${prefix}-protocol`]: e.protocol,
      [`${prefix}-uri`]: endUri(e, secrets.indexOf(e.credentials!), vhost),
      [`${prefix}-queue`]: e.queue,
      [`${prefix}-exchange`]: e.exchange,
      [`${prefix}-exchange-key`]: e.exchangeKey,
      [`${prefix}-address`]: e.address,
    });
    return {
      pathSegments: ['parameters', 'shovel', vhost, name],
      body: {
        value: {
          ...end('src', options.source),
          ...end('dest', options.destination),
          'ack-mode': options.ackMode ?? RabbitMqAckMode.ON_CONFIRM,
          ...dropUndefined({
            'src-prefetch-count': options.prefetchCount,
            'src-delete-after': options.deleteAfter?._value,
            // Seconds, as the plugin reads it (a fraction is taken).
            'reconnect-delay': options.reconnectDelay === undefined ? undefined : options.reconnectDelay.toMilliseconds() / 1000,
            'dest-add-forward-headers': options.addForwardHeaders,
            'dest-add-timestamp-header': options.addTimestampHeader,
          }),
        },
      },
      secrets,
    };
  },
};
