import { BrokerCallError } from './management-call-error';

/**
 * A queue's delete conditions (`deleteIfEmpty`, `deleteIfUnused`), the messaging topology operator's, with two
 * differences: a condition that does not hold keeps the queue and logs it (the operator fails and retries the
 * delete, which in CloudFormation would leave `cdk destroy` DELETE_FAILED and an update's cleanup failed), and
 * quorum queues (RabbitMQ refuses the flags for them) are checked too instead of being deleted regardless.
 */
export interface QueueDeleteConditions {
  readonly ifEmpty: boolean;
  readonly ifUnused: boolean;
}

/** The conditions a Delete carries (CloudFormation passes booleans as `'true'`/`'false'`), or none. */
export function queueDeleteConditions(props: { readonly DeleteIfEmpty?: string; readonly DeleteIfUnused?: string }):
QueueDeleteConditions | undefined {
  const ifEmpty = String(props.DeleteIfEmpty) === 'true';
  const ifUnused = String(props.DeleteIfUnused) === 'true';
  return ifEmpty || ifUnused ? { ifEmpty, ifUnused } : undefined;
}

type Call = (method: string, path: string) => Promise<Response>;

/** What a conditional delete did: deleted (or already gone), or kept, and why. */
export type ConditionalDelete = { readonly deleted: true; readonly gone?: boolean } | { readonly deleted: false; readonly why: string };

/**
 * Deletes the queue at `path` only when the conditions hold.
 * - Classic queues: `DELETE <path>?if-empty=true&if-unused=true` (the flags asked for). RabbitMQ checks inside the
 *   queue, atomically; RabbitMQ 4.0.5 answers 400 `queue '<q>' in vhost '<v>' not empty` (or `in use`) when one fails.
 * - Quorum queues: RabbitMQ 4.0.5 answers 400 `queue.delete operations with if-empty flag set are not supported by
 *   quorum queues` (also for `if-unused`) whatever the queue holds. So the counts come from the queue's GET, which
 *   are RabbitMQ's statistics, refreshed on a timer (measured on 4.0.5: a message shows after up to ~9 s, a
 *   consumer after ~5 s; a new queue has none yet), then a plain DELETE: a message published, or a consumer that
 *   attaches, in those last seconds is not seen. Unknown counts keep the queue.
 */
export async function deleteQueueIf(call: Call, path: string, conditions: QueueDeleteConditions,
  reason: (r: Response) => Promise<string>): Promise<ConditionalDelete> {
  const read = await call('GET', path);
  if (read.status === 404) {
    return { deleted: true, gone: true };
  }
  if (!read.ok) {
    throw new BrokerCallError(`queue ${path}: could not be read before its conditional delete (RabbitMQ answered ${read.status}: ${await reason(read)})`, read.status);
  }
  const queue = await read.json() as { type?: string; messages?: number; consumers?: number };
  const held = `${counted(queue.messages, 'message')}, ${counted(queue.consumers, 'consumer')}`;
  if (queue.type === 'classic') {
    const flags = [conditions.ifEmpty && 'if-empty=true', conditions.ifUnused && 'if-unused=true'].filter(Boolean).join('&');
    const response = await call('DELETE', `${path}?${flags}`);
    if (response.ok || response.status === 404) {
      return { deleted: true, gone: response.status === 404 };
    }
    const why = await reason(response);
    if (response.status === 400 && /\b(not empty|in use)\b/.test(why)) {
      return { deleted: false, why: `RabbitMQ refused the conditional delete: ${why} (${held} by its statistics)` };
    }
    throw new BrokerCallError(`queue ${path}: RabbitMQ refused the delete with ${response.status}: ${why}`, response.status);
  }
  const unmet = [
    conditions.ifUnused && failed(queue.consumers, 'consumer'),
    conditions.ifEmpty && failed(queue.messages, 'message'),
  ].filter((u): u is string => typeof u === 'string');
  if (unmet.length > 0) {
    return { deleted: false, why: `it ${unmet.join(' and ')} (RabbitMQ's statistics of this ${queue.type ?? 'unknown type'} queue)` };
  }
  const response = await call('DELETE', path);
  if (response.ok || response.status === 404) {
    return { deleted: true, gone: response.status === 404 };
  }
  throw new BrokerCallError(`queue ${path}: RabbitMQ refused the delete with ${response.status}: ${await reason(response)}`, response.status);
}

function counted(n: number | undefined, what: string): string {
  return n === undefined ? `${what}s unknown` : `${n} ${what}(s)`;
}

/** Why the count fails its condition (unknown counts fail: the queue is kept rather than deleted blind). */
function failed(n: number | undefined, what: string): string | undefined {
  if (n === undefined) {
    return `has no ${what} count yet (RabbitMQ publishes its statistics every few seconds; a new queue has none)`;
  }
  return n > 0 ? `has ${n} ${what}(s)` : undefined;
}
