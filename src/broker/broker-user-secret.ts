import { SecretValue, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledgeRules, NAG_RULES, SECRET_KEY_REASON } from '../private/nag';
import { supportKey } from '../private/support-key';

/**
 * Characters left out of generated passwords: `,` `:` `=` are refused by Amazon MQ (mq-facts F-U02); the others
 * would need escaping in connection URIs (`amqps://user:password@host`) and shells.
 */
export const PASSWORD_EXCLUDE_CHARACTERS = ',:=/@"\'\\`%&?#[]{}<>|;! ';

/**
 * Generated password length. Amazon MQ takes 12-250 characters with at least 4 unique ones (F-U02); with
 * one character of each type required, 32 characters always have 4 unique ones.
 */
export const PASSWORD_LENGTH = 32;

/** Why a broker user's generated secret has no rotation schedule (cdk-nag AwsSolutions-SMG4). */
const BROKER_USER_ROTATION = 'Amazon MQ has no Secrets Manager rotation function: a rotated secret would no longer match the broker user. '
  + 'Change passwords through the broker (users are applied at the next reboot).';

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
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason: rotationReason ?? BROKER_USER_ROTATION,
  });
  acknowledgeRules(secret, NAG_RULES.secretRotation, rotationReason ?? ROTATION_OPT_IN);
  if (!encryptionKey) {
    acknowledgeRules(secret, NAG_RULES.secretKey, SECRET_KEY_REASON);
  }
  return secret;
}

/** The password as a `{{resolve:secretsmanager:...}}` dynamic reference: the template never holds the value. */
export function passwordReference(secret: secretsmanager.ISecret, versionId?: string): string {
  // A version ID in the dynamic reference makes a rotated password a template change, so CloudFormation applies it.
  return versionId === undefined
    ? secret.secretValueFromJson('password').unsafeUnwrap()
    : SecretValue.secretsManager(secret.secretArn, { jsonField: 'password', versionId }).unsafeUnwrap();
}
