import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { dropUndefined, ObjectDescriptor } from './object-descriptor';
import { isKnown } from '../../../private/rules';
import { versionAtLeast } from '../../../private/versions';
import { queueArgumentProblems } from '../queue-arguments';
import { MAX_UINT32 } from '../value-checks';

/** The queue types Amazon MQ supports (streams are not supported: mq-facts F-V16). */
export enum RabbitMqQueueType {
  /** Replicated, durable; the default on RabbitMQ 4 and on clusters. */
  QUORUM = 'quorum',
  /** Classic queues; on a cluster, a classic queue lives on one node. */
  CLASSIC = 'classic',
}

/** A queue. */
export interface RabbitMqQueueOptions {
  /**
   * The queue type.
   * @default RabbitMqQueueType.QUORUM
   */
  readonly type?: RabbitMqQueueType;
  /**
   * Whether the queue survives a broker restart (quorum queues always do).
   * @default true
   */
  readonly durable?: boolean;
  /** Where rejected and expired messages go (`x-dead-letter-exchange`). @default - none */
  readonly deadLetterExchange?: string;
  /** The routing key dead-lettered messages get (`x-dead-letter-routing-key`). @default - their own */
  readonly deadLetterRoutingKey?: string;
  /** Deliveries before a message is dead-lettered (`x-delivery-limit`, quorum queues only). @default - RabbitMQ's */
  readonly deliveryLimit?: number;
  /** How long a message may wait (`x-message-ttl`). @default - forever */
  readonly messageTtl?: Duration;
  /** At most this many messages (`x-max-length`). @default - no limit */
  readonly maxLength?: number;
  /** Other `x-` arguments, as RabbitMQ takes them. @default - none */
  readonly arguments?: { [key: string]: any };
  /**
   * What happens to the queue, and its messages, when it leaves the app or the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** A queue's options with its type resolved. */
type Queue = RabbitMqQueueOptions & { readonly type: RabbitMqQueueType };

/** A queue (`PUT /api/queues/<vhost>/<name>`), kept on removal unless its removal policy is DESTROY. */
export const QUEUE: ObjectDescriptor<Queue> = {
  kind: 'queue',
  idPrefix: 'Queue',
  rules: [{
    id: 'RabbitMqQueueLimit',
    fact: 'F-AU02',
    summary: 'queues of a virtual host: at most its `limits.maxQueues` (RabbitMQ 4.0.5 refuses the next declaration: "queue limit in vhost ... is reached")',
    check: ({ name, virtualHost }) => virtualHost?.maxQueues !== undefined && isKnown(virtualHost.maxQueues)
      && virtualHost.queueCount >= virtualHost.maxQueues
      ? `queue '${name}' is one more than the virtual host's limits.maxQueues ${virtualHost.maxQueues} (it declares ${virtualHost.queueCount} already); allowed: at most ${virtualHost.maxQueues} queues, or a higher maxQueues`
      : undefined,
  }, {
    id: 'RabbitMqQueueArguments',
    fact: 'F-V16, F-V17',
    summary: 'queues: quorum or classic (Amazon MQ does not support streams); quorum queues are durable, without priorities; delivery limits on quorum queues only; counts and TTLs not negative; `arguments` hold only the `x-` arguments RabbitMQ takes for the type and version, with valid values, and no `x-queue-type` that contradicts `type`',
    check: ({ name, options: q, broker: { engineVersion } }) => {
      const problems: string[] = [];
      const declaredType = q.arguments?.['x-queue-type'];
      if (declaredType === 'stream' || (q.type as string) === 'stream') {
        problems.push(`queue '${name}' type 'stream' is not allowed; allowed: quorum or classic (Amazon MQ does not support streams: creating one loses data)`);
      }
      if (q.type === RabbitMqQueueType.QUORUM && q.durable === false) {
        problems.push(`queue '${name}' durable false is not allowed with type quorum; allowed: durable (quorum queues are always durable), or type classic`);
      }
      // Management API queues are never exclusive: a non-durable one is transient, which RabbitMQ 4.3 refuses.
      if (q.durable === false && engineVersion !== undefined && versionAtLeast(engineVersion, '4.3')) {
        problems.push(`queue '${name}' durable false is not allowed with engineVersion '${engineVersion}'; allowed: a durable queue (RabbitMQ 4.3 refuses transient non-exclusive queues)`);
      }
      if (q.type !== RabbitMqQueueType.QUORUM && q.deliveryLimit !== undefined) {
        problems.push(`queue '${name}' deliveryLimit is not allowed with type ${q.type}; allowed: type quorum`);
      }
      if ((q.type as string) !== 'stream') {
        const deadLettering = dropUndefined({ 'x-dead-letter-exchange': q.deadLetterExchange, 'x-dead-letter-routing-key': q.deadLetterRoutingKey });
        problems.push(...queueArgumentProblems(name, q.type, { ...deadLettering, ...q.arguments }, engineVersion));
      }
      // RabbitMQ takes TTLs up to 2^32 - 1 ms, and counts that are exact integers.
      for (const [label, value, max] of [['deliveryLimit', q.deliveryLimit, Number.MAX_SAFE_INTEGER], ['maxLength', q.maxLength, Number.MAX_SAFE_INTEGER],
        ['messageTtl', q.messageTtl?.toMilliseconds(), MAX_UINT32]] as const) {
        if (value !== undefined && isKnown(value) && (!Number.isInteger(value) || value < 0 || value > max)) {
          problems.push(`queue '${name}' ${label} ${value} is not allowed; allowed: a whole number from 0 to ${max}${label === 'messageTtl' ? ' (milliseconds)' : ''}`);
        }
      }
      return problems;
    },
  }],
  render: (vhost, name, q) => ({
    pathSegments: ['queues', vhost, name],
    body: {
      durable: q.durable ?? true,
      auto_delete: false,
      arguments: dropUndefined({
        'x-queue-type': q.type,
        'x-dead-letter-exchange': q.deadLetterExchange,
        'x-dead-letter-routing-key': q.deadLetterRoutingKey,
        'x-delivery-limit': q.deliveryLimit,
        'x-message-ttl': q.messageTtl?.toMilliseconds(),
        'x-max-length': q.maxLength,
        ...q.arguments,
      }),
    },
    // A queue holds messages: kept unless its removal policy says otherwise.
    removalPolicy: (q.removalPolicy ?? RemovalPolicy.RETAIN) === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  }),
};
