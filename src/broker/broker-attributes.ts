import { Fn, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { MqValidationError } from '../private/errors';

/** What is needed to use an existing broker in this app. */
export interface BrokerAttributes {
  /**
   * The broker's ARN: `arn:<partition>:mq:<region>:<account>:broker:<name>:<id>`.
   * The name and ID are read from it.
   */
  readonly brokerArn: string;
  /**
   * The broker's security groups, so that `connections` can open its ports.
   * @default - no security groups: `connections` can't change any rule
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
}

/** Name and ID read from a broker ARN; tokens are split at deploy time. */
export function parseBrokerArn(scope: IConstruct, brokerArn: string): { brokerName: string; brokerId: string } {
  if (Token.isUnresolved(brokerArn)) {
    const parts = Fn.split(':', brokerArn);
    return { brokerName: Fn.select(6, parts), brokerId: Fn.select(7, parts) };
  }
  const parts = brokerArn.split(':');
  if (parts.length !== 8 || parts[0] !== 'arn' || parts[2] !== 'mq' || parts[5] !== 'broker') {
    const hint = /^b-[0-9a-f-]+$/i.test(brokerArn)
      ? ' (this is a broker ID: build the ARN with Stack.formatArn({ service: \'mq\', resource: \'broker\', resourceName: \'<name>:<id>\', arnFormat: ArnFormat.COLON_RESOURCE_NAME }))'
      : '';
    throw new MqValidationError(scope, `'brokerArn' '${brokerArn}' is not a broker ARN${hint}; allowed: arn:<partition>:mq:<region>:<account>:broker:<name>:<id>`);
  }
  return { brokerName: parts[6], brokerId: parts[7] };
}

/**
 * The ARN to give `Resource` as `environmentFromArn`, or undefined when it is no ARN: `Resource` would throw its own
 * message first, and parseBrokerArn names the problem better.
 */
export function environmentArn(brokerArn: string): string | undefined {
  return Token.isUnresolved(brokerArn) || brokerArn.startsWith('arn:') ? brokerArn : undefined;
}
