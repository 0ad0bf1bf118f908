import { createHash } from 'crypto';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { dropUndefined, ObjectDescriptor } from './object-descriptor';
import { RabbitMqPolicyApplyTo, RabbitMqPolicyOptions } from './policy';
import { enumKind, hasMethods, isNumber, isObject } from '../../../private/prop-kinds';
import { isKnown } from '../../../private/rules';
import { versionAtLeast } from '../../../private/versions';
import { queueArgumentProblems } from '../queue-arguments';
import { MAX_UINT32 } from '../value-checks';

/** The queue types Amazon MQ supports (streams are not supported). */
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
  /**
   * Where rejected and expired messages go (`''`: the default exchange). A key of the queue's tuning policy
   * (`dead-letter-exchange`), changeable in place.
   * @default - none
   */
  readonly deadLetterExchange?: string;
  /**
   * The routing key dead-lettered messages get; needs a dead-letter exchange. A key of the queue's tuning policy
   * (`dead-letter-routing-key`), changeable in place.
   * @default - their own
   */
  readonly deadLetterRoutingKey?: string;
  /**
   * Deliveries before a message is dead-lettered (quorum queues only). A key of the queue's tuning policy
   * (`delivery-limit`), changeable in place.
   * @default - RabbitMQ's (20 on RabbitMQ 4)
   */
  readonly deliveryLimit?: number;
  /**
   * How long a message may wait, at most 2^32 - 1 ms. A key of the queue's tuning policy (`message-ttl`),
   * changeable in place.
   * @default - forever
   */
  readonly messageTtl?: Duration;
  /** At most this many messages. A key of the queue's tuning policy (`max-length`), changeable in place. @default - no limit */
  readonly maxLength?: number;
  /**
   * Other `x-` arguments, as RabbitMQ takes them: fixed when the queue is declared (RabbitMQ refuses to change a
   * queue's arguments; a change fails the deploy). Not the settings the typed options above hold (refused: ambiguous).
   * @default - none
   */
  readonly arguments?: { [key: string]: any };
  /**
   * What happens to the queue, and its messages, when it leaves the app or the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * With `removalPolicy: DESTROY`: delete the queue only when it holds no message. A queue that still holds some is
   * kept on the broker (no longer managed by the stack) and the management function's log says so; the Delete
   * succeeds, so `cdk destroy` and an update's cleanup are never blocked. Classic queues: RabbitMQ checks it
   * atomically; quorum queues: from RabbitMQ's statistics, a few seconds old (README, "Deletion").
   * @default false
   */
  readonly deleteIfEmpty?: boolean;
  /**
   * With `removalPolicy: DESTROY`: delete the queue only when no consumer is attached; otherwise it is kept and
   * logged, as with `deleteIfEmpty`.
   * @default false
   */
  readonly deleteIfUnused?: boolean;
}

/** A queue's options with its type resolved. */
type Queue = RabbitMqQueueOptions & { readonly type: RabbitMqQueueType };

/**
 * The priority of the policy the library makes for a queue with typed tuning. RabbitMQ applies one policy per queue,
 * the one of highest priority, so the queue's own settings must win over broad policies (`.*`, `^orders\.`), whose
 * priorities are usually 0-10 (Amazon MQ's default policies on `/` have 0 or 1). 1000 leaves room on both sides: a
 * policy meant to override a queue's tuning can still be given a higher priority (the library warns about it).
 */
export const QUEUE_TUNING_POLICY_PRIORITY = 1000;

/** The prefix of a queue's tuning policy's name: `cdk-amazon-mq-queue-<queue>`. */
export const QUEUE_TUNING_POLICY_PREFIX = 'cdk-amazon-mq-queue-';

/** The typed tuning options: the policy key each becomes, and the `x-` argument that sets the same at declare time. */
export const QUEUE_TUNING_KEYS = [
  { option: 'deadLetterExchange', key: 'dead-letter-exchange', argument: 'x-dead-letter-exchange' },
  { option: 'deadLetterRoutingKey', key: 'dead-letter-routing-key', argument: 'x-dead-letter-routing-key' },
  { option: 'deliveryLimit', key: 'delivery-limit', argument: 'x-delivery-limit' },
  { option: 'messageTtl', key: 'message-ttl', argument: 'x-message-ttl' },
  { option: 'maxLength', key: 'max-length', argument: 'x-max-length' },
] as const;

/** RabbitMQ names are at most 255 bytes of UTF-8. */
const MAX_NAME_BYTES = 255;

/**
 * The name of a queue's tuning policy: `cdk-amazon-mq-queue-<queue>`; past 255 bytes, cut at a character and ended
 * with `-` and 8 hex digits of the queue name's SHA-256, so two long names stay apart.
 */
export function queueTuningPolicyName(queue: string): string {
  const name = `${QUEUE_TUNING_POLICY_PREFIX}${queue}`;
  if (Buffer.byteLength(name, 'utf-8') <= MAX_NAME_BYTES) {
    return name;
  }
  const suffix = `-${createHash('sha256').update(queue).digest('hex').slice(0, 8)}`;
  let head = '';
  for (const c of name) {
    if (Buffer.byteLength(head + c + suffix, 'utf-8') > MAX_NAME_BYTES) {
      break;
    }
    head += c;
  }
  return head + suffix;
}

/**
 * A pattern that matches this name only: `^<name>$`, every ASCII character other than letters, digits and `_`
 * escaped (a backslash before any of them is a literal in PCRE). Names hold no line break, so `$` ends them.
 */
export function exactNamePattern(name: string): string {
  return `^${name.replace(/[ -/:-@[-^`{-~]/g, '\\$&')}$`;
}

/** The policy a queue with typed tuning gets, or `undefined` without tuning. */
export function queueTuningPolicy(queue: string, q: RabbitMqQueueOptions): { name: string; options: RabbitMqPolicyOptions } | undefined {
  const definition = tuningDefinition(q);
  return Object.keys(definition).length === 0 ? undefined : {
    name: queueTuningPolicyName(queue),
    options: { pattern: exactNamePattern(queue), definition, applyTo: RabbitMqPolicyApplyTo.QUEUES, priority: QUEUE_TUNING_POLICY_PRIORITY },
  };
}

/** The typed tuning as policy keys. */
function tuningDefinition(q: RabbitMqQueueOptions): { [key: string]: any } {
  return dropUndefined({
    'dead-letter-exchange': q.deadLetterExchange,
    'dead-letter-routing-key': q.deadLetterRoutingKey,
    'delivery-limit': q.deliveryLimit,
    'message-ttl': q.messageTtl?.toMilliseconds(),
    'max-length': q.maxLength,
  });
}

/**
 * A queue (`PUT /api/queues/<vhost>/<name>`), kept on removal unless its removal policy is DESTROY. Its typed tuning
 * is not in its arguments (fixed at declare time) but in its tuning policy (`queueTuningPolicy`), which the virtual
 * host adds beside it.
 */
export const QUEUE: ObjectDescriptor<Queue> = {
  kind: 'queue',
  idPrefix: 'Queue',
  propKinds: (o) => [
    { property: 'type', value: o.type, allowed: 'a RabbitMqQueueType, such as RabbitMqQueueType.QUORUM', isValid: enumKind(RabbitMqQueueType), optional: true },
    { property: 'messageTtl', value: o.messageTtl, allowed: 'a Duration, such as Duration.minutes(1)', isValid: hasMethods('toMilliseconds'), optional: true },
    { property: 'maxLength', value: o.maxLength, allowed: 'a number of messages', isValid: isNumber, optional: true },
    { property: 'deliveryLimit', value: o.deliveryLimit, allowed: 'a number of deliveries', isValid: isNumber, optional: true },
    { property: 'arguments', value: o.arguments, allowed: 'an object of x- arguments', isValid: isObject, optional: true },
  ],
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
    summary: 'queues: quorum or classic (Amazon MQ does not support streams); quorum queues are durable, without priorities; delivery limits on quorum queues only; counts and TTLs not negative; `arguments` hold only the `x-` arguments RabbitMQ takes for the type and version, with valid values, and no `x-queue-type` that contradicts `type`; a dead-letter routing key needs a dead-letter exchange (an `x-dead-letter-routing-key` argument one in `arguments`: RabbitMQ checks them without the policy)',
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
      // A routing key alone dead-letters nothing (the exchange may come from the policy or from the arguments).
      if (q.deadLetterRoutingKey !== undefined && q.deadLetterExchange === undefined && q.arguments?.['x-dead-letter-exchange'] === undefined) {
        problems.push(`queue '${name}' deadLetterRoutingKey needs a dead-letter exchange; allowed: deadLetterExchange with it`);
      }
      if ((q.type as string) !== 'stream') {
        // The arguments alone: RabbitMQ checks them when the queue is declared, without its policy.
        problems.push(...queueArgumentProblems(name, q.type, q.arguments ?? {}, engineVersion));
      }
      for (const [label, value] of [['deadLetterExchange', q.deadLetterExchange], ['deadLetterRoutingKey', q.deadLetterRoutingKey]] as const) {
        if (value !== undefined && isKnown(value) && typeof value !== 'string') {
          problems.push(`queue '${name}' ${label} ${JSON.stringify(value)} is not allowed; allowed: a string${label === 'deadLetterExchange' ? ' (\'\' for the default exchange)' : ''}`);
        }
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
  }, {
    id: 'RabbitMqQueueTuning',
    // RabbitMQ's "Policies" page: an argument and a policy key for the same setting combine (rabbit_queue_type_util).
    fact: 'RabbitMQ "Policies" page (arguments and policies combined)',
    summary: 'queues: a typed tuning option (`messageTtl`, `maxLength`, `deliveryLimit`, `deadLetterExchange`, `deadLetterRoutingKey`, which go to the queue\'s tuning policy, changeable in place) and an `arguments` entry for the same setting (`x-message-ttl`, ...: fixed at declare time) are not both given: RabbitMQ would combine them (the lower number, the argument\'s exchange), so the change of the typed option could do nothing',
    check: ({ name, options: q }) => q.arguments === undefined || !isKnown(q.arguments) ? undefined : QUEUE_TUNING_KEYS
      .filter(({ option, argument }) => q[option] !== undefined && q.arguments![argument] !== undefined)
      .map(({ option, argument, key }) => `queue '${name}' ${option} and arguments['${argument}'] both set '${key}', which is ambiguous; allowed: one of them (${option}: the queue's tuning policy, changeable in place; arguments['${argument}']: fixed when the queue is declared)`),
  }, {
    id: 'RabbitMqQueueDeleteIf',
    // The delete conditions only narrow a delete: a queue that is never deleted has nothing to narrow.
    fact: 'RabbitMQ HTTP API reference (DELETE /api/queues, if-empty, if-unused)',
    summary: 'queues: `deleteIfEmpty` and `deleteIfUnused` only with `removalPolicy: DESTROY` (a queue is retained by default: the condition would never apply)',
    check: ({ name, options: q }) => (['deleteIfEmpty', 'deleteIfUnused'] as const)
      .filter((option) => q[option] === true && (q.removalPolicy ?? RemovalPolicy.RETAIN) !== RemovalPolicy.DESTROY)
      .map((option) => `queue '${name}' ${option} true is not allowed with removalPolicy ${q.removalPolicy ?? 'retain (the default for queues)'}; allowed: removalPolicy DESTROY with it (the queue is then deleted only when ${option === 'deleteIfEmpty' ? 'empty' : 'no consumer is attached'}, and kept otherwise), or no ${option}`),
  }],
  render: (vhost, name, q) => ({
    pathSegments: ['queues', vhost, name],
    body: {
      durable: q.durable ?? true,
      auto_delete: false,
      // The typed tuning is the queue's tuning policy, not arguments: those RabbitMQ never lets change.
      arguments: dropUndefined({ 'x-queue-type': q.type, ...q.arguments }),
    },
    // A queue holds messages: kept unless its removal policy says otherwise.
    removalPolicy: (q.removalPolicy ?? RemovalPolicy.RETAIN) === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    // Only when asked: other queues keep their properties. A token passes through as a string token.
    properties: dropUndefined({ DeleteIfEmpty: deleteCondition(q.deleteIfEmpty), DeleteIfUnused: deleteCondition(q.deleteIfUnused) }),
  }),
};

/** A delete condition as the custom resource property: absent unless set (`false` is the default). */
function deleteCondition(value: boolean | undefined): string | undefined {
  return value === undefined || value === false ? undefined : String(value);
}
