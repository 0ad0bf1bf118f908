/** Numeric parts of a dotted version string; NaN parts make every comparison false. */
function parts(version: string): number[] {
  return version.split('.').map((p) => Number(p));
}

/** Whether `version` is at least `minimum`, comparing as many parts as `minimum` has. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const v = parts(version);
  const m = parts(minimum);
  for (let i = 0; i < m.length; i++) {
    const a = v[i] ?? 0;
    if (Number.isNaN(a)) {
      return false;
    }
    if (a !== m[i]) {
      return a > m[i];
    }
  }
  return true;
}

/** `5.17.6` -> `5.17`. */
export function majorMinor(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

/**
 * What the shared rules need to know of an engine version; each engine's version class answers it
 * from its own tables.
 */
export interface EngineVersionFacts {
  readonly version: string;
  /** ISO date on which Amazon MQ ended support for this minor version, if it did (mq-facts §2.1). */
  readonly endOfSupport?: string;
  /** Versions from which Amazon MQ manages patches: `major.minor` only, auto minor version upgrade on (F-V11). */
  readonly managesPatchVersions: boolean;
}
