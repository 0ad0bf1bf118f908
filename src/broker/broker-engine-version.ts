import { EngineVersionFacts, majorMinor, versionAtLeast } from '../private/versions';

/**
 * What the engine versions of both engines share: the API string, from which version Amazon MQ manages patch
 * versions, and the dates support ended. Each engine's class lists its versions.
 */
export abstract class BrokerEngineVersion {
  /**
   * @param version the API string, for example `5.18` or `3.13`
   * @param managedPatchesFrom the first version whose patch versions Amazon MQ manages
   * @param endOfSupport ISO dates on which support ended, by minor version (`major.minor`)
   */
  protected constructor(
    /** The API string, for example `5.18` or `3.13`. */
    public readonly version: string,
    private readonly managedPatchesFrom: string,
    private readonly endOfSupportByMinor: { [minor: string]: string },
  ) {}

  /** Whether Amazon MQ manages patch versions: `autoMinorVersionUpgrade` must then be true. */
  public get managesPatchVersions(): boolean {
    return versionAtLeast(this.version, this.managedPatchesFrom);
  }

  /** The date support ended for this minor version, if it has (ISO `YYYY-MM-DD`). */
  public get endOfSupport(): string | undefined {
    return this.endOfSupportByMinor[majorMinor(this.version)];
  }

  /** @internal */
  public _facts(): EngineVersionFacts {
    return { version: this.version, endOfSupport: this.endOfSupport, managesPatchVersions: this.managesPatchVersions };
  }
}
