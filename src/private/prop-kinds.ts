import { IConstruct } from 'constructs';
import { MqValidationError, RULES_URL } from './errors';

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

/**
 * Checks the kind of props before anything reads them, so a wrong kind fails with a message naming the property,
 * not with a TypeError from inside the library.
 */
export function checkPropKinds(scope: IConstruct, className: string, kinds: PropKind[]): void {
  const failures = kinds
    .filter((k) => !(k.value === undefined ? k.optional : k.isValid(k.value)))
    .map((k) => k.value === undefined || k.value === null
      ? `  - '${k.property}' is missing; allowed: ${k.allowed}`
      : `  - '${k.property}' ${describe(k.value)} is not allowed; allowed: ${k.allowed}`);
  if (failures.length > 0) {
    throw new MqValidationError(scope, `${className} validation failed:\n${failures.join('\n')}\nSee the README: ${RULES_URL}`);
  }
}

function describe(value: unknown): string {
  const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
  return `${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown} (${Array.isArray(value) ? 'an array' : `a ${typeof value}`})`;
}
