/**
 * The four steps of a Secrets Manager rotation function for one broker user's `{"username", "password", ...}` secret
 * (single user: the user keeps its name, its password changes), as Secrets Manager documents the contract:
 *
 * - every step first checks the version: rotation on, the `ClientRequestToken` a version of the secret, that version
 *   AWSPENDING (or already AWSCURRENT: a finished rotation called again does nothing);
 * - `createSecret` puts the new version as AWSPENDING: AWSCURRENT's keys, `username` included, with a new password
 *   (a retry finds it and keeps it);
 * - `setSecret` and `testSecret` are the broker's (`UserPasswordTarget`): set the pending password, prove it;
 * - `finishSecret` moves AWSCURRENT to the new version (Secrets Manager labels the old one AWSPREVIOUS).
 *
 * No AWS SDK import: Secrets Manager is reached through `RotationSecrets`, so tests run this file as is. No secret
 * value reaches an error or a log line: errors are redacted with every password read.
 */
import { redact } from '../../private/redact';

/** What Secrets Manager sends the rotation function. */
export interface RotationEvent {
  readonly Step: string;
  readonly SecretId: string;
  readonly ClientRequestToken: string;
  /** Set for cross-account or assumed-role rotation; passed back on writes. */
  readonly RotationToken?: string;
}

export const CURRENT = 'AWSCURRENT';
export const PENDING = 'AWSPENDING';

/** A secret's value: its JSON keys. */
export type SecretKeys = Record<string, string>;

/** The Secrets Manager calls the steps make (the Lambda entry adapts the SDK; tests pass an in-memory store). */
export interface RotationSecrets {
  /** Whether rotation is on, and the staging labels of each version (`VersionIdsToStages`). */
  describe(secretId: string): Promise<{ readonly rotationEnabled: boolean; readonly versions: Record<string, string[]> }>;
  /** The value of a version (by ID and/or stage); undefined when there is no such version. */
  value(secretId: string, version: { readonly versionId?: string; readonly stage?: string }): Promise<SecretKeys | undefined>;
  /** Puts a new version with ID `token`, labelled AWSPENDING. */
  putPending(secretId: string, token: string, value: SecretKeys, rotationToken?: string): Promise<void>;
  /** A new password by the library's rules (length, excluded characters, each type). */
  randomPassword(): Promise<string>;
  /** Attaches `stage` to `versionId`, or removes it from `versionId` (`remove`). */
  label(secretId: string, stage: string, versionId: string, remove?: boolean): Promise<void>;
  /** Moves AWSCURRENT from `fromVersionId` to `toVersionId`. */
  moveCurrent(secretId: string, toVersionId: string, fromVersionId: string | undefined): Promise<void>;
}

/** What a version is, for the target: its ID and its labels (a target may mark its progress with a label of its own). */
export interface PendingVersion {
  readonly secretId: string;
  readonly versionId: string;
  readonly stages: readonly string[];
  readonly username: string;
  readonly password: string;
}

/** The broker side of a rotation. */
export interface UserPasswordTarget {
  /** Makes the broker's user take the pending password; called again on a retry, so it converges. */
  setPassword(pending: PendingVersion, secrets: RotationSecrets): Promise<void>;
  /** Proves the broker accepts the pending password, or throws (AWSCURRENT then stays as it is). */
  testPassword(pending: PendingVersion): Promise<void>;
  /** Clears what `setPassword` marked, once the version is AWSCURRENT. */
  finished?(pending: PendingVersion, secrets: RotationSecrets): Promise<void>;
}

export interface RotationLog {
  (message: string): void;
}

export async function rotate(event: RotationEvent, secrets: RotationSecrets, target: UserPasswordTarget,
  log: RotationLog = console.log): Promise<void> {
  // Every password read: none may reach an error (the Lambda's logs, the rotation's failure in Secrets Manager).
  const seen: string[] = [];
  // Each call by name (not a spread): `secrets` may be a class instance, whose methods a spread would drop.
  const reading: RotationSecrets = {
    describe: (id) => secrets.describe(id),
    putPending: (id, token, value, rotationToken) => secrets.putPending(id, token, value, rotationToken),
    label: (id, stage, versionId, remove) => secrets.label(id, stage, versionId, remove),
    moveCurrent: (id, to, from) => secrets.moveCurrent(id, to, from),
    value: async (id, version) => {
      const value = await secrets.value(id, version);
      seen.push(...Object.entries(value ?? {}).filter(([k, v]) => k !== 'username' && typeof v === 'string' && v.length > 0).map(([, v]) => v));
      return value;
    },
    randomPassword: async () => {
      const password = await secrets.randomPassword();
      seen.push(password);
      return password;
    },
  };
  try {
    await step(event, reading, target, log);
  } catch (e) {
    throw new Error(redact((e as Error).message, seen));
  }
}

async function step(event: RotationEvent, secrets: RotationSecrets, target: UserPasswordTarget, log: RotationLog): Promise<void> {
  const { SecretId: secretId, ClientRequestToken: token, Step: name } = event;
  const described = await secrets.describe(secretId);
  if (!described.rotationEnabled) {
    throw new Error(`secret ${secretId} does not have rotation enabled`);
  }
  const stages = described.versions[token];
  if (stages === undefined) {
    throw new Error(`secret ${secretId} has no version ${token} to rotate to`);
  }
  if (stages.includes(CURRENT)) {
    log(`${name}: version ${token} of ${secretId} is already AWSCURRENT: nothing to do`);
    if (name === 'finishSecret' && target.finished) {
      // A finishSecret that moved AWSCURRENT but failed after: what the target marked is cleared on the retry.
      await target.finished(await finishedVersion(secretId, token, stages, secrets), secrets);
    }
    return;
  }
  if (!stages.includes(PENDING)) {
    throw new Error(`version ${token} of ${secretId} is not AWSPENDING: it is not the rotation in progress`);
  }
  switch (name) {
    case 'createSecret':
      return createSecret(event, secrets, log);
    case 'setSecret': {
      const pending = await pendingVersion(secretId, token, stages, secrets);
      await target.setPassword(pending, secrets);
      log(`setSecret: user ${pending.username} has the password of version ${token}`);
      return;
    }
    case 'testSecret': {
      const pending = await pendingVersion(secretId, token, stages, secrets);
      await target.testPassword(pending);
      log(`testSecret: the broker accepts version ${token} for user ${pending.username}`);
      return;
    }
    case 'finishSecret':
      return finishSecret(secretId, token, described.versions, secrets, target, stages, log);
    default:
      throw new Error(`unknown rotation step '${name}'; allowed: createSecret, setSecret, testSecret, finishSecret`);
  }
}

async function createSecret(event: RotationEvent, secrets: RotationSecrets, log: RotationLog): Promise<void> {
  const { SecretId: secretId, ClientRequestToken: token } = event;
  const current = await secrets.value(secretId, { stage: CURRENT });
  if (!current?.username) {
    throw new Error(`the AWSCURRENT version of ${secretId} has no 'username' key: a broker user's secret is {"username": ..., "password": ...}`);
  }
  if (await secrets.value(secretId, { versionId: token, stage: PENDING })) {
    log(`createSecret: version ${token} of ${secretId} already exists: kept (a retry)`);
    return;
  }
  // Every other key stays (host, engine, ... that applications read), only the password is new.
  await secrets.putPending(secretId, token, { ...current, password: await secrets.randomPassword() }, event.RotationToken);
  log(`createSecret: version ${token} of ${secretId} put as AWSPENDING for user ${current.username}`);
}

async function pendingVersion(secretId: string, token: string, stages: string[], secrets: RotationSecrets): Promise<PendingVersion> {
  const pending = await secrets.value(secretId, { versionId: token, stage: PENDING });
  const current = await secrets.value(secretId, { stage: CURRENT });
  if (!pending?.password || !pending.username) {
    throw new Error(`version ${token} of ${secretId} has no 'username' and 'password' keys`);
  }
  if (current?.username !== undefined && current.username !== pending.username) {
    // Single-user rotation changes the password only: another name would leave the broker's user behind.
    throw new Error(`version ${token} of ${secretId} names user '${pending.username}', AWSCURRENT names '${current.username}': a rotation keeps the user`);
  }
  return { secretId, versionId: token, stages, username: pending.username, password: pending.password };
}

async function finishSecret(secretId: string, token: string, versions: Record<string, string[]>, secrets: RotationSecrets,
  target: UserPasswordTarget, stages: string[], log: RotationLog): Promise<void> {
  const current = Object.entries(versions).find(([, s]) => s.includes(CURRENT))?.[0];
  await secrets.moveCurrent(secretId, token, current);
  log(`finishSecret: version ${token} of ${secretId} is AWSCURRENT (was ${current ?? 'none'})`);
  if (target.finished) {
    await target.finished(await finishedVersion(secretId, token, stages, secrets), secrets);
  }
}

async function finishedVersion(secretId: string, token: string, stages: string[], secrets: RotationSecrets): Promise<PendingVersion> {
  const value = await secrets.value(secretId, { versionId: token });
  return { secretId, versionId: token, stages, username: value?.username ?? '', password: value?.password ?? '' };
}
