import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, ActiveMqEventSource, RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion,
  RabbitMqEventSource,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

function consumer(stack: Stack, id = 'Consumer'): lambda.Function {
  return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') });
}

describe('ActiveMqEventSource', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new ActiveMqBroker(stack, 'Broker', {
    vpc,
    brokerName: 'orders',
    engineVersion: ActiveMqEngineVersion.V5_19,
    deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
    users: [{ username: 'orders-consumer' }],
  });
  const fn = consumer(stack);
  fn.addEventSource(new ActiveMqEventSource(broker, { queue: 'orders.in', batchSize: 10, maxBatchingWindow: Duration.seconds(5) }));
  const template = Template.fromStack(stack);

  test('one mapping: the broker ARN, the queue, the user\'s secret, the batching', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Broker'), 'Arn'] },
      Queues: ['orders.in'],
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 5,
      SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: { Ref: Match.stringLikeRegexp('^BrokerUserorderconsumer|^BrokerUserordersconsumer') } }],
    });
  });

  test('the role may describe this broker, read this secret, and manage the poller\'s network interfaces', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toEqual(expect.arrayContaining([
      expect.objectContaining({ Action: 'mq:DescribeBroker', Resource: stack.resolve(broker.brokerArn) }),
      expect.objectContaining({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: stack.resolve(broker.users[0].secret.secretArn) }),
      expect.objectContaining({ Action: expect.arrayContaining(['ec2:CreateNetworkInterface', 'ec2:DescribeVpcs']), Resource: '*' }),
    ]));
  });

  test('deletion order: the mapping goes before its network rules, and before the permissions its function holds', () => {
    const resources = template.toJSON().Resources;
    const mapping = Object.values<any>(resources).find((r) => r.Type === 'AWS::Lambda::EventSourceMapping')!;
    // CloudFormation deletes dependents first: the mapping depends on the broker's group and its rules...
    const groupResources = Object.keys(resources).filter((id) => /^BrokerSecurityGroup/.test(id));
    expect(groupResources.length).toBeGreaterThanOrEqual(3); // the group, the self ingress, the 443 egress (inline or separate)
    expect(mapping.DependsOn).toEqual(expect.arrayContaining(groupResources));
    // ...and names the function, which depends on the policy holding mq:DescribeBroker and the secret read.
    expect(mapping.Properties.FunctionName).toEqual({ Ref: expect.stringMatching(/^Consumer/) });
    const fnResource = resources[mapping.Properties.FunctionName.Ref];
    const policyId = Object.entries<any>(resources).find(([, r]) => r.Type === 'AWS::IAM::Policy'
      && JSON.stringify(r.Properties.PolicyDocument).includes('mq:DescribeBroker'))![0];
    expect(fnResource.DependsOn).toContain(policyId);
  });

  test('the broker\'s group admits itself on OpenWire (the poller uses the broker\'s subnets and groups)', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 61617,
      ToPort: 61617,
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BrokerSecurityGroup'), 'GroupId'] },
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BrokerSecurityGroup'), 'GroupId'] },
    });
  });
});

test('RabbitMqEventSource: the virtual host and the admin secret by default', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, brokerName: 'events', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE });
  consumer(stack).addEventSource(new RabbitMqEventSource(broker, { queue: 'jobs', virtualHost: 'orders' }));
  Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
    Queues: ['jobs'],
    SourceAccessConfigurations: [
      { Type: 'BASIC_AUTH', URI: { Ref: Match.stringLikeRegexp('^BrokerAdminSecret') } },
      { Type: 'VIRTUAL_HOST', URI: 'orders' },
    ],
  });
});

test.each<[string, object, string]>([
  ['a batch size above 10000', { queue: 'q', batchSize: 10_001 }, "'batchSize' 10001 is not allowed; allowed: a whole number from 1 to 10000 [MqEventSourceLimits]"],
  ['a batching window above 5 minutes', { queue: 'q', maxBatchingWindow: Duration.minutes(6) }, "'maxBatchingWindow' 6 minutes is not allowed; allowed: at most 5 minutes"],
  ['an empty queue name', { queue: '' }, "'queue' '' is not allowed; allowed: 1-1000 characters"],
  ['a virtual host event source mappings cannot name', { queue: 'q', virtualHost: 'orders east' }, "'virtualHost' 'orders east' is not allowed"],
])('rejects %s at synth', (_, props, message) => {
  const stack = new Stack();
  const broker = RabbitMqBroker.fromBrokerArn(stack, 'Imported', 'arn:aws:mq:us-east-1:123456789012:broker:events:b-1234');
  const credentials = secretsmanager.Secret.fromSecretNameV2(stack, 'Creds', 'mq-user');
  expect(() => consumer(stack).addEventSource(new RabbitMqEventSource(broker, { credentials, ...props } as never))).toThrow(message);
});

test('[MqEventSourceRegion] a function in another region than the broker is refused', () => {
  const stack = new Stack(new App(), 'West', { env: { region: 'us-west-2' } });
  const broker = RabbitMqBroker.fromBrokerArn(stack, 'Imported', 'arn:aws:mq:us-east-1:123456789012:broker:events:b-1234');
  const credentials = secretsmanager.Secret.fromSecretNameV2(stack, 'Creds', 'mq-user');
  expect(() => consumer(stack).addEventSource(new RabbitMqEventSource(broker, { queue: 'q', credentials })))
    .toThrow("the broker is in us-east-1 and the function in us-west-2; allowed: a function in the broker's region (event source mappings do not cross regions) [MqEventSourceRegion]");
  // Unknown regions are not refused.
  const agnostic = new Stack();
  const imported = RabbitMqBroker.fromBrokerArn(agnostic, 'Imported', 'arn:aws:mq:us-east-1:123456789012:broker:events:b-1234');
  expect(() => consumer(agnostic).addEventSource(new RabbitMqEventSource(imported, { queue: 'q', credentials: secretsmanager.Secret.fromSecretNameV2(agnostic, 'C', 'c') }))).not.toThrow();
});

test('one function consumes the same queue name in two virtual hosts, and queues that differ only in punctuation', () => {
  const stack = new Stack();
  const broker = RabbitMqBroker.fromBrokerArn(stack, 'Imported', 'arn:aws:mq:us-east-1:123456789012:broker:events:b-1234');
  const credentials = secretsmanager.Secret.fromSecretNameV2(stack, 'Creds', 'mq-user');
  const fn = consumer(stack);
  fn.addEventSource(new RabbitMqEventSource(broker, { queue: 'jobs', virtualHost: 'a', credentials }));
  fn.addEventSource(new RabbitMqEventSource(broker, { queue: 'jobs', virtualHost: 'b', credentials }));
  fn.addEventSource(new RabbitMqEventSource(broker, { queue: 'jo.bs', virtualHost: 'a', credentials }));
  const mappings = Template.fromStack(stack).findResources('AWS::Lambda::EventSourceMapping');
  expect(Object.values(mappings).map((m) => `${m.Properties.SourceAccessConfigurations[1].URI}/${m.Properties.Queues[0]}`).sort()).toEqual(['a/jo.bs', 'a/jobs', 'b/jobs']);
  // The first keeps the ID of earlier versions: its mapping is not replaced.
  expect(fn.node.children.filter((c) => c.node.id.startsWith('MqEventSource')).map((c) => c.node.id.replace(/^MqEventSource[A-Za-z0-9]*?Imported[A-F0-9]*/, ''))).toEqual(['jobs', expect.stringMatching(/^jobs-[0-9a-f]{8}$/), expect.stringMatching(/^jobs-[0-9a-f]{8}$/)]);
});

test('defaulted credentials (the RabbitMQ admin, the first ActiveMQ user) are a loud warning that names a user to give instead', () => {
  const { stack, vpc } = stackWithVpc();
  const rabbit = new RabbitMqBroker(stack, 'Rabbit', { vpc, brokerName: 'events', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE });
  const active = new ActiveMqBroker(stack, 'Active', { vpc, brokerName: 'orders', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE });
  consumer(stack, 'Jobs').addEventSource(new RabbitMqEventSource(rabbit, { queue: 'jobs', virtualHost: 'orders' }));
  consumer(stack, 'Orders').addEventSource(new ActiveMqEventSource(active, { queue: 'orders.in' }));
  const withOwnUser = consumer(stack, 'Own');
  withOwnUser.addEventSource(new RabbitMqEventSource(rabbit, { queue: 'jobs', virtualHost: 'orders', credentials: rabbit.addVirtualHost('orders').addUser('consumer', { permissions: { configure: '^$', write: '^$', read: '^jobs$' } }).secret }));
  const annotations = Annotations.fromStack(stack);
  annotations.hasWarning('/Test/Jobs', Match.stringLikeRegexp("RabbitMqEventSource has no 'credentials', so it signs in as the broker's admin .*: the function's role can read that password. .*credentials: broker.addVirtualHost\\('orders'\\).addUser\\('consumer'"));
  annotations.hasWarning('/Test/Orders', Match.stringLikeRegexp("ActiveMqEventSource has no 'credentials', so it signs in as the broker's first user 'admin'"));
  annotations.hasNoWarning('/Test/Own', Match.stringLikeRegexp('credentials'));
});

test('JavaScript callers that omit the props get the library\'s error, not a TypeError', () => {
  const stack = new Stack();
  const broker = RabbitMqBroker.fromBrokerArn(stack, 'Imported', 'arn:aws:mq:us-east-1:123456789012:broker:events:b-1234');
  const active = ActiveMqBroker.fromBrokerArn(stack, 'Active', 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-5678');
  expect(() => consumer(stack, 'A').addEventSource(new RabbitMqEventSource(broker, undefined as never))).toThrow("RabbitMqEventSource: 'props' is missing; allowed: an object with at least 'queue'");
  expect(() => consumer(stack, 'B').addEventSource(new ActiveMqEventSource(active, undefined as never))).toThrow("ActiveMqEventSource: 'props' is missing");
});

test('an imported broker needs credentials', () => {
  const stack = new Stack();
  const broker = ActiveMqBroker.fromBrokerArn(stack, 'Imported', 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-1234');
  expect(() => consumer(stack).addEventSource(new ActiveMqEventSource(broker, { queue: 'orders.in' }))).toThrow(
    "ActiveMqEventSource validation failed:\n  - 'credentials' is missing; allowed: a secret with username and password (required for imported brokers and brokers without users) [MqEventSourceCredentials]");
  const rabbit = RabbitMqBroker.fromBrokerArn(stack, 'Rabbit', 'arn:aws:mq:us-east-1:123456789012:broker:events:b-5678');
  expect(() => consumer(stack, 'Jobs').addEventSource(new RabbitMqEventSource(rabbit, { queue: 'jobs' }))).toThrow(
    "RabbitMqEventSource validation failed:\n  - 'credentials' is missing; allowed: a secret with username and password (required for imported brokers) [MqEventSourceCredentials]");
});

test('cdk-nag is clean on a function consuming a broker queue', () => {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'Nag', { env: { account: '123456789012', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  Validations.of(vpc).acknowledge({ id: 'AwsSolutions-VPC7', reason: 'test VPC' });
  const broker = new ActiveMqBroker(stack, 'Broker', { vpc, brokerName: 'orders', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE });
  const fn = consumer(stack);
  Validations.of(fn).acknowledge(
    // The test's own function, not the library's: its managed role and runtime are the caller's choices.
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'test function' },
    { id: 'AwsSolutions-L1', reason: 'test function' },
  );
  fn.addEventSource(new ActiveMqEventSource(broker, { queue: 'orders.in' }));
  expect(() => app.synth()).not.toThrow();
});
