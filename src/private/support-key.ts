import { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IConstruct } from 'constructs';

/** A stack's key for the library's log groups and generated secrets, and the first resource that asked for it. */
interface StackSupportKey {
  key?: kms.IKey;
  /** The path of the first log group or secret created in the stack (with or without a key). */
  firstUse?: string;
}

const STACKS = new WeakMap<Stack, StackSupportKey>();

/**
 * The customer managed key the library's log groups and generated secrets in `scope`'s stack are encrypted with,
 * if one was set. Called by each of those resources when it is created: the key is read once, at creation.
 */
export function supportKey(scope: IConstruct): kms.IKey | undefined {
  const stack = Stack.of(scope);
  const entry = STACKS.get(stack) ?? {};
  entry.firstUse ??= scope.node.path;
  STACKS.set(stack, entry);
  return entry.key;
}

/** What a new key for the stack would meet: the first resource already created, the key already set. */
export function supportKeyState(scope: IConstruct): { firstUse?: string; key?: kms.IKey } {
  return { ...STACKS.get(Stack.of(scope)) };
}

export function setSupportKey(scope: IConstruct, key: kms.IKey): void {
  const stack = Stack.of(scope);
  STACKS.set(stack, { ...STACKS.get(stack), key });
}
