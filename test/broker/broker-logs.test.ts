import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { App, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion } from '../../src';
import { LogsEvent, onEvent } from '../../src/broker/logging/broker-logs-handler';
import { FakeAwsEndpoint, FakeRequest, FakeResponse } from '../util/fake-aws';
import { stackWithVpc } from '../util/stacks';

const ACTIVEMQ = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE };
const RABBITMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE };

type Statement = { Action: string | string[]; Resource: unknown };

function statementsOf(template: Template, roleLogicalId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleLogicalId }]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

function roleOfFunction(template: Template, logicalIdPrefix: string): string {
  const [fn] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) => id.startsWith(logicalIdPrefix));
  return fn[1].Properties.Role['Fn::GetAtt'][0];
}

describe('log retention is independent of aws-cdk-lib\'s stack-wide LogRetention function', () => {
  test.each([
    ['a broker first, then the user\'s LogRetention', true],
    ['the user\'s LogRetention first, then a broker', false],
  ])('%s: both functions exist, each with its own role and permissions', (_name, brokerFirst) => {
    const { stack, vpc } = stackWithVpc();
    const addBroker = () => new ActiveMqBroker(stack, 'Broker', { vpc, ...ACTIVEMQ });
    const addUserRetention = () => new logs.LogRetention(stack, 'UserRetention', { logGroupName: '/app/orders', retention: logs.RetentionDays.ONE_WEEK });
    if (brokerFirst) {
      addBroker();
      addUserRetention();
    } else {
      addUserRetention();
      addBroker();
    }
    const template = Template.fromStack(stack);
    // aws-cdk-lib's singleton keeps its own role, which may set retention (on `*`, as aws-cdk-lib grants it).
    const cdkRole = roleOfFunction(template, 'LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a');
    expect(cdkRole).not.toMatch(/AmazonMq/);
    expect(statementsOf(template, cdkRole)).toEqual(expect.arrayContaining([
      expect.objectContaining({ Action: ['logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy'], Resource: '*' }),
    ]));
    template.hasResourceProperties('Custom::LogRetention', { LogGroupName: '/app/orders', RetentionInDays: 7 });
    // Ours runs with a role of ours that names the broker's log groups.
    const ourRole = roleOfFunction(template, 'AmazonMqLogsProviderOnEvent');
    expect(ourRole).toMatch(/^AmazonMqLogsProviderOnEventRole/);
    expect(JSON.stringify(statementsOf(template, ourRole))).toContain('/aws/amazonmq/broker/');
    template.resourceCountIs('Custom::AmazonMqLogRetention', 1);
  });
});

describe('one retention resource per broker, listing all of its log groups', () => {
  const groupName = (logType: string) => ({ 'Fn::Join': ['', ['/aws/amazonmq/broker/', { Ref: Match.stringLikeRegexp('^Broker') }, `/${logType}`]] });

  test('ActiveMQ with the audit log: general and audit in one resource, after the broker\'s permissions', () => {
    const { stack, vpc } = stackWithVpc();
    new ActiveMqBroker(stack, 'Broker', { vpc, ...ACTIVEMQ, logs: { audit: true } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::AmazonMqLogRetention', 1);
    template.hasResource('Custom::AmazonMqLogRetention', {
      Properties: Match.objectLike({ LogGroupNames: [groupName('general'), groupName('audit')], RetentionInDays: '365', RemovalPolicy: 'retain' }),
      DependsOn: [Match.stringLikeRegexp('^BrokerLogRetentionPolicy')],
    });
    // The former general-log resource's id: upgrading updates it rather than replacing it.
    expect(Object.keys(template.findResources('Custom::AmazonMqLogRetention'))).toEqual([expect.stringMatching(/^BrokerGeneralLogRetention/)]);
  });

  test('RabbitMQ: the general group alone', () => {
    const { stack, vpc } = stackWithVpc();
    new RabbitMqBroker(stack, 'Broker', { vpc, ...RABBITMQ });
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::AmazonMqLogRetention', 1);
    template.hasResourceProperties('Custom::AmazonMqLogRetention', { LogGroupNames: [groupName('general')] });
  });
});

describe('log retention permissions', () => {
  function retentionStatements(removalPolicy?: RemovalPolicy): Statement[] {
    const { stack, vpc } = stackWithVpc();
    new RabbitMqBroker(stack, 'Broker', { vpc, ...RABBITMQ, removalPolicy });
    const template = Template.fromStack(stack);
    return statementsOf(template, roleOfFunction(template, 'AmazonMqLogsProviderOnEvent'))
      .filter((s) => JSON.stringify(s.Resource).includes('/aws/amazonmq/broker/'));
  }

  test('removalPolicy DESTROY lets the function delete the broker\'s log group, and marks it for deletion', () => {
    const statements = retentionStatements(RemovalPolicy.DESTROY);
    expect(statements.flatMap((s) => s.Action)).toEqual(expect.arrayContaining(['logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:CreateLogGroup']));
    const { stack, vpc } = stackWithVpc();
    new RabbitMqBroker(stack, 'Broker', { vpc, ...RABBITMQ, removalPolicy: RemovalPolicy.DESTROY });
    Template.fromStack(stack).hasResourceProperties('Custom::AmazonMqLogRetention', { RemovalPolicy: 'destroy' });
  });

  test('a retained broker\'s log group can never be deleted by the function', () => {
    expect(retentionStatements().flatMap((s) => s.Action)).not.toContain('logs:DeleteLogGroup');
  });

  test('the function writes only its own log group: no /aws/lambda/* anywhere', () => {
    const { stack, vpc } = stackWithVpc();
    new ActiveMqBroker(stack, 'Broker', { vpc, ...ACTIVEMQ });
    const template = Template.fromStack(stack);
    expect(JSON.stringify(template.toJSON())).not.toContain('/aws/lambda/');
    const ownLogs = statementsOf(template, roleOfFunction(template, 'AmazonMqLogsProviderOnEvent'))
      .filter((s) => [s.Action].flat().includes('logs:PutLogEvents'));
    expect(ownLogs).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': [expect.stringMatching(/^AmazonMqLogsProviderOnEventLogs/), 'Arn'] } })]);
  });
});

describe('the CloudWatch Logs resource policy (one per account and region, mq-facts F-L02)', () => {
  test('two stacks put the same policy under the same name: one quota slot, not one per stack', () => {
    const app = new App();
    const stacks = ['One', 'Two'].map((name) => {
      const stack = new Stack(app, name, { env: { account: '123456789012', region: 'eu-west-1' } });
      new ActiveMqBroker(stack, 'Broker', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }), ...ACTIVEMQ });
      return stack;
    });
    const documents = stacks.map((stack) => {
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Logs::ResourcePolicy', 0);
      const [policy] = Object.values(template.findResources('Custom::AmazonMqLogsResourcePolicy'));
      return policy.Properties;
    });
    expect(documents[0].PolicyName).toBe('cdk-amazon-mq-AmazonMQLogs');
    expect(documents[0]).toEqual(documents[1]);
  });

  test('resourcePolicy: false leaves the policy to the organization, and the broker depends on nothing', () => {
    const { stack, vpc } = stackWithVpc();
    new ActiveMqBroker(stack, 'Broker', { vpc, ...ACTIVEMQ, logs: { resourcePolicy: false } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::AmazonMqLogsResourcePolicy', 0);
    template.hasResource('AWS::AmazonMQ::Broker', { DependsOn: Match.absent() });
    template.resourceCountIs('Custom::AmazonMqLogRetention', 1);
  });
});

test('cdk-nag is clean on a stack with an explicit env (account and region known)', () => {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'Explicit', { env: { account: '123456789012', region: 'eu-central-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  // The demo VPC's flow logs are not the library's to judge.
  Validations.of(vpc).acknowledge({ id: 'AwsSolutions-VPC7', reason: 'test VPC' });
  new ActiveMqBroker(stack, 'Broker', { vpc, ...ACTIVEMQ, applyImmediately: true, removalPolicy: RemovalPolicy.DESTROY });
  new RabbitMqBroker(stack, 'Rabbit', { vpc, ...RABBITMQ, applyImmediately: true });
  // An unacknowledged finding makes synth throw, naming it.
  expect(() => app.synth()).not.toThrow();
});

describe('the logs handler (real SDK client against a loopback fake of CloudWatch Logs)', () => {
  let fake: FakeAwsEndpoint;
  afterEach(async () => fake?.stop());

  async function client(route: (req: FakeRequest) => FakeResponse): Promise<CloudWatchLogsClient> {
    fake = await FakeAwsEndpoint.start(route);
    return new CloudWatchLogsClient({ ...fake.clientConfig(), maxAttempts: 4 });
  }
  const calls = () => fake.requests.map((r) => `${r.target?.replace('Logs_20140328.', '')} ${r.body}`);
  const GENERAL = '/aws/amazonmq/broker/b-1/general';
  const AUDIT = '/aws/amazonmq/broker/b-1/audit';
  const retention = (RequestType: LogsEvent['RequestType'], removal: string, RetentionInDays?: string, LogGroupNames = [GENERAL, AUDIT]): LogsEvent => ({
    RequestType,
    ResourceType: 'Custom::AmazonMqLogRetention',
    PhysicalResourceId: RequestType === 'Create' ? undefined : `${GENERAL},${AUDIT}`,
    ResourceProperties: { LogGroupNames, RemovalPolicy: removal, RetentionInDays },
  });
  // The former one-group shape, as stacks deployed before hold it.
  const legacy = (RequestType: LogsEvent['RequestType'], removal: string, RetentionInDays?: string): LogsEvent => ({
    RequestType,
    ResourceType: 'Custom::AmazonMqLogRetention',
    PhysicalResourceId: GENERAL,
    ResourceProperties: { LogGroupName: GENERAL, RemovalPolicy: removal, RetentionInDays },
  });

  test('create sets the retention on every group; a group Amazon MQ already made is kept', async () => {
    const c = await client((req) => req.target?.endsWith('CreateLogGroup') && req.body.includes('general')
      ? { status: 400, errorType: 'ResourceAlreadyExistsException', body: { __type: 'ResourceAlreadyExistsException', message: 'exists' } }
      : {});
    await expect(onEvent(retention('Create', 'retain', '365'), c)).resolves.toEqual({ PhysicalResourceId: `${GENERAL},${AUDIT}` });
    expect(calls()).toEqual([
      `CreateLogGroup {"logGroupName":"${GENERAL}"}`,
      `PutRetentionPolicy {"logGroupName":"${GENERAL}","retentionInDays":365}`,
      `CreateLogGroup {"logGroupName":"${AUDIT}"}`,
      `PutRetentionPolicy {"logGroupName":"${AUDIT}","retentionInDays":365}`,
    ]);
  });

  test('update to never expire removes the retention policy of every group', async () => {
    const c = await client(() => ({}));
    await onEvent(retention('Update', 'retain'), c);
    expect(calls().filter((x) => x.startsWith('DeleteRetentionPolicy'))).toEqual([
      `DeleteRetentionPolicy {"logGroupName":"${GENERAL}"}`,
      `DeleteRetentionPolicy {"logGroupName":"${AUDIT}"}`,
    ]);
  });

  test('update keeps the physical ID and deletes no group it no longer lists (no Delete of the old one follows)', async () => {
    const c = await client(() => ({}));
    await expect(onEvent(retention('Update', 'destroy', '7', [GENERAL]), c)).resolves.toEqual({ PhysicalResourceId: `${GENERAL},${AUDIT}` });
    expect(calls()).toEqual([
      `CreateLogGroup {"logGroupName":"${GENERAL}"}`,
      `PutRetentionPolicy {"logGroupName":"${GENERAL}","retentionInDays":7}`,
    ]);
  });

  test('delete with removal policy destroy deletes every group; a group already gone is fine', async () => {
    const c = await client((req) => req.body.includes('general') ? { status: 400, body: { __type: 'ResourceNotFoundException', message: 'gone' } } : {});
    await onEvent(retention('Delete', 'destroy', '365'), c);
    expect(calls()).toEqual([`DeleteLogGroup {"logGroupName":"${GENERAL}"}`, `DeleteLogGroup {"logGroupName":"${AUDIT}"}`]);
  });

  test('delete of a group no longer allowed keeps it rather than failing the stack, and goes on with the next', async () => {
    const c = await client(() => ({ status: 400, body: { __type: 'AccessDeniedException', message: 'not authorized to perform logs:DeleteLogGroup' } }));
    await expect(onEvent(retention('Delete', 'destroy', '365'), c)).resolves.toEqual({ PhysicalResourceId: `${GENERAL},${AUDIT}` });
    expect(calls()).toHaveLength(2);
  });

  test('delete of a retained broker\'s groups makes no call', async () => {
    const c = await client(() => ({}));
    await onEvent(retention('Delete', 'retain', '365'), c);
    expect(calls()).toEqual([]);
  });

  test('delete of a former one-group resource (dropped by the upgrade) keeps its group, even with destroy', async () => {
    const c = await client(() => ({}));
    await expect(onEvent(legacy('Delete', 'destroy', '365'), c)).resolves.toEqual({ PhysicalResourceId: GENERAL });
    expect(calls()).toEqual([]);
  });

  test('rollback to the former one-group shape: the update sets its retention again and keeps the physical ID', async () => {
    const c = await client(() => ({}));
    await expect(onEvent(legacy('Update', 'destroy', '365'), c)).resolves.toEqual({ PhysicalResourceId: GENERAL });
    expect(calls()).toEqual([
      `CreateLogGroup {"logGroupName":"${GENERAL}"}`,
      `PutRetentionPolicy {"logGroupName":"${GENERAL}","retentionInDays":365}`,
    ]);
  });

  test('throttled calls are retried, and every group still gets its retention', async () => {
    let throttles = 2;
    const c = await client(() => (throttles-- > 0 ? { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } } : {}));
    await onEvent(retention('Update', 'retain', '7'), c);
    expect(calls().filter((x) => x.startsWith('CreateLogGroup') && x.includes('general'))).toHaveLength(3);
    expect(calls().filter((x) => x.startsWith('PutRetentionPolicy'))).toEqual([
      `PutRetentionPolicy {"logGroupName":"${GENERAL}","retentionInDays":7}`,
      `PutRetentionPolicy {"logGroupName":"${AUDIT}","retentionInDays":7}`,
    ]);
  });

  test('resource policy: put on create and update, kept on delete', async () => {
    const c = await client(() => ({}));
    const event = (RequestType: LogsEvent['RequestType']): LogsEvent => ({
      RequestType,
      ResourceType: 'Custom::AmazonMqLogsResourcePolicy',
      PhysicalResourceId: 'cdk-amazon-mq-AmazonMQLogs',
      ResourceProperties: { PolicyName: 'cdk-amazon-mq-AmazonMQLogs', PolicyDocument: '{"Version":"2012-10-17"}' },
    });
    await onEvent(event('Create'), c);
    await onEvent(event('Update'), c);
    await onEvent(event('Delete'), c);
    expect(calls()).toEqual([
      'PutResourcePolicy {"policyName":"cdk-amazon-mq-AmazonMQLogs","policyDocument":"{\\"Version\\":\\"2012-10-17\\"}"}',
      'PutResourcePolicy {"policyName":"cdk-amazon-mq-AmazonMQLogs","policyDocument":"{\\"Version\\":\\"2012-10-17\\"}"}',
    ]);
  });

  test('other errors fail the deploy with the service message', async () => {
    const c = await client(() => ({ status: 400, body: { __type: 'AccessDeniedException', message: 'not authorized to perform logs:PutRetentionPolicy' } }));
    await expect(onEvent(retention('Create', 'retain', '7'), c)).rejects.toThrow('not authorized to perform logs:PutRetentionPolicy');
  });
});
