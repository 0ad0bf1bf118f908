import { Token } from 'aws-cdk-lib';
import { MAX_UINT32, oneOf, wholeNumber } from './value-checks';
import { versionAtLeast } from '../../private/versions';

/** Which kind of policy may carry a key: RabbitMQ accepts only limits in operator policies. */
type PolicyKind = 'policy' | 'operator policy';

/** One policy definition key: its value check, where it may appear, and the versions that know it. */
interface PolicyKey {
  /** `undefined` when the value is fine, else what is allowed. */
  readonly check: (value: unknown) => string | undefined;
  readonly kinds: ReadonlyArray<PolicyKind>;
  /** First RabbitMQ version that knows the key. @default every supported version */
  readonly since?: string;
  /** First RabbitMQ version that refuses the key. @default none */
  readonly until?: string;
  /** Why Amazon MQ refuses a key RabbitMQ knows. */
  readonly amazonMqRefuses?: string;
}

const BOTH: ReadonlyArray<PolicyKind> = ['policy', 'operator policy'];
const POLICY_ONLY: ReadonlyArray<PolicyKind> = ['policy'];

const name = (value: unknown) => (typeof value === 'string' && value.length > 0 ? undefined : 'a non-empty string');
/** An exchange name, where `''` is the default exchange (RabbitMQ 4.0.5 takes it as a dead-letter exchange). */
const exchange = (value: unknown) => (typeof value === 'string' ? undefined : "a string ('' for the default exchange)");
const STREAMS = 'Amazon MQ does not support streams (creating one loses data)';

/**
 * The policy definition keys RabbitMQ 4 knows (`rabbit_policies`, the federation plugin), each proven against RabbitMQ
 * 4.0.5 by test/engines/rabbitmq-rules.engine.test.ts: what the library accepts, the engine accepts, and the reverse,
 * except where Amazon MQ is stricter (streams) or the key is gone in a later version (queue-mode from 4.3).
 */
const POLICY_KEYS: Record<string, PolicyKey> = {
  'alternate-exchange': { check: name, kinds: POLICY_ONLY },
  'dead-letter-exchange': { check: exchange, kinds: POLICY_ONLY },
  'dead-letter-routing-key': { check: name, kinds: POLICY_ONLY },
  'dead-letter-strategy': { check: oneOf('at-most-once', 'at-least-once'), kinds: POLICY_ONLY },
  'federation-upstream': { check: name, kinds: POLICY_ONLY },
  'federation-upstream-set': { check: name, kinds: POLICY_ONLY },
  'message-ttl': { check: wholeNumber(0, MAX_UINT32), kinds: BOTH },
  'expires': { check: wholeNumber(1, MAX_UINT32), kinds: BOTH },
  'max-length': { check: wholeNumber(0), kinds: BOTH },
  'max-length-bytes': { check: wholeNumber(0), kinds: BOTH },
  'max-in-memory-length': { check: wholeNumber(0), kinds: BOTH },
  'max-in-memory-bytes': { check: wholeNumber(0), kinds: BOTH },
  'overflow': { check: oneOf('drop-head', 'reject-publish', 'reject-publish-dlx'), kinds: BOTH },
  // -1 turns the quorum queue delivery limit off on RabbitMQ 4 (whose default is 20).
  'delivery-limit': { check: wholeNumber(-1), kinds: BOTH },
  'queue-version': { check: oneOf(1, 2), kinds: BOTH },
  // random and least-leaders are RabbitMQ 3's names, still taken by 4 (as balanced).
  'queue-leader-locator': { check: oneOf('client-local', 'balanced', 'random', 'least-leaders'), kinds: POLICY_ONLY },
  'queue-master-locator': { check: oneOf('min-masters', 'client-local', 'random'), kinds: BOTH },
  'target-group-size': { check: wholeNumber(1), kinds: BOTH },
  'initial-cluster-size': { check: wholeNumber(1), kinds: POLICY_ONLY },
  'consumer-timeout': { check: wholeNumber(1, MAX_UINT32), kinds: POLICY_ONLY },
  // Lazy mode is a no-op since 3.12 and refused from 4.3 (RabbitMQ 4.3 release notes).
  'queue-mode': { check: oneOf('default', 'lazy'), kinds: POLICY_ONLY, until: '4.3' },
  // Classic queue mirroring is gone in RabbitMQ 4.
  'ha-mode': { check: oneOf('all', 'exactly', 'nodes'), kinds: BOTH, until: '4' },
  'ha-sync-mode': { check: oneOf('manual', 'automatic'), kinds: BOTH, until: '4' },
  'ha-params': { check: () => undefined, kinds: BOTH, until: '4' },
  'max-age': { check: name, kinds: POLICY_ONLY, amazonMqRefuses: STREAMS },
  'stream-max-segment-size-bytes': { check: wholeNumber(1), kinds: POLICY_ONLY, amazonMqRefuses: STREAMS },
  'stream-filter-size-bytes': { check: wholeNumber(16, 255), kinds: POLICY_ONLY, amazonMqRefuses: STREAMS },
};

/** The keys a policy of this kind may carry on this version, for error messages and the engine test. */
export function knownPolicyKeys(kind: PolicyKind, engineVersion: string): string[] {
  return Object.entries(POLICY_KEYS)
    .filter(([, k]) => k.kinds.includes(kind) && !k.amazonMqRefuses && inVersion(k, engineVersion))
    .map(([key]) => key);
}

/** The problems of a policy definition: unknown keys (typos included), keys of another kind or version, bad values. */
export function policyDefinitionProblems(kind: PolicyKind, policyName: string, definition: { [key: string]: any }, engineVersion: string): string[] {
  if (Token.isUnresolved(definition)) {
    return [];
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(definition)) {
    const known = POLICY_KEYS[key];
    const label = `${kind} '${policyName}' definition key '${key}'`;
    if (!known) {
      problems.push(`${label} is not a RabbitMQ ${kind} key; allowed: ${knownPolicyKeys(kind, engineVersion).join(', ')}`);
    } else if (known.amazonMqRefuses) {
      problems.push(`${label} is not allowed: ${known.amazonMqRefuses}`);
    } else if (!known.kinds.includes(kind)) {
      problems.push(`${label} is not allowed in an ${kind} (RabbitMQ takes only limits there); allowed: ${knownPolicyKeys(kind, engineVersion).join(', ')}, or a policy`);
    } else if (!inVersion(known, engineVersion)) {
      problems.push(`${label} is not allowed with engineVersion '${engineVersion}'; allowed: RabbitMQ ${known.since ? `${known.since} or later` : `before ${known.until}`}`);
    } else if (!Token.isUnresolved(value)) {
      const allowed = known.check(value);
      if (allowed) {
        problems.push(`${label} value ${JSON.stringify(value)} is not allowed; allowed: ${allowed}`);
      }
    }
  }
  return problems;
}

function inVersion(key: PolicyKey, engineVersion: string): boolean {
  return (key.since === undefined || versionAtLeast(engineVersion, key.since))
    && (key.until === undefined || !versionAtLeast(engineVersion, key.until));
}
