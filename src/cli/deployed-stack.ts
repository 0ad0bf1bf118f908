/**
 * What `--objects` reads from AWS: the deployed stack's resources (CloudFormation), a broker's console URL (Amazon MQ)
 * and the admin credentials (Secrets Manager). The SDK clients are passed in (`CheckClients`).
 */
/* eslint-disable import/no-extraneous-dependencies */
import { DescribeStacksCommand, ListStackResourcesCommand, StackResourceSummary } from '@aws-sdk/client-cloudformation';
import { DescribeBrokerCommand, DescribeBrokerResponse } from '@aws-sdk/client-mq';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
/* eslint-enable import/no-extraneous-dependencies */
import { AssemblyStack } from './assembly';
import { call, CheckClients, CheckError } from './broker-check';
import { DeployedValues } from './template-values';

/** The admin's user name and password (never printed). */
export interface AdminCredentials {
  readonly username: string;
  readonly password: string;
}

/** The values of one deployed stack, each read once. */
export function deployedValues(clients: CheckClients, stack: AssemblyStack): DeployedValues {
  let resources: Promise<Map<string, StackResourceSummary>> | undefined;
  let stackArn: Promise<string> | undefined;
  const brokers = new Map<string, Promise<DescribeBrokerResponse>>();
  const physicalId = async (logicalId: string) => {
    resources ??= listResources(clients, stack.stackName);
    return (await resources).get(logicalId)?.PhysicalResourceId;
  };
  const broker = async (logicalId: string) => {
    const id = await physicalId(logicalId);
    if (id === undefined) {
      return undefined;
    }
    if (!brokers.has(id)) {
      brokers.set(id, call(`mq:DescribeBroker ${id}`, () => clients.mq.send(new DescribeBrokerCommand({ BrokerId: id }))));
    }
    return brokers.get(id);
  };
  const region = async () => stack.region ?? await clients.cloudformation.config.region();
  return {
    physicalId,
    async attribute(logicalId, attribute) {
      if (stack.resources[logicalId]?.Type !== 'AWS::AmazonMQ::Broker') {
        return undefined;
      }
      const described = await broker(logicalId);
      switch (attribute) {
        case 'ConsoleURLs': return described?.BrokerInstances?.map((i) => i.ConsoleURL);
        case 'Arn': return described?.BrokerArn;
        case 'Id': return described?.BrokerId;
        default: return undefined;
      }
    },
    async pseudo(name) {
      switch (name) {
        case 'AWS::Region': return region();
        case 'AWS::StackName': return stack.stackName;
        case 'AWS::Partition': return partitionOf(await region()).partition;
        case 'AWS::URLSuffix': return partitionOf(await region()).urlSuffix;
        case 'AWS::AccountId': {
          if (stack.account) {
            return stack.account;
          }
          stackArn ??= describeStack(clients, stack.stackName);
          return (await stackArn).split(':')[4];
        }
        default: return undefined;
      }
    },
  };
}

function partitionOf(region: string): { partition: string; urlSuffix: string } {
  if (region.startsWith('cn-')) {
    return { partition: 'aws-cn', urlSuffix: 'amazonaws.com.cn' };
  }
  return region.startsWith('us-gov-') ? { partition: 'aws-us-gov', urlSuffix: 'amazonaws.com' } : { partition: 'aws', urlSuffix: 'amazonaws.com' };
}

/** The stack's resources by logical ID, page by page; a stack not deployed is a CheckError that says so. */
async function listResources(clients: CheckClients, stackName: string): Promise<Map<string, StackResourceSummary>> {
  const found = new Map<string, StackResourceSummary>();
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await call(`cloudformation:ListStackResources ${stackName}`, () =>
      clients.cloudformation.send(new ListStackResourcesCommand({ StackName: stackName, NextToken: token })));
    for (const summary of page.StackResourceSummaries ?? []) {
      if (summary.LogicalResourceId) {
        found.set(summary.LogicalResourceId, summary);
      }
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return found;
}

async function describeStack(clients: CheckClients, stackName: string): Promise<string> {
  const described = await call(`cloudformation:DescribeStacks ${stackName}`, () =>
    clients.cloudformation.send(new DescribeStacksCommand({ StackName: stackName })));
  const id = described.Stacks?.[0]?.StackId;
  if (!id) {
    throw new CheckError(`cloudformation:DescribeStacks ${stackName}: no such stack`);
  }
  return id;
}

/** The `username` and `password` of an admin secret (JSON, as the broker's admin secret is). */
export async function adminCredentials(clients: CheckClients, secretArn: string): Promise<AdminCredentials> {
  const value = await call(`secretsmanager:GetSecretValue ${secretArn}`, () =>
    clients.secretsManager.send(new GetSecretValueCommand({ SecretId: secretArn })));
  let parsed: { username?: unknown; password?: unknown } = {};
  try {
    parsed = JSON.parse(value.SecretString ?? '{}');
  } catch {
    // Reported below, without the value.
  }
  if (typeof parsed.username !== 'string' || typeof parsed.password !== 'string') {
    throw new CheckError(`secret ${secretArn} is not JSON with a string username and password (the shape of the broker's admin secret)`);
  }
  return { username: parsed.username, password: parsed.password };
}
