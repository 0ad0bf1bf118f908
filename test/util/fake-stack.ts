import { FakeRequest, FakeResponse } from './fake-aws';

/** A deployed stack as CloudFormation (query protocol, XML), Amazon MQ (REST-JSON) and Secrets Manager (JSON 1.1) answer for it. */
export interface FakeStackWorld {
  readonly stackName: string;
  readonly stackId?: string;
  /** Physical IDs by logical ID. */
  readonly resources: Record<string, string>;
  /** Secret values by ARN. */
  readonly secrets?: Record<string, Record<string, string>>;
  /** Console URLs by broker ID. */
  readonly consoleUrls?: Record<string, string[]>;
  /** Resources per ListStackResources page. @default all on one page */
  readonly pageSize?: number;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The route of a FakeAwsEndpoint for a deployed stack; undefined for any other call. */
export function stackRoute(world: FakeStackWorld): (req: FakeRequest) => FakeResponse | undefined {
  return (req) => {
    const form = new URLSearchParams(req.target ? '' : req.body);
    const action = form.get('Action');
    if (action === 'ListStackResources' || action === 'DescribeStacks') {
      if (form.get('StackName') !== world.stackName) {
        return { status: 400, body: `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${form.get('StackName')} does not exist</Message></Error></ErrorResponse>` };
      }
      if (action === 'DescribeStacks') {
        const id = world.stackId ?? `arn:aws:cloudformation:eu-west-1:123456789012:stack/${world.stackName}/1`;
        return { body: `<DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackName>${world.stackName}</StackName><StackId>${id}</StackId><StackStatus>CREATE_COMPLETE</StackStatus><CreationTime>2025-01-01T00:00:00Z</CreationTime></member></Stacks></DescribeStacksResult></DescribeStacksResponse>` };
      }
      const all = Object.entries(world.resources);
      const start = Number(form.get('NextToken') ?? 0);
      const size = world.pageSize ?? all.length;
      const members = all.slice(start, start + size).map(([logical, physical]) => `<member><LogicalResourceId>${xmlEscape(logical)}</LogicalResourceId>`
        + `<PhysicalResourceId>${xmlEscape(physical)}</PhysicalResourceId><ResourceType>AWS::CloudFormation::CustomResource</ResourceType>`
        + '<ResourceStatus>CREATE_COMPLETE</ResourceStatus><LastUpdatedTimestamp>2025-01-01T00:00:00Z</LastUpdatedTimestamp></member>').join('');
      const next = start + size < all.length ? `<NextToken>${start + size}</NextToken>` : '';
      return { body: `<ListStackResourcesResponse><ListStackResourcesResult><StackResourceSummaries>${members}</StackResourceSummaries>${next}</ListStackResourcesResult></ListStackResourcesResponse>` };
    }
    if (req.target === 'secretsmanager.GetSecretValue') {
      const { SecretId } = JSON.parse(req.body) as { SecretId: string };
      const value = world.secrets?.[SecretId];
      return value
        ? { body: { ARN: SecretId, Name: SecretId, SecretString: JSON.stringify(value) } }
        : { status: 400, errorType: 'ResourceNotFoundException', body: { __type: 'ResourceNotFoundException', message: 'Secrets Manager can\'t find the specified secret.' } };
    }
    const broker = /^\/v1\/brokers\/([^/?]+)$/.exec(req.path)?.[1];
    if (req.method === 'GET' && broker && world.consoleUrls?.[broker]) {
      return { body: { brokerId: broker, brokerInstances: world.consoleUrls[broker].map((consoleURL) => ({ consoleURL })) } };
    }
    return undefined;
  };
}
