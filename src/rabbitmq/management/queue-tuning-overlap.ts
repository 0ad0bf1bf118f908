import { RabbitMqPolicyApplyTo, RabbitMqPolicyOptions } from './objects/policy';
import { QUEUE_TUNING_KEYS, QUEUE_TUNING_POLICY_PRIORITY, RabbitMqQueueType } from './objects/queue';
import { pcreMatches } from './pcre-match';
import { isKnown } from '../../private/rules';

/** A policy of a virtual host, by name. */
export interface NamedPolicy {
  readonly name: string;
  readonly options: RabbitMqPolicyOptions;
}

/** A queue with typed tuning, and its tuning policy. */
export interface TunedQueue {
  readonly queue: string;
  readonly type: RabbitMqQueueType;
  readonly tuning: NamedPolicy;
}

/** A synth warning: its ID (`cdk-amazon-mq:...`, to acknowledge it) and its text. */
export interface OverlapWarning {
  readonly id: string;
  readonly message: string;
}

/**
 * What is lost when a user's policy also matches a tuned queue: RabbitMQ applies one policy per queue, the one of
 * highest priority (operator policies still combine with it). A policy of priority 1000 or more may win over the
 * tuning policy (a tie is not defined); one below loses its keys the tuning does not set. `undefined` when the two
 * do not meet, or when it cannot be told at synth: a pattern that is a token or beyond what `pcreMatches` judges, a
 * priority or definition that is a token.
 */
export function tuningOverlap(tuned: TunedQueue, policy: NamedPolicy): OverlapWarning | undefined {
  const { pattern, priority = 0, definition, applyTo = RabbitMqPolicyApplyTo.QUEUES } = policy.options;
  const reaches = applyTo === RabbitMqPolicyApplyTo.QUEUES || applyTo === RabbitMqPolicyApplyTo.ALL
    || (applyTo === RabbitMqPolicyApplyTo.QUORUM_QUEUES && tuned.type === RabbitMqQueueType.QUORUM)
    || (applyTo === RabbitMqPolicyApplyTo.CLASSIC_QUEUES && tuned.type === RabbitMqQueueType.CLASSIC);
  if (!reaches || !isKnown(priority) || pcreMatches(pattern, tuned.queue) !== true) {
    return undefined;
  }
  const tuningKeys = Object.keys(tuned.tuning.options.definition);
  const head = `policy '${policy.name}' (priority ${priority}) matches queue '${tuned.queue}', whose typed tuning is its policy '${tuned.tuning.name}' (priority ${QUEUE_TUNING_POLICY_PRIORITY}): RabbitMQ applies one policy per queue, the one of highest priority`;
  if (priority >= QUEUE_TUNING_POLICY_PRIORITY) {
    const options = QUEUE_TUNING_KEYS.filter((k) => tuningKeys.includes(k.key)).map((k) => k.option).join(', ');
    return {
      id: 'cdk-amazon-mq:queueTuningOverridden',
      message: `${head} (a tie is not defined), so the queue's ${options} may not apply. Give '${policy.name}' a priority below ${QUEUE_TUNING_POLICY_PRIORITY}, or a pattern that does not match '${tuned.queue}'.`,
    };
  }
  const lost = isKnown(definition) ? Object.keys(definition).filter((k) => !tuningKeys.includes(k)) : [];
  return lost.length === 0 ? undefined : {
    id: 'cdk-amazon-mq:policyKeysNotApplied',
    message: `${head}, so ${lost.map((k) => `'${k}'`).join(', ')} of '${policy.name}' do not apply to '${tuned.queue}'. Set them on the queue (its typed options, or its arguments, fixed at declare time), or tune the queue in a policy of your own instead of its typed options.`,
  };
}
