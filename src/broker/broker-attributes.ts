import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * What is needed to use an existing broker in this app: its ARN, or its name and ID (a broker in this stack's
 * account and region).
 */
export interface BrokerAttributes {
  /**
   * The broker's ARN: `arn:<partition>:mq:<region>:<account>:broker:<name>:<id>`. The name, ID and region are read
   * from it.
   * @default - built from `brokerName` and `brokerId` in this stack's account and region
   */
  readonly brokerArn?: string;
  /**
   * The broker's name, with `brokerId` instead of `brokerArn`.
   * @default - read from `brokerArn`
   */
  readonly brokerName?: string;
  /**
   * The broker's ID (`b-1234...`), with `brokerName` instead of `brokerArn`.
   * @default - read from `brokerArn`
   */
  readonly brokerId?: string;
  /**
   * The broker's security groups, so that `connections` can open its ports.
   * @default - no security groups: `connections` can't change any rule
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
}
