import { RemovalPolicy } from 'aws-cdk-lib';
import { LIMITS_RULE, RabbitMqVirtualHostLimits } from './limit';
import { dropUndefined, ObjectDescriptor } from './object-descriptor';
import { RabbitMqQueueType } from './queue';
import { isKnown } from '../../../private/rules';

/** Options of a virtual host. */
export interface RabbitMqVirtualHostOptions {
  /** @default - none */
  readonly description?: string;
  /**
   * Tags, for people and tools (RabbitMQ gives them no meaning), one per entry.
   * @default - none
   */
  readonly tags?: string[];
  /**
   * The type of a queue declared in this virtual host without `x-queue-type` (queues of `addQueue()` always name
   * theirs). Leaving it out later keeps the virtual host's.
   * @default - the broker's: quorum on RabbitMQ 4 (Amazon MQ's `default_queue_type`), classic on 3.13
   */
  readonly defaultQueueType?: RabbitMqQueueType;
  /**
   * Whether the firehose tracer publishes a copy of every message of this virtual host to `amq.rabbitmq.trace`
   * (it costs throughput). Leaving it out later keeps the virtual host's.
   * @default false
   */
  readonly tracing?: boolean;
  /** Connection and queue limits. @default - none */
  readonly limits?: RabbitMqVirtualHostLimits;
  /**
   * What happens to the virtual host when it leaves the app or the stack is deleted; one that still holds queues is
   * kept in any case (README, "What each removal policy keeps"). `/` is always kept.
   * @default - the broker's removal policy; RETAIN on an imported broker
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The queue types a virtual host may default to: Amazon MQ does not support streams (F-V16). */
const DEFAULT_QUEUE_TYPES: string[] = Object.values(RabbitMqQueueType);

/** A virtual host: `PUT /api/vhosts/<name>`; the virtual host construct gives it the broker's removal policy by default. */
export const VIRTUAL_HOST: ObjectDescriptor<RabbitMqVirtualHostOptions> = {
  kind: 'virtual host',
  idPrefix: 'VirtualHost',
  brokerWide: true,
  rules: [
    {
      id: 'RabbitMqVirtualHostMetadata',
      fact: 'F-V16',
      summary: 'virtual host `tags`: each non-empty, without commas (RabbitMQ splits a tag at commas) or surrounding spaces (it trims them), each once; `defaultQueueType` quorum or classic (RabbitMQ takes `stream`, which Amazon MQ does not support, and answers 500 to an unknown type)',
      check: ({ name, options: { tags, defaultQueueType } }) => {
        const problems: string[] = [];
        for (const [i, tag] of (tags ?? []).entries()) {
          if (!isKnown(tag)) {
            continue;
          }
          if (tag === '' || tag.includes(',') || tag.trim() !== tag) {
            problems.push(`virtual host '${name}' tag '${tag}' is not allowed; allowed: a non-empty tag without commas or surrounding spaces, one per entry (RabbitMQ splits tags at commas and trims them)`);
          } else if (tags!.indexOf(tag) !== i) {
            problems.push(`virtual host '${name}' tag '${tag}' is given twice; allowed: each tag once`);
          }
        }
        if (defaultQueueType !== undefined && isKnown(defaultQueueType) && !DEFAULT_QUEUE_TYPES.includes(defaultQueueType)) {
          problems.push(`virtual host '${name}' defaultQueueType '${defaultQueueType}' is not allowed; allowed: ${DEFAULT_QUEUE_TYPES.join(' or ')} (Amazon MQ does not support streams)`);
        }
        return problems;
      },
    },
    LIMITS_RULE,
  ],
  render: (_vhost, name, options) => ({
    pathSegments: ['vhosts', name],
    // Keys the app leaves out are not sent: RabbitMQ then keeps the virtual host's (tags excepted: no tags clears them).
    body: {
      description: options.description ?? '',
      ...dropUndefined({ tags: options.tags?.join(','), default_queue_type: options.defaultQueueType, tracing: options.tracing }),
    },
    removalPolicy: name !== '/' && options.removalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    // Deleting a virtual host deletes its queues, also those the app never declared: the handler looks first.
    properties: { KeepIfQueuesIn: `/api/queues/${encodeURIComponent(name)}` },
  }),
};
