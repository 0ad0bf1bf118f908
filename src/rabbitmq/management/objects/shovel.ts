import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { dropUndefined, ObjectDescriptor } from './object-descriptor';
import { REMOTE_ENDS_RULE, withCredentials } from './remote-uri';
import { isKnown } from '../../../private/rules';

/** One end of a dynamic shovel (Amazon MQ supports dynamic shovels only). */
export interface RabbitMqShovelEndpoint {
  /**
   * The broker, as `amqps://host:5671/vhost` without credentials. Amazon MQ cannot shovel to a private broker.
   * @default - this virtual host on this broker
   */
  readonly uri?: string;
  /** The user name and password to connect with (keys `username`, `password`), read at deploy time. @default - none */
  readonly credentials?: secretsmanager.ISecret;
  /** The queue (give this or `exchange`). @default - none */
  readonly queue?: string;
  /** The exchange (give this or `queue`). @default - none */
  readonly exchange?: string;
  /** The routing key, with an exchange. @default - the message's */
  readonly exchangeKey?: string;
}

/** A dynamic shovel. */
export interface RabbitMqShovelOptions {
  readonly source: RabbitMqShovelEndpoint;
  readonly destination: RabbitMqShovelEndpoint;
  /** @default 'on-confirm' */
  readonly ackMode?: string;
}

/** The shovel plugin's acknowledgement modes (RabbitMQ's shovel documentation, `ack-mode`). */
const SHOVEL_ACK_MODES = ['on-confirm', 'on-publish', 'no-ack'];

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
    REMOTE_ENDS_RULE,
  ],
  render: (vhost, name, options) => {
    const secrets = [options.source.credentials, options.destination.credentials].filter((s): s is secretsmanager.ISecret => s !== undefined);
    const end = (prefix: 'src' | 'dest', e: RabbitMqShovelEndpoint) => dropUndefined({
      [`${prefix}-uri`]: endUri(e, secrets.indexOf(e.credentials!), vhost),
      [`${prefix}-queue`]: e.queue,
      [`${prefix}-exchange`]: e.exchange,
      [`${prefix}-exchange-key`]: e.exchangeKey,
    });
    return {
      pathSegments: ['parameters', 'shovel', vhost, name],
      body: { value: { ...end('src', options.source), ...end('dest', options.destination), 'ack-mode': options.ackMode ?? 'on-confirm' } },
      secrets,
    };
  },
};
