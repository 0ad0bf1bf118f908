import { Aspects, SecretValue, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { PASSWORD_EXCLUDE_CHARACTERS, PASSWORD_LENGTH } from './password-rules';
import { acknowledgeRules, NAG_RULES, SECRET_KEY_REASON } from '../private/nag';
import { supportKey } from '../private/support-key';

export { PASSWORD_EXCLUDE_CHARACTERS, PASSWORD_LENGTH };


/** Why a broker user's generated secret has no rotation schedule (cdk-nag AwsSolutions-SMG4). */
const BROKER_USER_ROTATION = 'Rotation is opt-in: ActiveMqBroker.addRotationSingleUser() rotates this user\'s password through Amazon MQ '
  + '(applied at a reboot, README "Password rotation"); a rotation of the secret alone would no longer match the broker user.';

/** Why a broker user's generated secret has no rotation schedule, for the compliance packs (HIPAA Security, NIST 800-53 R5). */
const ROTATION_OPT_IN = 'Rotation is opt-in per user, with addRotationSingleUser(): a rotated password must reach the broker too, '
  + 'which a rotation schedule alone does not do.';

/**
 * A Secrets Manager secret holding `{"username": ..., "password": ...}` for one broker user, the shape Lambda
 * event sources for Amazon MQ read.
 */
export function generateUserSecret(scope: Construct, id: string, username: string, description: string,
  rotationReason?: string): secretsmanager.Secret {
  const encryptionKey = supportKey(scope);
  const secret = new secretsmanager.Secret(scope, id, {
    description,
    encryptionKey,
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ username }),
      generateStringKey: 'password',
      passwordLength: PASSWORD_LENGTH,
      excludeCharacters: PASSWORD_EXCLUDE_CHARACTERS,
      requireEachIncludedType: true,
    },
  });
  acknowledgeUnlessRotated(secret, rotationReason);
  if (!encryptionKey) {
    acknowledgeRules(secret, NAG_RULES.secretKey, SECRET_KEY_REASON);
  }
  return secret;
}

/**
 * Acknowledges the no-rotation findings (cdk-nag AwsSolutions-SMG4, HIPAA and NIST SecretsManagerRotationEnabled) on
 * the secret once the app is complete, unless the secret then has a rotation schedule (`addRotationSingleUser()`, or
 * one added by hand): a rotated secret needs no such reason.
 */
function acknowledgeUnlessRotated(secret: secretsmanager.Secret, reason: string | undefined): void {
  Aspects.of(secret).add({
    visit: (node) => {
      if (node === secret && !secret.node.children.some((c) => c instanceof secretsmanager.RotationSchedule)) {
        Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: reason ?? BROKER_USER_ROTATION });
        acknowledgeRules(secret, NAG_RULES.secretRotation, reason ?? ROTATION_OPT_IN);
      }
    },
  });
}

/** The password as a `{{resolve:secretsmanager:...}}` dynamic reference: the template never holds the value. */
export function passwordReference(secret: secretsmanager.ISecret, versionId?: string): string {
  // A version ID in the dynamic reference makes a rotated password a template change, so CloudFormation applies it.
  return versionId === undefined
    ? secret.secretValueFromJson('password').unsafeUnwrap()
    : SecretValue.secretsManager(secret.secretArn, { jsonField: 'password', versionId }).unsafeUnwrap();
}
