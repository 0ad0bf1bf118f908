import { Aws, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IConstruct } from 'constructs';
import { SUPPORT_ENCRYPTION_RULES } from './rules/support-encryption';
import { validateRules } from '../private/rules';
import { setSupportKey, supportKeyState } from '../private/support-key';

/**
 * A customer managed KMS key for what this library creates in a stack besides the brokers: the CloudWatch Logs
 * log groups of its functions (custom resource handlers, the RabbitMQ queue metrics collector) and the Secrets
 * Manager secrets it generates (broker users, admin users, virtual host users, network of brokers users).
 * Without it, CloudWatch Logs encrypts those logs with its own keys and the secrets use `aws/secretsmanager`.
 *
 * One key per stack (the custom resource providers are shared by every broker of the stack), set before the
 * stack's first broker: each log group and secret reads it when it is created, and so do the grants on a secret
 * (`grantRead` then includes `kms:Decrypt`). The key may be a broker's `encryptionKey` given as a prop.
 */
export class SupportResourceEncryption {
  /**
   * Encrypts the library's log groups and generated secrets in `scope`'s stack with `key`. A key of this app gets
   * the key policy statement CloudWatch Logs needs (the `logs.<region>.amazonaws.com` principal, for this account's
   * log groups); an imported key's policy must hold that statement already (a synth warning says so).
   */
  public static useKey(scope: IConstruct, key: kms.IKey): void {
    const state = supportKeyState(scope);
    validateRules(scope, 'SupportResourceEncryption.useKey', SUPPORT_ENCRYPTION_RULES, { firstUse: state.firstUse, hasKey: state.key !== undefined });
    const stack = Stack.of(scope);
    const { statementAdded } = key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchLogsOfAmazonMqLibrary',
      principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      // The Developer Guide's condition: only for log groups of this account and region.
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*` } },
    }));
    if (!statementAdded) {
      Validations.of(stack).addWarning('cdk-amazon-mq:SupportKeyPolicy',
        `The key ${key.node.path} is imported: its key policy must let logs.<region>.amazonaws.com use it for this account's log groups `
        + '(CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS"), or the library\'s log groups fail to deploy.');
    }
    setSupportKey(scope, key);
  }

  private constructor() {}
}
