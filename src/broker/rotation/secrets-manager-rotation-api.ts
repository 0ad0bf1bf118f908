// The Lambda Node.js runtime provides the SDK: a devDependency here, external in the bundle.
/* eslint-disable import/no-extraneous-dependencies */
import {
  DescribeSecretCommand, GetRandomPasswordCommand, GetSecretValueCommand, PutSecretValueCommand, ResourceNotFoundException,
  SecretsManagerClient, UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
/* eslint-enable import/no-extraneous-dependencies */
import { RotationSecrets } from './rotation-steps';
import { PASSWORD_EXCLUDE_CHARACTERS, PASSWORD_LENGTH } from '../password-rules';

/** The rotation steps' Secrets Manager calls, through the SDK (used by the rotation functions' Lambda entries). */
export function secretsManagerRotationApi(client = new SecretsManagerClient({ maxAttempts: 8 })): RotationSecrets {
  return {
    async describe(secretId) {
      const d = await client.send(new DescribeSecretCommand({ SecretId: secretId }));
      return { rotationEnabled: d.RotationEnabled === true, versions: d.VersionIdsToStages ?? {} };
    },
    async value(secretId, { versionId, stage }) {
      try {
        const v = await client.send(new GetSecretValueCommand({ SecretId: secretId, VersionId: versionId, VersionStage: stage }));
        return JSON.parse(v.SecretString ?? '{}');
      } catch (e) {
        if (e instanceof ResourceNotFoundException) {
          return undefined;
        }
        throw e;
      }
    },
    async putPending(secretId, token, value, rotationToken) {
      await client.send(new PutSecretValueCommand({
        SecretId: secretId, ClientRequestToken: token, SecretString: JSON.stringify(value), VersionStages: ['AWSPENDING'], RotationToken: rotationToken,
      }));
    },
    async randomPassword() {
      const r = await client.send(new GetRandomPasswordCommand({
        PasswordLength: PASSWORD_LENGTH, ExcludeCharacters: PASSWORD_EXCLUDE_CHARACTERS, RequireEachIncludedType: true,
      }));
      return r.RandomPassword!;
    },
    async label(secretId, stage, versionId, remove) {
      await client.send(new UpdateSecretVersionStageCommand(remove
        ? { SecretId: secretId, VersionStage: stage, RemoveFromVersionId: versionId }
        : { SecretId: secretId, VersionStage: stage, MoveToVersionId: versionId }));
    },
    async moveCurrent(secretId, toVersionId, fromVersionId) {
      await client.send(new UpdateSecretVersionStageCommand({
        SecretId: secretId, VersionStage: 'AWSCURRENT', MoveToVersionId: toVersionId, RemoveFromVersionId: fromVersionId,
      }));
    },
  };
}
