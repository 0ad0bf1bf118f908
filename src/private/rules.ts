import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { MqValidationError, RULES_URL } from './errors';

/**
 * One AWS rule, as data. `check` returns undefined (or an empty list) when the input is fine, or the problem(s)
 * in the shape "'property' value is not allowed ...; allowed: ...". The runner adds the rule id and the mq-facts row.
 */
export interface Rule<T> {
  /** Stable id, shown in the error and the README table. */
  readonly id: string;
  /** Row(s) of the maintainers' fact sheet the rule comes from (for us; users see the README table). */
  readonly fact: string;
  /** One line for the README table. */
  readonly summary: string;
  readonly check: (input: T) => string | string[] | undefined;
}

/** Every rule's problems with the input, each as `problem [RuleId]`, in the order of the rules. */
function ruleFailures<T>(rules: ReadonlyArray<Rule<T>>, input: T): string[] {
  const failures: string[] = [];
  for (const rule of rules) {
    const problems = rule.check(input) ?? [];
    for (const problem of typeof problems === 'string' ? [problems] : problems) {
      failures.push(`${problem} [${rule.id}]`);
    }
  }
  return failures;
}

/**
 * Runs every rule and throws once with all failures, before the construct creates any child,
 * so bad input leaves nothing half-built.
 */
export function validateRules<T>(scope: IConstruct, className: string, rules: ReadonlyArray<Rule<T>>, input: T): void {
  const failures = ruleFailures(rules, input);
  if (failures.length > 0) {
    throw new MqValidationError(scope, `${className} validation failed:\n${failures.map((f) => `  - ${f}`).join('\n')}\nEach [rule] is explained in the README's rule table: ${RULES_URL}`);
  }
}

/**
 * Runs the rules when the app synthesizes, on the input as it is then: for what can change after construction
 * (users added with addUser()). Each failure is one synth error, `problem [RuleId] (README link)`.
 */
export function validateRulesAtSynth<T>(scope: IConstruct, rules: ReadonlyArray<Rule<T>>, input: () => T): void {
  scope.node.addValidation({ validate: () => ruleFailures(rules, input()).map((f) => `${f} (${RULES_URL})`) });
}

/** True when a value is known at synth time (not a token); unknown values are never rejected. */
export function isKnown(value: unknown): boolean {
  if (value === undefined) {
    return false;
  }
  if (Array.isArray(value)) {
    return !Token.isUnresolved(value) && value.every((v) => !Token.isUnresolved(v));
  }
  return !Token.isUnresolved(value);
}
