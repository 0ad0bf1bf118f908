/** Value checks shared by policy definitions and queue arguments: `undefined` when fine, else what is allowed. */
export type ValueCheck = (value: unknown) => string | undefined;

/** One of these values exactly. */
export const oneOf = (...allowed: Array<string | number | boolean>): ValueCheck => (value) =>
  allowed.includes(value as string) ? undefined : `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;

/** A whole number in a range. */
export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER): ValueCheck => (value) =>
  (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) ? undefined : `a whole number from ${min} to ${max}`;

/** The largest TTL and expiry RabbitMQ takes, in milliseconds (2^32 - 1). */
export const MAX_UINT32 = 2 ** 32 - 1;
