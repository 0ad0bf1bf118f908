/**
 * The logic of the library's CloudWatch Logs custom resources (one Lambda function per stack, ours alone, so no
 * aws-cdk-lib singleton such as the stack-wide LogRetention function is taken over):
 * - `Custom::AmazonMqLogRetention`: creates a broker log group if Amazon MQ has not yet, sets its retention, and
 *   deletes it on stack delete only when the broker's removal policy is DESTROY.
 * - `Custom::AmazonMqLogsResourcePolicy`: puts the resource policy Amazon MQ for ActiveMQ writes logs through,
 *   under one name per account and region, and keeps it on delete (other stacks and retained brokers need it).
 */
// The Lambda Node.js runtime provides the SDK: a devDependency here, external in the bundle.
// eslint-disable-next-line import/no-extraneous-dependencies
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DeleteRetentionPolicyCommand,
  PutResourcePolicyCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';

import { LOG_RETENTION_TYPE, LOGS_RESOURCE_POLICY_TYPE } from './broker-logs-resource-types';

/** Properties of `Custom::AmazonMqLogRetention`. */
export interface LogRetentionProperties {
  readonly LogGroupName: string;
  /** Days; absent means the log never expires. */
  readonly RetentionInDays?: string;
  /** `destroy` deletes the log group with the stack; anything else keeps it. */
  readonly RemovalPolicy: string;
}

/** Properties of `Custom::AmazonMqLogsResourcePolicy`. */
export interface LogsResourcePolicyProperties {
  readonly PolicyName: string;
  readonly PolicyDocument: string;
}

/** The subset of a CloudFormation custom resource event the handler reads. */
export interface LogsEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResourceType: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: LogRetentionProperties | LogsResourcePolicyProperties;
}

export async function onEvent(event: LogsEvent, client: CloudWatchLogsClient): Promise<{ PhysicalResourceId: string }> {
  switch (event.ResourceType) {
    case LOG_RETENTION_TYPE:
      return retention(event, event.ResourceProperties as LogRetentionProperties, client);
    case LOGS_RESOURCE_POLICY_TYPE:
      return resourcePolicy(event, event.ResourceProperties as LogsResourcePolicyProperties, client);
    default:
      throw new Error(`Unknown resource type ${event.ResourceType}`);
  }
}

async function retention(event: LogsEvent, props: LogRetentionProperties, client: CloudWatchLogsClient) {
  // The log group name is the physical ID: a new name (a replaced broker) makes CloudFormation delete the old one.
  const logGroupName = props.LogGroupName;
  if (event.RequestType === 'Delete') {
    if (props.RemovalPolicy === 'destroy') {
      try {
        await ignoring('ResourceNotFoundException', () => client.send(new DeleteLogGroupCommand({ logGroupName })));
        console.log(`Deleted log group ${logGroupName}`);
      } catch (e) {
        // A replaced broker's old group: the permissions already name the new broker's groups. Keeping a log group
        // must never fail a stack update or delete.
        if ((e as Error).name !== 'AccessDeniedException') {
          throw e;
        }
        console.log(`Kept log group ${logGroupName}: not allowed to delete it (${(e as Error).message})`);
      }
    } else {
      console.log(`Kept log group ${logGroupName} (removal policy ${props.RemovalPolicy})`);
    }
    return { PhysicalResourceId: event.PhysicalResourceId ?? logGroupName };
  }
  // Amazon MQ may have created the group already; otherwise it writes to the one created here.
  await ignoring('ResourceAlreadyExistsException', () => client.send(new CreateLogGroupCommand({ logGroupName })));
  if (props.RetentionInDays) {
    await client.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: Number(props.RetentionInDays) }));
  } else {
    await ignoring('ResourceNotFoundException', () => client.send(new DeleteRetentionPolicyCommand({ logGroupName })));
  }
  console.log(`Log group ${logGroupName}: retention ${props.RetentionInDays ?? 'never expires'} days`);
  return { PhysicalResourceId: logGroupName };
}

async function resourcePolicy(event: LogsEvent, props: LogsResourcePolicyProperties, client: CloudWatchLogsClient) {
  if (event.RequestType === 'Delete') {
    console.log(`Kept resource policy ${props.PolicyName}: brokers of other stacks, and retained ones, write logs through it`);
    return { PhysicalResourceId: event.PhysicalResourceId ?? props.PolicyName };
  }
  // PutResourcePolicy replaces a policy of the same name: every stack puts the same document, so they converge.
  await client.send(new PutResourcePolicyCommand({ policyName: props.PolicyName, policyDocument: props.PolicyDocument }));
  console.log(`Put resource policy ${props.PolicyName}`);
  return { PhysicalResourceId: props.PolicyName };
}

async function ignoring(errorName: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (e) {
    if ((e as Error).name !== errorName) {
      throw e;
    }
  }
}
