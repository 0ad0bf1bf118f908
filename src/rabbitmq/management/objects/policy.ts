import { ObjectDescriptor, ObjectSpec } from './object-descriptor';
import { patternProblem } from './pattern';
import { isKnown, Rule } from '../../../private/rules';
import { policyDefinitionProblems } from '../policy-definitions';

/** What a policy applies to. */
export enum RabbitMqPolicyApplyTo {
  QUEUES = 'queues',
  CLASSIC_QUEUES = 'classic_queues',
  QUORUM_QUEUES = 'quorum_queues',
  EXCHANGES = 'exchanges',
  ALL = 'all',
}

/** A policy or an operator policy. */
export interface RabbitMqPolicyOptions {
  /** A regular expression over queue or exchange names. */
  readonly pattern: string;
  /** The policy's keys, such as `dead-letter-exchange`, `max-length`, `delivery-limit`. */
  readonly definition: { [key: string]: any };
  /** @default RabbitMqPolicyApplyTo.QUEUES */
  readonly applyTo?: RabbitMqPolicyApplyTo;
  /** @default 0 */
  readonly priority?: number;
}

const DEFINITION_RULE: Rule<ObjectSpec<RabbitMqPolicyOptions>> = {
  id: 'RabbitMqPolicyDefinition',
  fact: 'F-AU02',
  summary: 'policies: the pattern compiles, the definition is not empty and holds only keys RabbitMQ knows for the kind and version, with valid values (no streams); the priority is a whole number 0 or more',
  check: ({ kind, name, options: p, broker: { engineVersion } }) => {
    const problems = [patternProblem(`${kind} '${name}' pattern`, p.pattern)].filter((x): x is string => x !== undefined);
    if (Object.keys(p.definition).length === 0) {
      problems.push(`${kind} '${name}' definition is empty; allowed: one or more keys, such as 'dead-letter-exchange' or 'max-length'`);
    } else if (engineVersion !== undefined) {
      problems.push(...policyDefinitionProblems(kind as 'policy' | 'operator policy', name, p.definition, engineVersion));
    }
    if (p.priority !== undefined && isKnown(p.priority) && (!Number.isInteger(p.priority) || p.priority < 0)) {
      problems.push(`${kind} '${name}' priority ${p.priority} is not allowed; allowed: a whole number, 0 or more`);
    }
    return problems;
  },
};

const POLICY_REQUIRED = 'an object with at least pattern and definition';

const renderPolicy = (collection: string) => (vhost: string, name: string, options: RabbitMqPolicyOptions) => ({
  pathSegments: [collection, vhost, name],
  body: {
    'pattern': options.pattern,
    'definition': options.definition,
    'priority': options.priority ?? 0,
    'apply-to': options.applyTo ?? RabbitMqPolicyApplyTo.QUEUES,
  },
});

/** A policy: `PUT /api/policies/<vhost>/<name>`. */
export const POLICY: ObjectDescriptor<RabbitMqPolicyOptions> = {
  kind: 'policy',
  idPrefix: 'Policy',
  requiredOptions: POLICY_REQUIRED,
  rules: [DEFINITION_RULE],
  render: renderPolicy('policies'),
};

/**
 * An operator policy: `PUT /api/operator-policies/<vhost>/<name>`. The virtual host makes the broker's
 * configuration allow them, and applies them after the reboot that brings it in (if any).
 */
export const OPERATOR_POLICY: ObjectDescriptor<RabbitMqPolicyOptions> = {
  kind: 'operator policy',
  idPrefix: 'OperatorPolicy',
  requiredOptions: POLICY_REQUIRED,
  rules: [
    DEFINITION_RULE,
    {
      id: 'RabbitMqOperatorPolicyConfiguration',
      fact: 'F-Q03',
      summary: 'operator policies: the broker\'s configuration sets `management.restrictions.operator_policy_changes.disabled = false` (Amazon MQ\'s default `true` makes the management API refuse them with 405); a broker without a configuration gets one that does',
      check: ({ name, broker }) => broker.operatorPoliciesAllowed === false
        ? `operator policy '${name}' cannot be applied: the broker's configuration does not set 'management.restrictions.operator_policy_changes.disabled = false' (Amazon MQ's default is true, and RabbitMQ then answers 405); allowed: operatorPolicyChangesDisabled: false in the configuration's settings (that line in its text), or no configuration on the broker (it makes one)`
        : undefined,
    },
    {
      id: 'RabbitMqOperatorPolicyApplyTo',
      fact: 'Amazon MQ "Applying policies" page',
      summary: 'operator policies apply to queues, classic queues or quorum queues (they hold queue limits only)',
      check: ({ name, options: { applyTo } }) => applyTo !== undefined && !['queues', 'classic_queues', 'quorum_queues'].includes(applyTo)
        ? `operator policy '${name}' applyTo '${applyTo}' is not allowed; allowed: QUEUES, CLASSIC_QUEUES or QUORUM_QUEUES (operator policies hold queue limits only)`
        : undefined,
    },
  ],
  render: renderPolicy('operator-policies'),
};
