// eslint-disable-next-line import/no-extraneous-dependencies -- provided by the Lambda runtime
import { CloudFormationClient, DescribeStacksCommand, paginateListStackResources } from '@aws-sdk/client-cloudformation';
// eslint-disable-next-line import/no-extraneous-dependencies -- provided by the Lambda runtime
import { DescribeBrokerCommand, MqClient } from '@aws-sdk/client-mq';
// eslint-disable-next-line import/no-extraneous-dependencies -- provided by the Lambda runtime
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { BrokerState, ManagementEvent, onEvent } from './management-handler';
import { RABBITMQ_OBJECT_TYPE } from './object-type';

// Throttled calls are retried with backoff: a deploy applies many objects at once.
const client = new SecretsManagerClient({ maxAttempts: 8 });
// Best effort, and quick: a function in an isolated subnet may have no route to CloudFormation.
const cloudformation = new CloudFormationClient({ maxAttempts: 2, requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 } });

async function secret(arn: string): Promise<Record<string, string>> {
  const response = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  return JSON.parse(response.SecretString ?? '{}');
}

/** Whether another live object resource of the stack has this physical ID; undefined when the stack cannot be read. */
async function declaredElsewhere(stackId: string, logicalId: string, physicalId: string): Promise<boolean | undefined> {
  try {
    for await (const page of paginateListStackResources({ client: cloudformation }, { StackName: stackId })) {
      const found = (page.StackResourceSummaries ?? []).some((r) => r.ResourceType === RABBITMQ_OBJECT_TYPE && r.LogicalResourceId !== logicalId
        && r.PhysicalResourceId === physicalId && !(r.ResourceStatus ?? '').startsWith('DELETE') && r.ResourceStatus !== 'CREATE_FAILED');
      if (found) {
        return true;
      }
    }
    return false;
  } catch (e) {
    console.log(`ListStackResources failed: ${(e as Error).name}: ${(e as Error).message}`);
    return undefined;
  }
}

/** Whether the stack is being deleted; undefined when it cannot be read. */
async function stackDeleting(stackId: string): Promise<boolean | undefined> {
  try {
    const { Stacks: stacks } = await cloudformation.send(new DescribeStacksCommand({ StackName: stackId }));
    return stacks?.[0]?.StackStatus === 'DELETE_IN_PROGRESS';
  } catch (e) {
    console.log(`DescribeStacks failed: ${(e as Error).name}: ${(e as Error).message}`);
    return undefined;
  }
}

/**
 * The function's broker (`BROKER_ARN`, set by the provider) as Amazon MQ sees it, asked in the broker's region;
 * undefined when it cannot be asked (no ARN, no route to Amazon MQ, another account's broker).
 */
async function brokerState(): Promise<BrokerState | undefined> {
  // arn:<partition>:mq:<region>:<account>:broker:<name>:<id>
  const [, , , region, , , , brokerId] = (process.env.BROKER_ARN ?? '').split(':');
  if (!region || !brokerId) {
    return undefined;
  }
  const mq = new MqClient({ region, maxAttempts: 2, requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 } });
  try {
    const broker = await mq.send(new DescribeBrokerCommand({ BrokerId: brokerId }));
    return { exists: broker.BrokerState !== 'DELETION_IN_PROGRESS', detail: `state ${broker.BrokerState}` };
  } catch (e) {
    if ((e as Error).name === 'NotFoundException') {
      return { exists: false, detail: 'not found' };
    }
    console.log(`DescribeBroker failed: ${(e as Error).name}: ${(e as Error).message}`);
    return undefined;
  }
}

export async function handler(event: ManagementEvent): Promise<{ PhysicalResourceId: string }> {
  return onEvent(event, { secret, declaredElsewhere, stackDeleting, brokerState });
}
