import { RemovalPolicy } from 'aws-cdk-lib';

/**
 * What a broker and the secrets it generates do on removal, unless told: kept when the stack is deleted or the
 * broker replaced, but deleted when the stack's first create fails (CloudFormation `RetainExceptOnCreate`), so a
 * failed first deploy leaves no orphan whose fixed name blocks the retry (README, "What each removal policy keeps").
 */
export const DEFAULT_BROKER_REMOVAL_POLICY = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;

export function brokerRemovalPolicy(policy: RemovalPolicy | undefined): RemovalPolicy {
  return policy ?? DEFAULT_BROKER_REMOVAL_POLICY;
}
