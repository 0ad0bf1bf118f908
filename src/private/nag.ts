import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The cdk-nag 3 rule IDs the library acknowledges on its own resources, by concern, in every pack that reports
 * the concern (AwsSolutions, HIPAA Security, NIST 800-53 R5, PCI DSS 3.2.1, Serverless: cdk-nag's RULES.md).
 * One reason per concern, so the packs never disagree on why.
 */
export const NAG_RULES = {
  inlinePolicy: ['HIPAA.Security-IAMNoInlinePolicy', 'NIST.800.53.R5-IAMNoInlinePolicy', 'PCI.DSS.321-IAMNoInlinePolicy'],
  logGroupKey: ['HIPAA.Security-CloudWatchLogGroupEncrypted', 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', 'PCI.DSS.321-CloudWatchLogGroupEncrypted'],
  secretKey: ['HIPAA.Security-SecretsManagerUsingKMSKey', 'NIST.800.53.R5-SecretsManagerUsingKMSKey', 'PCI.DSS.321-SecretsManagerUsingKMSKey'],
  secretRotation: ['HIPAA.Security-SecretsManagerRotationEnabled', 'NIST.800.53.R5-SecretsManagerRotationEnabled'],
  functionConcurrency: ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
  functionDlq: ['HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ', 'Serverless-LambdaDLQ'],
  functionOutsideVpc: ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC'],
  functionTracing: ['Serverless-LambdaTracing'],
  functionMemory: ['Serverless-LambdaDefaultMemorySize'],
  stateMachineTracing: ['Serverless-StepFunctionStateMachineXray'],
  ruleTargetDlq: ['Serverless-EventBusDLQ'],
} as const;

/** Acknowledges each of `ids` on `scope` (and what is under it) with one reason. */
export function acknowledgeRules(scope: IConstruct, ids: readonly string[], reason: string): void {
  Validations.of(scope).acknowledge(...ids.map((id) => ({ id, reason })));
}

/** Why the library's roles hold inline policies (AWS::IAM::Policy) rather than customer managed ones. */
export const INLINE_POLICY_REASON = 'A single-purpose role of this library with its own policies, created and deleted with it: inline '
  + 'policies keep the one-to-one relationship IAM recommends for that (IAM User Guide, "Choosing between managed and inline '
  + 'policies"); managed policies per role and per broker would only count against the account\'s managed policy quota.';

/** Why a log group of the library has no customer managed key when the stack sets none. */
export const LOG_GROUP_KEY_REASON = 'Handler logs (decisions and API errors, never a secret), encrypted at rest by CloudWatch Logs. '
  + 'A customer managed key is opt-in per stack: SupportResourceEncryption.useKey().';

/** Why a generated secret has no customer managed key when the stack sets none. */
export const SECRET_KEY_REASON = 'Encrypted with the AWS managed key aws/secretsmanager by default; a customer managed key is opt-in '
  + 'per stack: SupportResourceEncryption.useKey().';
