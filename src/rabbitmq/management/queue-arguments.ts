import { Token } from 'aws-cdk-lib';
import { MAX_UINT32, oneOf, wholeNumber } from './value-checks';
import { versionAtLeast } from '../../private/versions';

/** The queue types Amazon MQ supports (no streams). */
type QueueType = 'classic' | 'quorum';

/** One `x-` argument a queue may be declared with. */
interface QueueArgument {
  readonly check: (value: unknown, engineVersion: string) => string | undefined;
  readonly types: ReadonlyArray<QueueType>;
  /** First RabbitMQ version that refuses the argument. @default none */
  readonly until?: string;
}

const BOTH: ReadonlyArray<QueueType> = ['classic', 'quorum'];
const name = (value: unknown) => (typeof value === 'string' ? undefined : 'a string');

/**
 * The declare-time arguments RabbitMQ 4 takes per queue type, proven against RabbitMQ 4.0.5 by
 * test/engines/rabbitmq-rules.engine.test.ts; `x-queue-mode` and `x-queue-version: 1` are refused from 4.3 (RabbitMQ
 * 4.3 release notes).
 */
const QUEUE_ARGUMENTS: Record<string, QueueArgument> = {
  'x-message-ttl': { check: wholeNumber(0, MAX_UINT32), types: BOTH },
  'x-expires': { check: wholeNumber(1, MAX_UINT32), types: BOTH },
  'x-max-length': { check: wholeNumber(0), types: BOTH },
  'x-max-length-bytes': { check: wholeNumber(0), types: BOTH },
  'x-overflow': { check: oneOf('drop-head', 'reject-publish', 'reject-publish-dlx'), types: BOTH },
  'x-dead-letter-exchange': { check: name, types: BOTH },
  'x-dead-letter-routing-key': { check: name, types: BOTH },
  'x-single-active-consumer': { check: oneOf(true, false), types: BOTH },
  // random and least-leaders are RabbitMQ 3's names, still taken by 4 (as balanced).
  'x-queue-leader-locator': { check: oneOf('client-local', 'balanced', 'random', 'least-leaders'), types: BOTH },
  'x-max-priority': { check: wholeNumber(1, 255), types: ['classic'] },
  'x-queue-version': {
    check: (value, version) => versionAtLeast(version, '4.3') ? oneOf(2)(value) : oneOf(1, 2)(value),
    types: ['classic'],
  },
  'x-queue-mode': { check: oneOf('default', 'lazy'), types: ['classic'], until: '4.3' },
  'x-delivery-limit': { check: wholeNumber(-1), types: ['quorum'] },
  'x-dead-letter-strategy': { check: oneOf('at-most-once', 'at-least-once'), types: ['quorum'] },
  'x-quorum-initial-group-size': { check: wholeNumber(1), types: ['quorum'] },
  'x-quorum-target-group-size': { check: wholeNumber(1), types: ['quorum'] },
};

/** The problems of a queue's arguments for its type and the broker's version: unknown keys, misplaced ones, bad values. */
export function queueArgumentProblems(queue: string, type: string, args: { [key: string]: any }, engineVersion: string | undefined): string[] {
  if (Token.isUnresolved(args)) {
    return [];
  }
  const problems: string[] = [];
  // RabbitMQ 4.0.5 refuses the declaration: "routing_key_but_no_dlx_defined".
  if (args['x-dead-letter-routing-key'] !== undefined && args['x-dead-letter-exchange'] === undefined) {
    problems.push(`queue '${queue}' argument 'x-dead-letter-routing-key' needs 'x-dead-letter-exchange'; allowed: 'x-dead-letter-exchange' in the arguments too (RabbitMQ checks the arguments without the queue's policy), or deadLetterExchange and deadLetterRoutingKey instead`);
  }
  for (const [key, value] of Object.entries(args)) {
    const label = `queue '${queue}' argument '${key}'`;
    if (key === 'x-queue-type') {
      // A stream is refused by its own rule (Amazon MQ does not support streams).
      if (value !== type && value !== 'stream' && !Token.isUnresolved(value)) {
        problems.push(`${label} ${JSON.stringify(value)} contradicts type '${type}'; allowed: the 'type' property alone`);
      }
      continue;
    }
    const known = QUEUE_ARGUMENTS[key];
    const allowedKeys = () => Object.keys(QUEUE_ARGUMENTS).filter((k) => QUEUE_ARGUMENTS[k].types.includes(type as QueueType)).join(', ');
    if (!known) {
      problems.push(`${label} is not a RabbitMQ queue argument; allowed: ${allowedKeys()}`);
    } else if (!known.types.includes(type as QueueType)) {
      problems.push(`${label} is not allowed with type ${type}; allowed: ${allowedKeys()}`);
    } else if (engineVersion !== undefined && known.until !== undefined && versionAtLeast(engineVersion, known.until)) {
      problems.push(`${label} is not allowed with engineVersion '${engineVersion}'; allowed: RabbitMQ before ${known.until}`);
    } else if (!Token.isUnresolved(value)) {
      const allowed = known.check(value, engineVersion ?? '4.2');
      if (allowed) {
        problems.push(`${label} value ${JSON.stringify(value)} is not allowed; allowed: ${allowed}`);
      }
    }
  }
  return problems;
}
