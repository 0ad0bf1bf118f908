import { Rule } from './rules';

/** One prop whose kind JavaScript callers (and jsii languages with loose typing) can get wrong. */
export interface PropKind {
  readonly property: string;
  readonly value: unknown;
  /** What the value must be, for the message, e.g. 'an ActiveMqEngineVersion, such as ActiveMqEngineVersion.V5_19'. */
  readonly allowed: string;
  readonly isValid: (value: unknown) => boolean;
  /** Whether undefined is fine. */
  readonly optional?: boolean;
}

/** A value of one of an enum's values (jsii enums are strings). */
export function enumKind(values: object): (value: unknown) => boolean {
  const allowed = Object.values(values);
  return (value) => allowed.includes(value);
}

/** An object that has the named methods (duck typing, so two copies of a package still match). */
export function hasMethods(...names: string[]): (value: unknown) => boolean {
  return (value) => typeof value === 'object' && value !== null && names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');
}

/** A plain object (not an array, not null). */
export function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number. */
export function isNumber(value: unknown): boolean {
  return typeof value === 'number';
}

/**
 * A rule on the kind of props, run before anything reads them, so a wrong kind fails with a message naming the
 * property (one problem per property), not with a TypeError from inside the library.
 */
export function propKindRule<T>(id: string, summary: string, kinds: (input: T) => PropKind[]): Rule<T> {
  return {
    id,
    // What each prop is typed as in the API reference; JavaScript callers are not held to it by a compiler.
    fact: 'API.md (the prop types)',
    summary,
    check: (input) => kinds(input)
      .filter((k) => !(k.value === undefined ? k.optional : k.isValid(k.value)))
      .map((k) => k.value === undefined || k.value === null
        ? `'${k.property}' is missing; allowed: ${k.allowed}`
        : `'${k.property}' ${describe(k.value)} is not allowed; allowed: ${k.allowed}`),
  };
}

function describe(value: unknown): string {
  const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
  return `${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown} (${Array.isArray(value) ? 'an array' : `a ${typeof value}`})`;
}
