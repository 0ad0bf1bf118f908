import { Token } from 'aws-cdk-lib';

/**
 * What every element family's renderer gets besides its slice of the model. Not exported from the package; kept
 * free of the family files (destinations are taken structurally) so no family import forms a cycle.
 */
export interface ActiveMqRenderContext {
  /** Problems of the model the XSD cannot see, as `<option path>: <what is wrong>; allowed: <what is>`. */
  readonly problems: string[];
  /**
   * The attribute that names a destination on an entry (`queue="orders.>"`), after checking the name; `where` is
   * the option path a problem names.
   */
  destination(d: { readonly type: string; readonly name: string }, where: string): Record<string, string>;
}

/** A fresh context with no problems yet. */
export function activeMqRenderContext(): ActiveMqRenderContext {
  const problems: string[] = [];
  return {
    problems,
    destination: (d, where) => {
      if (isKnownString(d.name) && d.name.trim() === '') {
        problems.push(`${where}: the destination name is empty; allowed: a name or pattern such as 'orders.>'`);
      }
      return { [d.type]: d.name };
    },
  };
}

/** Whether a string is known at synth time (not a token), so it can be checked. */
export function isKnownString(value: string): boolean {
  return !Token.isUnresolved(value);
}
