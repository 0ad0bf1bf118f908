/**
 * The logic of the library's CloudWatch Logs custom resources (one Lambda function per stack, ours alone, so no
 * aws-cdk-lib singleton such as the stack-wide LogRetention function is taken over):
 * - `Custom::AmazonMqLogRetention`: creates each log group of a broker if Amazon MQ has not yet, sets its
 *   retention, and deletes them on stack delete only when the broker's removal policy is DESTROY.
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

/** Properties of `Custom::AmazonMqLogRetention`: every log group of one broker. */
export interface LogRetentionProperties {
  readonly LogGroupNames: string[];
  /** Days; absent means the log never expires. */
  readonly RetentionInDays?: string;
  /** `destroy` deletes the log groups with the stack; anything else keeps them. */
  readonly RemovalPolicy: string;
}

/**
 * The former one-group shape, one resource per log group. It still arrives from stacks deployed before: Delete of
 * the resources an upgrade drops, and an Update back to it when the upgrade rolls back.
 */
export interface LegacyLogRetentionProperties {
  readonly LogGroupName: string;
  readonly RetentionInDays?: string;
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
  readonly ResourceProperties: LogRetentionProperties | LegacyLogRetentionProperties | LogsResourcePolicyProperties;
}

export async function onEvent(event: LogsEvent, client: CloudWatchLogsClient): Promise<{ PhysicalResourceId: string }> {
  switch (event.ResourceType) {
    case LOG_RETENTION_TYPE:
      return retention(event, event.ResourceProperties as LogRetentionProperties | LegacyLogRetentionProperties, client);
    case LOGS_RESOURCE_POLICY_TYPE:
      return resourcePolicy(event, event.ResourceProperties as LogsResourcePolicyProperties, client);
    default:
      throw new Error(`Unknown resource type ${event.ResourceType}`);
  }
}

async function retention(event: LogsEvent, props: LogRetentionProperties | LegacyLogRetentionProperties, client: CloudWatchLogsClient) {
  const legacy = !('LogGroupNames' in props);
  const logGroupNames = legacy ? [props.LogGroupName] : props.LogGroupNames;
  // Set on Create and never changed: a new physical ID would make CloudFormation delete the old one after an Update,
  // and with it groups still listed. Groups an Update drops (a log type turned off, a replaced broker) are kept,
  // as they were when the permissions no longer named them.
  const physicalResourceId = event.PhysicalResourceId ?? logGroupNames.join(',');
  if (event.RequestType === 'Delete') {
    if (legacy) {
      // Only an upgrade drops a one-group resource, and the broker's new resource manages its group now (the
      // handler cannot tell that from a broker removed in the same deploy): never delete. A group left behind
      // by a later stack delete is retained, which is safe.
      console.log(`Kept log group ${props.LogGroupName}: a resource of the former layout, the group may be managed by its successor`);
    } else if (props.RemovalPolicy === 'destroy') {
      for (const logGroupName of logGroupNames) {
        await deleteLogGroup(logGroupName, client);
      }
    } else {
      console.log(`Kept log groups ${logGroupNames.join(', ')} (removal policy ${props.RemovalPolicy})`);
    }
    return { PhysicalResourceId: physicalResourceId };
  }
  // Also an Update back to the old properties on rollback: it sets them all again, so it converges.
  for (const logGroupName of logGroupNames) {
    // Amazon MQ may have created the group already; otherwise it writes to the one created here.
    await ignoring('ResourceAlreadyExistsException', () => client.send(new CreateLogGroupCommand({ logGroupName })));
    if (props.RetentionInDays) {
      await client.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: Number(props.RetentionInDays) }));
    } else {
      await ignoring('ResourceNotFoundException', () => client.send(new DeleteRetentionPolicyCommand({ logGroupName })));
    }
    console.log(`Log group ${logGroupName}: retention ${props.RetentionInDays ?? 'never expires'} days`);
  }
  return { PhysicalResourceId: physicalResourceId };
}

async function deleteLogGroup(logGroupName: string, client: CloudWatchLogsClient): Promise<void> {
  try {
    await ignoring('ResourceNotFoundException', () => client.send(new DeleteLogGroupCommand({ logGroupName })));
    console.log(`Deleted log group ${logGroupName}`);
  } catch (e) {
    // A group the permissions no longer name. Keeping a log group must never fail a stack update or delete.
    if ((e as Error).name !== 'AccessDeniedException') {
      throw e;
    }
    console.log(`Kept log group ${logGroupName}: not allowed to delete it (${(e as Error).message})`);
  }
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
