import { Annotations, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** A broker name in use: Amazon MQ names are unique per account and region (mq-facts F-B01). */
interface NamedBroker {
  readonly name: string;
  readonly path: string;
  readonly stack: Stack;
}

/** Explicit broker names per app (the root construct), registered once a broker has passed validation. */
const NAMES_BY_APP = new WeakMap<IConstruct, NamedBroker[]>();

/** Whether two stacks certainly deploy to one account and region (true), certainly not (false), or may (undefined). */
function sameEnvironment(a: Stack, b: Stack): boolean | undefined {
  if (a === b) {
    return true;
  }
  // Compare what is known: two known regions (or accounts) that differ settle it even when the rest is unknown
  // (`env: { region }` stacks, as in the cross-region replica pattern).
  const differ = (x: string, y: string) => !Token.isUnresolved(x) && !Token.isUnresolved(y) && x !== y;
  if (differ(a.region, b.region) || differ(a.account, b.account)) {
    return false;
  }
  const known = [a.account, a.region, b.account, b.region].every((v) => !Token.isUnresolved(v));
  return known ? true : undefined;
}

/** Paths of the brokers of this app that use `name` in the same account and region as `scope`. */
export function brokerNameClashes(scope: IConstruct, name: string): { certain: string[]; possible: string[] } {
  const stack = Stack.of(scope);
  const same = (NAMES_BY_APP.get(scope.node.root) ?? []).filter((b) => b.name === name);
  return {
    certain: same.filter((b) => sameEnvironment(b.stack, stack) === true).map((b) => b.path),
    possible: same.filter((b) => sameEnvironment(b.stack, stack) === undefined).map((b) => b.path),
  };
}

/**
 * After validation: registers an explicit name, warns when another environment-agnostic broker may share it, and
 * warns when a retained broker's name is derived from its construct path (moving the construct renames it, which
 * replaces the broker).
 */
export function registerBrokerName(scope: IConstruct, name: string, explicit: boolean, removalPolicy: RemovalPolicy): void {
  if (!explicit) {
    if (removalPolicy !== RemovalPolicy.DESTROY) {
      Annotations.of(scope).addWarningV2('cdk-amazon-mq:derivedBrokerName',
        `brokerName is derived from the construct path ('${name}'): moving or renaming this construct renames the broker, `
        + 'and a new name replaces it (a new, empty broker with new passwords; the old one is retained and keeps costing). '
        + 'Set brokerName to keep it stable.');
    }
    return;
  }
  if (Token.isUnresolved(name)) {
    return;
  }
  const { possible } = brokerNameClashes(scope, name);
  if (possible.length > 0) {
    Annotations.of(scope).addWarningV2('cdk-amazon-mq:brokerNameMaybeTaken',
      `brokerName '${name}' is also used by ${possible.join(', ')}; if both stacks deploy to the same account and region, the second deploy fails.`);
  }
  const root = scope.node.root;
  NAMES_BY_APP.set(root, [...(NAMES_BY_APP.get(root) ?? []), { name, path: scope.node.path, stack: Stack.of(scope) }]);
}
