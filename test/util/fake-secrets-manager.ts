import { randomBytes } from 'crypto';
import { PASSWORD_EXCLUDE_CHARACTERS, PASSWORD_LENGTH } from '../../src/broker/password-rules';
import { RotationSecrets, SecretKeys } from '../../src/broker/rotation/rotation-steps';

/** A version; RotateSecret's stub (AWSPENDING, no value yet) until createSecret puts its value. */
interface Version { value?: string; stages: string[] }

/**
 * Secrets Manager's versions and staging labels, in memory, as the API documents them: PutSecretValue with an
 * existing token is idempotent for the same value and refused for another; a stage is on one version at most (moving
 * it removes it from the other); moving AWSCURRENT requires RemoveFromVersionId to be the version that has it, labels
 * the old one AWSPREVIOUS and removes AWSPENDING from the new one; GetSecretValue by ID and stage needs both to match.
 */
export class FakeSecretsManager implements RotationSecrets {
  public readonly calls: string[] = [];
  private readonly secrets = new Map<string, { rotationEnabled: boolean; versions: Map<string, Version> }>();
  private counter = 0;

  public create(secretId: string, value: SecretKeys, rotationEnabled = true): void {
    this.secrets.set(secretId, { rotationEnabled, versions: new Map([[`v${this.counter++}-initial`, { value: JSON.stringify(value), stages: ['AWSCURRENT'] }]]) });
  }

  /** GetSecretValue without a version: AWSCURRENT, as applications and the management handler read it. */
  public current(secretId: string): SecretKeys {
    return JSON.parse([...this.secret(secretId).versions.values()].find((v) => v.stages.includes('AWSCURRENT'))!.value!);
  }

  /**
   * What RotateSecret does before calling the function: a new version ID (the ClientRequestToken), labelled
   * AWSPENDING, without a value until createSecret puts one. A rotation whose AWSPENDING is still there resumes it.
   */
  public startRotation(secretId: string): string {
    const pending = [...this.secret(secretId).versions].find(([, v]) => v.stages.includes('AWSPENDING') && !v.stages.includes('AWSCURRENT'));
    if (pending) {
      return pending[0];
    }
    const token = `token-${this.counter++}-${randomBytes(4).toString('hex')}`;
    this.removeStage(secretId, 'AWSPENDING');
    this.secret(secretId).versions.set(token, { stages: ['AWSPENDING'] });
    return token;
  }

  /** The staging labels of each version. */
  public stages(secretId: string): Record<string, string[]> {
    return Object.fromEntries([...this.secret(secretId).versions].map(([id, v]) => [id, [...v.stages]]));
  }

  public async describe(secretId: string) {
    this.calls.push('DescribeSecret');
    const secret = this.secret(secretId);
    return { rotationEnabled: secret.rotationEnabled, versions: Object.fromEntries([...secret.versions].map(([id, v]) => [id, [...v.stages]])) };
  }

  public async value(secretId: string, version: { versionId?: string; stage?: string }) {
    this.calls.push('GetSecretValue');
    const entries = [...this.secret(secretId).versions];
    const stage = version.stage ?? (version.versionId === undefined ? 'AWSCURRENT' : undefined);
    const hit = entries.find(([id, v]) => (version.versionId === undefined || id === version.versionId)
      && (stage === undefined || v.stages.includes(stage)));
    // No such version, stage, or a stub without a value yet: ResourceNotFoundException.
    return hit?.[1].value !== undefined ? JSON.parse(hit[1].value) as SecretKeys : undefined;
  }

  public async putPending(secretId: string, token: string, value: SecretKeys) {
    this.calls.push('PutSecretValue');
    const secret = this.secret(secretId);
    const text = JSON.stringify(value);
    const existing = secret.versions.get(token);
    if (existing?.value === undefined && existing?.stages.includes('AWSPENDING')) {
      existing.value = text;
      return;
    }
    if (existing) {
      if (existing.value !== text) {
        throw new Error(`ResourceExistsException: a version with ClientRequestToken ${token} already exists with another value`);
      }
      return;
    }
    this.removeStage(secretId, 'AWSPENDING');
    secret.versions.set(token, { value: text, stages: ['AWSPENDING'] });
  }

  public async randomPassword() {
    this.calls.push('GetRandomPassword');
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+.~$*()^'].filter((c) => !PASSWORD_EXCLUDE_CHARACTERS.includes(c));
    return [...randomBytes(PASSWORD_LENGTH)].map((b, i) => i < 4 ? ['Q', 'q', '7', '_'][i] : alphabet[b % alphabet.length]).join('');
  }

  public async label(secretId: string, stage: string, versionId: string, remove?: boolean) {
    this.calls.push(`UpdateSecretVersionStage ${stage}${remove ? ' remove' : ''}`);
    const version = this.version(secretId, versionId);
    if (remove) {
      version.stages = version.stages.filter((s) => s !== stage);
      return;
    }
    this.removeStage(secretId, stage);
    version.stages.push(stage);
  }

  public async moveCurrent(secretId: string, toVersionId: string, fromVersionId: string | undefined) {
    this.calls.push('UpdateSecretVersionStage AWSCURRENT');
    const versions = this.secret(secretId).versions;
    const holder = [...versions].find(([, v]) => v.stages.includes('AWSCURRENT'))?.[0];
    if (holder !== fromVersionId) {
      throw new Error(`InvalidParameterException: AWSCURRENT is on ${holder}, not on RemoveFromVersionId ${fromVersionId}`);
    }
    const target = this.version(secretId, toVersionId);
    if (holder !== undefined && holder !== toVersionId) {
      this.removeStage(secretId, 'AWSPREVIOUS');
      const old = versions.get(holder)!;
      old.stages = [...old.stages.filter((s) => s !== 'AWSCURRENT'), 'AWSPREVIOUS'];
    }
    target.stages = [...target.stages.filter((s) => s !== 'AWSPENDING' && s !== 'AWSCURRENT'), 'AWSCURRENT'];
  }

  private removeStage(secretId: string, stage: string): void {
    for (const v of this.secret(secretId).versions.values()) {
      v.stages = v.stages.filter((s) => s !== stage);
    }
  }

  private secret(secretId: string) {
    const secret = this.secrets.get(secretId);
    if (!secret) {
      throw new Error(`ResourceNotFoundException: secret ${secretId}`);
    }
    return secret;
  }

  private version(secretId: string, versionId: string): Version {
    const version = this.secret(secretId).versions.get(versionId);
    if (!version) {
      throw new Error(`ResourceNotFoundException: version ${versionId} of ${secretId}`);
    }
    return version;
  }
}

/** Runs the four steps as Secrets Manager does (stopping at the first that fails); returns the token. */
export async function runRotation(sm: FakeSecretsManager, secretId: string,
  handler: (event: { Step: string; SecretId: string; ClientRequestToken: string }) => Promise<void>,
  token = sm.startRotation(secretId)): Promise<string> {
  for (const Step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret']) {
    await handler({ Step, SecretId: secretId, ClientRequestToken: token });
  }
  return token;
}
