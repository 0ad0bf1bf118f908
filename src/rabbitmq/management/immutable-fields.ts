import { canonicalJson } from './canonical-json';
import { RabbitMqObjectKind } from './objects/object-kind';

/**
 * What RabbitMQ keeps from a queue's or an exchange's first declaration: a redeclaration with another value is
 * refused (`inequivalent arg`) or, for the fields RabbitMQ does not compare, ignored (RabbitMQ 4.0.5: unknown queue
 * arguments, `x-quorum-target-group-size`, exchange arguments other than `alternate-exchange`). Either way the
 * change cannot happen in place, so the handler refuses it before any call that changes the broker.
 *
 * Pure: no calls, no AWS. The handler reads the live object and refuses only the changes it still holds the old
 * value of (see `heldChanges`), so a rollback or a retry of a refused update goes through.
 */

/** The properties this reads: a structural subset of the handler's `ManagementProperties`. */
export interface DeclaredObject {
  readonly Kind: RabbitMqObjectKind | string;
  readonly Path: string;
  readonly Body?: string;
}

/** One field that differs between the old and the new declaration. `undefined` stands for absent. */
export interface ImmutableChange {
  /** `durable`, `auto_delete`, `internal`, `type`, or `arguments.<key>` (e.g. `arguments.x-queue-type`). */
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** The top-level body fields fixed at declaration, per kind; every key of `arguments` is too. */
const FIXED_FIELDS: Partial<Record<RabbitMqObjectKind, ReadonlyArray<string>>> = {
  queue: ['durable', 'auto_delete'],
  exchange: ['type', 'durable', 'auto_delete', 'internal'],
};

const ARGUMENT = 'arguments.';

/**
 * The fields RabbitMQ cannot change in place between the old and the new properties of one object: none unless
 * both are the same queue or exchange (same kind, same path; a new path is a new object, which CloudFormation
 * creates, then deletes the old one). Arguments are compared key by key, canonically (key order is irrelevant);
 * an absent `arguments` is an empty one. Fields absent on both sides never differ; no default is assumed for a
 * field absent on one side (the management API's defaults differ by kind), it differs.
 */
export function immutableChanges(old: DeclaredObject | undefined, next: DeclaredObject): ImmutableChange[] {
  const fixed = FIXED_FIELDS[next.Kind as RabbitMqObjectKind];
  if (!fixed || !old || old.Kind !== next.Kind || old.Path !== next.Path) {
    return [];
  }
  const before = bodyOf(old);
  const after = bodyOf(next);
  if (!before || !after) {
    return [];
  }
  const argsBefore = argumentsOf(before);
  const argsAfter = argumentsOf(after);
  const keys = [...new Set([...Object.keys(argsBefore), ...Object.keys(argsAfter)])].sort();
  return [
    ...fixed.map((field) => ({ field, from: before[field], to: after[field] })),
    ...keys.map((key) => ({ field: `${ARGUMENT}${key}`, from: argsBefore[key], to: argsAfter[key] })),
  ].filter((c) => !sameValue(c.from, c.to));
}

/** The value of a field in the live object (the management API's GET of the object's path). */
export function liveValue(kind: string, live: Record<string, unknown>, field: string): unknown {
  if (!field.startsWith(ARGUMENT)) {
    return live[field];
  }
  const key = field.slice(ARGUMENT.length);
  const value = argumentsOf(live)[key];
  // A queue declared without `x-queue-type` has its type all the same.
  return value === undefined && kind === 'queue' && key === 'x-queue-type' ? live.type : value;
}

/**
 * The changes the live object still holds the old value of: the ones to refuse. A field the live object already has
 * the new value of (a rollback of a refused update, a retry) is not refused, nor one it has a third value of (then
 * RabbitMQ answers the update itself).
 */
export function heldChanges(kind: string, live: Record<string, unknown>, changes: ImmutableChange[]): ImmutableChange[] {
  return changes.filter((c) => sameValue(liveValue(kind, live, c.field), c.from));
}

/** The refusal: the fields, their values, why, and what to do. */
export function refusalMessage(kind: string, path: string, changes: ImmutableChange[]): string {
  const fields = changes.map((c) => `${c.field} cannot change from ${shown(c.from)} to ${shown(c.to)}`).join(', and ');
  const what = kind === 'exchange'
    ? { article: 'an', kept: 'type, durability, auto-delete, internal flag and arguments', move: 'its publishers and bindings', loses: 'its bindings go with it' }
    : { article: 'a', kept: 'durability, auto-delete and arguments (its type among them)', move: 'its producers and consumers', loses: 'its messages go with it' };
  return `${kind} ${path}: ${fields} in place (RabbitMQ keeps ${what.article} ${kind}'s ${what.kept} as first declared, and refuses or ignores `
    + `a redeclaration with others); declare a new ${kind} under another name and move ${what.move} to it, or delete the ${kind} first (${what.loses}). `
    + 'Nothing was changed on the broker.';
}

function bodyOf(props: DeclaredObject): Record<string, unknown> | undefined {
  try {
    const body = JSON.parse(props.Body ?? '{}') as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? body as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

function argumentsOf(body: Record<string, unknown>): Record<string, unknown> {
  const args = body.arguments;
  return args && typeof args === 'object' && !Array.isArray(args) ? args as Record<string, unknown> : {};
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);
}

function shown(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}
