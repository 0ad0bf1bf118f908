import { Token } from 'aws-cdk-lib';
import { isKnown, Rule } from '../../private/rules';
import { versionAtLeast } from '../../private/versions';
import { pcrePatternProblem } from '../management/pcre-pattern';
import { policyDefinitionProblems } from '../management/policy-definitions';
import { queueArgumentProblems } from '../management/queue-arguments';
import {
  RabbitMqBindingOptions, RabbitMqExchangeType, RabbitMqPermissions, RabbitMqPolicyOptions, RabbitMqQueueOptions, RabbitMqQueueType,
  RabbitMqShovelEndpoint, RabbitMqShovelOptions, RabbitMqUserTag,
} from '../management/rabbitmq-management-options';
import { MAX_UINT32 } from '../management/value-checks';

/** One object to apply through the management API, as the rules see it. */
export interface ManagementSpec {
  /** `virtual host`, `user`, `queue`, ... */
  readonly kind: string;
  readonly name: string;
  /** Whether the virtual host already has an object of this kind and name. */
  readonly taken: boolean;
  readonly permissions?: RabbitMqPermissions;
  readonly queue?: RabbitMqQueueOptions & { readonly type: RabbitMqQueueType };
  readonly binding?: RabbitMqBindingOptions;
  readonly policy?: RabbitMqPolicyOptions;
  readonly shovel?: RabbitMqShovelOptions;
  /** A federation upstream's URI. */
  readonly uri?: string;
  /** An exchange's type. */
  readonly exchangeType?: string;
  /** A user's tags. */
  readonly tags?: string[];
  /** User names the management API must not redefine: the broker's admin and Amazon MQ's own user. */
  readonly reservedUsernames?: string[];
  /** The broker's RabbitMQ version, for version-gated keys. @default - not checked */
  readonly engineVersion?: string;
  /**
   * For an operator policy: whether the broker's configuration lets the management API edit operator policies
   * (`undefined` when it cannot be known, e.g. an imported configuration).
   */
  readonly operatorPoliciesAllowed?: boolean;
}

const EXCHANGE_TYPES: string[] = Object.values(RabbitMqExchangeType);
/** The internal user Amazon MQ adds to every RabbitMQ broker. */
export const AMAZON_MQ_MONITORING_USER = 'monitoring-AWS-OWNED-DO-NOT-DELETE';
const USER_TAGS: string[] = Object.values(RabbitMqUserTag);
/** The shovel plugin's acknowledgement modes (RabbitMQ's shovel documentation, `ack-mode`). */
const SHOVEL_ACK_MODES = ['on-confirm', 'on-publish', 'no-ack'];

/** RabbitMQ names are at most 255 bytes of UTF-8 (AMQP short strings). */
const MAX_NAME_BYTES = 255;

/** RabbitMQ compiles these patterns with Erlang's `re`, which is PCRE, not JavaScript's RegExp (see pcre-pattern.ts). */
function regexProblem(label: string, pattern: string | undefined): string | undefined {
  const problem = pattern === undefined || !isKnown(pattern) ? undefined : pcrePatternProblem(pattern);
  return problem === undefined ? undefined : `'${label}' '${pattern}' is not a regular expression (${problem}); allowed: a PCRE regular expression (RabbitMQ's dialect), such as '^orders\\\\..*' or '.*' ('^$' grants nothing)`;
}

function uriProblem(label: string, uri: string | undefined): string | undefined {
  if (uri === undefined || Token.isUnresolved(uri)) {
    return undefined;
  }
  const allowed = 'allowed: amqps://host[:port][/vhost] without credentials (they come from the credentials secret at deploy time)';
  const match = /^amqps?:\/\/[^@/:]+(?::(\d+))?(\/.*)?$/.exec(uri);
  if (!match) {
    return `'${label}' '${uri}' is not allowed; ${allowed}`;
  }
  // RabbitMQ 4.0.5 refuses these with a 400 that quotes the URI, credentials filled in.
  if (match[1] !== undefined && (Number(match[1]) < 1 || Number(match[1]) > 65535)) {
    return `'${label}' '${uri}' port ${match[1]} is not allowed; allowed: a port from 1 to 65535`;
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(uri)) {
    return `'${label}' '${uri}' has a '%' that is not a percent-encoded byte; allowed: %XX with two hexadecimal digits (encode a '%' in a virtual host name as %25)`;
  }
  return undefined;
}

function endProblems(label: string, end: RabbitMqShovelEndpoint): string[] {
  const problems: string[] = [];
  if ((end.queue === undefined) === (end.exchange === undefined)) {
    problems.push(`'${label}' names ${end.queue === undefined ? 'neither' : 'both'} a queue and an exchange; allowed: exactly one of queue or exchange`);
  }
  const uri = uriProblem(`${label}.uri`, end.uri);
  if (uri) {
    problems.push(uri);
  }
  if (end.uri && !end.credentials) {
    problems.push(`'${label}.credentials' is missing: a remote broker needs a user; allowed: a secret with username and password`);
  }
  return problems;
}

export const MANAGEMENT_RULES: ReadonlyArray<Rule<ManagementSpec>> = [
  {
    id: 'RabbitMqObjectName',
    fact: 'F-AU02',
    summary: 'virtual host, user, queue, exchange, policy, shovel names: known at synth (not tokens), 1-255 bytes, no control characters, not `.` or `..`; `amq.` is reserved for queues and exchanges; no user `guest`',
    check: (s) => {
      if (s.kind === 'binding' || s.kind === 'permission') {
        return undefined;
      }
      if (!isKnown(s.name)) {
        // Names are construct IDs and API paths, both fixed at synth.
        return `${s.kind} name '${s.name}' is a token (a value known only at deploy time); allowed: a name known at synth, as a plain string`;
      }
      const bytes = Buffer.byteLength(s.name, 'utf-8');
      if (bytes === 0 || bytes > MAX_NAME_BYTES || /[\u0000-\u001f\u007f]/.test(s.name)) {
        return `${s.kind} name '${s.name}' is not allowed; allowed: 1-${MAX_NAME_BYTES} bytes of UTF-8 without control characters`;
      }
      if (s.name === '.' || s.name === '..') {
        return `${s.kind} name '${s.name}' is not allowed; allowed: any other name (a URL resolves '${s.name}' away, and RabbitMQ answers the call with 405)`;
      }
      if ((s.kind === 'queue' || s.kind === 'exchange') && s.name.startsWith('amq.')) {
        return `${s.kind} name '${s.name}' is not allowed; allowed: a name not starting with 'amq.' (reserved by RabbitMQ)`;
      }
      if (s.kind === 'user' && s.name === 'guest') {
        return 'user name \'guest\' is not allowed; allowed: any other name (Amazon MQ refuses guest)';
      }
      return undefined;
    },
  },
  {
    id: 'RabbitMqObjectUnique',
    fact: 'F-AU02',
    summary: 'each object once per virtual host, each user once per broker (grant() gives a user permissions in another virtual host)',
    check: (s) => {
      if (!s.taken) {
        return undefined;
      }
      const where = { 'user': 'on this broker (users are broker-wide)', 'virtual host': 'on this broker' }[s.kind] ?? 'in this virtual host';
      return `${s.kind} '${s.name}' is already defined ${where}; allowed: each ${s.kind} once${s.kind === 'user' ? ', and grant() for its permissions in other virtual hosts' : ''}`;
    },
  },
  {
    id: 'RabbitMqPermissionPatterns',
    fact: 'F-AU02',
    summary: 'permissions: configure, write and read are regular expressions that compile',
    check: (s) => s.permissions && (['configure', 'write', 'read'] as const)
      .map((k) => regexProblem(`permissions.${k}`, s.permissions![k])).filter((p): p is string => p !== undefined),
  },
  {
    id: 'RabbitMqQueueArguments',
    fact: 'F-V16, F-V17',
    summary: 'queues: quorum or classic (Amazon MQ does not support streams); quorum queues are durable, without priorities; delivery limits on quorum queues only; counts and TTLs not negative; `arguments` hold only the `x-` arguments RabbitMQ takes for the type and version, with valid values, and no `x-queue-type` that contradicts `type`',
    check: (s) => {
      const q = s.queue;
      if (!q) {
        return undefined;
      }
      const problems: string[] = [];
      const declaredType = q.arguments?.['x-queue-type'];
      if (declaredType === 'stream' || (q.type as string) === 'stream') {
        problems.push(`queue '${s.name}' type 'stream' is not allowed; allowed: quorum or classic (Amazon MQ does not support streams: creating one loses data)`);
      }
      if (q.type === RabbitMqQueueType.QUORUM && q.durable === false) {
        problems.push(`queue '${s.name}' durable false is not allowed with type quorum; allowed: durable (quorum queues are always durable), or type classic`);
      }
      // Management API queues are never exclusive: a non-durable one is transient, which RabbitMQ 4.3 refuses.
      if (q.durable === false && s.engineVersion !== undefined && versionAtLeast(s.engineVersion, '4.3')) {
        problems.push(`queue '${s.name}' durable false is not allowed with engineVersion '${s.engineVersion}'; allowed: a durable queue (RabbitMQ 4.3 refuses transient non-exclusive queues)`);
      }
      if (q.type !== RabbitMqQueueType.QUORUM && q.deliveryLimit !== undefined) {
        problems.push(`queue '${s.name}' deliveryLimit is not allowed with type ${q.type}; allowed: type quorum`);
      }
      if ((q.type as string) !== 'stream') {
        const deadLettering = Object.fromEntries(Object.entries({
          'x-dead-letter-exchange': q.deadLetterExchange, 'x-dead-letter-routing-key': q.deadLetterRoutingKey,
        }).filter(([, v]) => v !== undefined));
        problems.push(...queueArgumentProblems(s.name, q.type, { ...deadLettering, ...q.arguments }, s.engineVersion));
      }
      // RabbitMQ takes TTLs up to 2^32 - 1 ms, and counts that are exact integers.
      for (const [label, value, max] of [['deliveryLimit', q.deliveryLimit, Number.MAX_SAFE_INTEGER], ['maxLength', q.maxLength, Number.MAX_SAFE_INTEGER],
        ['messageTtl', q.messageTtl?.toMilliseconds(), MAX_UINT32]] as const) {
        if (value !== undefined && isKnown(value) && (!Number.isInteger(value) || value < 0 || value > max)) {
          problems.push(`queue '${s.name}' ${label} ${value} is not allowed; allowed: a whole number from 0 to ${max}${label === 'messageTtl' ? ' (milliseconds)' : ''}`);
        }
      }
      return problems;
    },
  },
  {
    id: 'RabbitMqBindingEnds',
    fact: 'F-AU02',
    summary: 'bindings: a named source exchange (not the default one) and exactly one destination, queue or exchange',
    check: (s) => {
      const b = s.binding;
      if (!b) {
        return undefined;
      }
      const problems: string[] = [];
      if (b.source === '') {
        problems.push('binding \'source\' \'\' (the default exchange) is not allowed; allowed: a named exchange (every queue is bound to the default exchange already)');
      }
      if ((b.destinationQueue === undefined) === (b.destinationExchange === undefined)) {
        problems.push(`binding from '${b.source}' names ${b.destinationQueue === undefined ? 'no' : 'two'} destinations; allowed: exactly one of destinationQueue or destinationExchange`);
      }
      return problems;
    },
  },
  {
    id: 'RabbitMqPolicyDefinition',
    fact: 'F-AU02',
    summary: 'policies: the pattern compiles, the definition is not empty and holds only keys RabbitMQ knows for the kind and version, with valid values (no streams); the priority is a whole number 0 or more',
    check: (s) => {
      const p = s.policy;
      if (!p) {
        return undefined;
      }
      const problems = [regexProblem(`${s.kind} '${s.name}' pattern`, p.pattern)].filter((x): x is string => x !== undefined);
      if (Object.keys(p.definition).length === 0) {
        problems.push(`${s.kind} '${s.name}' definition is empty; allowed: one or more keys, such as 'dead-letter-exchange' or 'max-length'`);
      } else if (s.engineVersion !== undefined) {
        problems.push(...policyDefinitionProblems(s.kind as 'policy' | 'operator policy', s.name, p.definition, s.engineVersion));
      }
      if (p.priority !== undefined && isKnown(p.priority) && (!Number.isInteger(p.priority) || p.priority < 0)) {
        problems.push(`${s.kind} '${s.name}' priority ${p.priority} is not allowed; allowed: a whole number, 0 or more`);
      }
      return problems;
    },
  },
  {
    id: 'RabbitMqExchangeType',
    fact: 'Amazon MQ plugins page',
    summary: 'exchanges: direct, fanout, topic, headers or x-consistent-hash',
    check: (s) => s.exchangeType !== undefined && isKnown(s.exchangeType) && !EXCHANGE_TYPES.includes(s.exchangeType)
      ? `exchange '${s.name}' type '${s.exchangeType}' is not allowed; allowed: ${EXCHANGE_TYPES.join(', ')}`
      : undefined,
  },
  {
    id: 'RabbitMqReservedUser',
    fact: 'F-AU02',
    summary: 'addUser() takes neither the admin user name nor Amazon MQ\'s monitoring-AWS-OWNED-DO-NOT-DELETE',
    check: (s) => s.kind === 'user' && isKnown(s.name) && (s.reservedUsernames ?? []).includes(s.name)
      ? `user name '${s.name}' is not allowed: it is ${s.name === AMAZON_MQ_MONITORING_USER ? 'Amazon MQ\'s own user' : 'the broker\'s admin user'}, and redefining it resets its password and tags (the management API then refuses every later call); allowed: another name`
      : undefined,
  },
  {
    id: 'RabbitMqUserTags',
    fact: 'F-AU02',
    summary: 'user tags: administrator, monitoring, policymaker, management or impersonator, one per entry (RabbitMQ splits a tag at commas: \'management,administrator\' would grant administrator)',
    check: (s) => (s.tags ?? []).filter((t) => isKnown(t) && !USER_TAGS.includes(t)).map((t) =>
      `user '${s.name}' tag '${t}' is not allowed; allowed: one of ${USER_TAGS.join(', ')} per entry (RabbitMQ stores any other tag and it grants nothing; commas split it into several)`),
  },
  {
    id: 'RabbitMqOperatorPolicyConfiguration',
    fact: 'F-Q03',
    summary: 'operator policies: the broker\'s configuration sets `management.restrictions.operator_policy_changes.disabled = false` (Amazon MQ\'s default `true` makes the management API refuse them with 405); a broker without a configuration gets one that does',
    check: (s) => s.kind === 'operator policy' && s.operatorPoliciesAllowed === false
      ? `operator policy '${s.name}' cannot be applied: the broker's configuration does not set 'management.restrictions.operator_policy_changes.disabled = false' (Amazon MQ's default is true, and RabbitMQ then answers 405); allowed: operatorPolicyChangesDisabled: false in the configuration's settings (that line in its text), or no configuration on the broker (it makes one)`
      : undefined,
  },
  {
    id: 'RabbitMqOperatorPolicyApplyTo',
    fact: 'Amazon MQ "Applying policies" page',
    summary: 'operator policies apply to queues, classic queues or quorum queues (they hold queue limits only)',
    check: (s) => s.kind === 'operator policy' && s.policy?.applyTo !== undefined
      && !['queues', 'classic_queues', 'quorum_queues'].includes(s.policy.applyTo)
      ? `operator policy '${s.name}' applyTo '${s.policy.applyTo}' is not allowed; allowed: QUEUES, CLASSIC_QUEUES or QUORUM_QUEUES (operator policies hold queue limits only)`
      : undefined,
  },
  {
    id: 'RabbitMqShovelAckMode',
    fact: 'Amazon MQ plugins page',
    summary: 'a shovel\'s `ackMode`: `on-confirm`, `on-publish` or `no-ack` (what the shovel plugin takes)',
    check: (s) => s.shovel?.ackMode !== undefined && isKnown(s.shovel.ackMode) && !SHOVEL_ACK_MODES.includes(s.shovel.ackMode)
      ? `shovel '${s.name}' ackMode '${s.shovel.ackMode}' is not allowed; allowed: ${SHOVEL_ACK_MODES.join(', ')}`
      : undefined,
  },
  {
    id: 'RabbitMqShovelEnds',
    fact: 'Amazon MQ plugins page',
    summary: 'shovels (dynamic only) and federation upstreams: each shovel end names a queue or an exchange, not both; remote URIs carry no credentials, which come from a secret',
    check: (s) => [
      ...(s.shovel ? [...endProblems('source', s.shovel.source), ...endProblems('destination', s.shovel.destination)] : []),
      ...[uriProblem('uri', s.uri)].filter((p): p is string => p !== undefined),
    ],
  },
];
