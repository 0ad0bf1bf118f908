import { App, CfnParameter, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  BrokerInstanceType, RabbitMqBroker, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqDeploymentMode, RabbitMqEngineVersion,
  RabbitMqExchangeType, RabbitMqManagementObject, RabbitMqPolicyApplyTo, RabbitMqQueueType, RabbitMqVirtualHost,
} from '../../src';
import { onEvent, redact } from '../../src/rabbitmq/management/management-handler';
import { MANAGEMENT_RULES } from '../../src/rabbitmq/management/objects/all-objects';
import { stackWithVpc } from '../util/stacks';

const RMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ, brokerName: 'events' };
const PERMS = { configure: '^app\\.', write: '^app\\.', read: '^app\\.' };

function brokerWithVhost() {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
  const vhost = broker.addVirtualHost('app');
  return { stack, vpc, broker, vhost };
}

describe('the management provider', () => {
  const { stack, broker, vhost } = brokerWithVhost();
  const user = vhost.addUser('app-user', { permissions: PERMS });
  vhost.addQueue('app.in');
  const template = Template.fromStack(stack);

  test('one function per broker, in the broker\'s subnets, with a security group the broker admits on 443', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'))
      .filter((f) => f.Properties.Description === 'Amazon MQ RabbitMQ management: OnEvent');
    expect(functions).toHaveLength(1);
    const [fn] = functions;
    expect(fn.Properties.Runtime).toBe('nodejs24.x');
    const brokerSubnets = Object.values(template.findResources('AWS::AmazonMQ::Broker'))[0].Properties.SubnetIds;
    expect(fn.Properties.VpcConfig.SubnetIds).toEqual(brokerSubnets);
    const clientGroup = fn.Properties.VpcConfig.SecurityGroupIds[0]['Fn::GetAtt'][0];
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 443,
      ToPort: 443,
      SourceSecurityGroupId: { 'Fn::GetAtt': [clientGroup, 'GroupId'] },
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BrokerSecurityGroup'), 'GroupId'] },
    });
  });

  test('the function reads exactly the admin and user secrets, never `*`', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Action: string | string[] }) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
    expect(statements.map((s: { Resource: unknown }) => s.Resource)).toEqual(expect.arrayContaining([
      stack.resolve(broker.adminSecret!.secretArn), stack.resolve(user.secret.secretArn),
    ]));
    expect(statements.every((s: { Resource: unknown }) => s.Resource !== '*')).toBe(true);
  });

  test('custom resources hold the endpoint, secret ARNs and markers, never a password', () => {
    const objects = template.findResources('Custom::AmazonMqRabbitMqObject');
    expect(Object.keys(objects)).toHaveLength(4); // vhost, user, permissions, queue
    const userObject = Object.values(objects).find((o) => o.Properties.Kind === 'user')!;
    expect(userObject.Properties).toMatchObject({
      Path: '/api/users/app-user',
      Body: '{"password":"{{secret:0:password}}","tags":""}',
      Secrets: [stack.resolve(user.secret.secretArn)],
      Endpoint: { 'Fn::Select': [0, { 'Fn::GetAtt': [expect.stringMatching(/^Broker/), 'ConsoleURLs'] }] },
    });
    expect(JSON.stringify(objects)).not.toContain('resolve:secretsmanager');
  });

  test('queues are retained by default, and so is their virtual host (deleting it would delete them)', () => {
    const objects = Object.values(template.findResources('Custom::AmazonMqRabbitMqObject'));
    expect(objects.find((o) => o.Properties.Kind === 'queue')!.Properties.OnDelete).toBe('retain');
    expect(objects.find((o) => o.Properties.Kind === 'virtual host')!.Properties.OnDelete).toBe('retain');
    expect(objects.find((o) => o.Properties.Kind === 'user')!.Properties.OnDelete).toBe('delete');
  });

  test('objects wait for their virtual host; permissions for their user', () => {
    const objects = template.findResources('Custom::AmazonMqRabbitMqObject');
    const idOf = (kind: string) => Object.entries(objects).find(([, o]) => o.Properties.Kind === kind)![0];
    expect(objects[idOf('queue')].DependsOn).toEqual(expect.arrayContaining([idOf('virtual host')]));
    expect(objects[idOf('permissions')].DependsOn).toEqual(expect.arrayContaining([idOf('user'), idOf('virtual host')]));
  });
});

test('virtual hosts follow the broker\'s removal policy, or their own; `/` is never deleted; each is kept while it holds queues', () => {
  // Before: a virtual host whose queues were all DESTROY was deleted with the stack, although its broker was retained.
  const { stack, broker, vhost } = brokerWithVhost();
  vhost.addQueue('app.tmp', { removalPolicy: RemovalPolicy.DESTROY });
  broker.addVirtualHost('/').addExchange('app.events', { type: RabbitMqExchangeType.TOPIC });
  broker.addVirtualHost('scratch', { removalPolicy: RemovalPolicy.DESTROY });
  const destroyed = new RabbitMqBroker(stack, 'Temporary', { ...RMQ, brokerName: 'temporary', vpc: new ec2.Vpc(stack, 'Vpc2', { maxAzs: 3, natGateways: 0 }), removalPolicy: RemovalPolicy.DESTROY });
  destroyed.addVirtualHost('app');
  const objects = Object.values(Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject'));
  const vhosts = objects.filter((o) => o.Properties.Kind === 'virtual host').map((o) => [o.Properties.Path, o.Properties.OnDelete, o.Properties.KeepIfQueuesIn]);
  expect(vhosts).toEqual([
    ['/api/vhosts/app', 'retain', '/api/queues/app'], ['/api/vhosts/%2F', 'retain', '/api/queues/%2F'],
    ['/api/vhosts/scratch', 'delete', '/api/queues/scratch'], ['/api/vhosts/app', 'delete', '/api/queues/app'],
  ]);
});

test('a public broker\'s management function runs outside any VPC', () => {
  const stack = new Stack();
  const broker = new RabbitMqBroker(stack, 'Broker', { ...RMQ, publiclyAccessible: true });
  broker.addVirtualHost('app');
  const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))
    .find((f) => f.Properties.Description === 'Amazon MQ RabbitMQ management: OnEvent')!;
  expect(fn.Properties.VpcConfig).toBeUndefined();
});

test('shovel and federation credentials are markers filled at deploy time from the secrets', () => {
  const { stack, vhost } = brokerWithVhost();
  const remote = secretsmanager.Secret.fromSecretNameV2(stack, 'Remote', 'remote-user');
  vhost.addShovel('out', { source: { queue: 'app.out' }, destination: { uri: 'amqps://b-1.mq.eu-west-1.amazonaws.com:5671/app', credentials: remote, exchange: 'in' } });
  vhost.addFederationUpstream('eu', { uri: 'amqps://b-2.mq.eu-west-1.amazonaws.com:5671', credentials: remote });
  const objects = Object.values(Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject'));
  const shovel = JSON.parse(objects.find((o) => o.Properties.Kind === 'shovel')!.Properties.Body);
  expect(shovel.value).toEqual({
    'src-uri': 'amqp:///app',
    'src-queue': 'app.out',
    'dest-uri': 'amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@b-1.mq.eu-west-1.amazonaws.com:5671/app',
    'dest-exchange': 'in',
    'ack-mode': 'on-confirm',
  });
  const upstream = JSON.parse(objects.find((o) => o.Properties.Kind === 'federation upstream')!.Properties.Body);
  expect(upstream.value.uri).toBe('amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@b-2.mq.eu-west-1.amazonaws.com:5671');
});

test('the raw escape hatch applies any management API object', () => {
  const { stack, broker } = brokerWithVhost();
  new RabbitMqManagementObject(stack, 'Limits', { broker, pathSegments: ['vhost-limits', 'app', 'max-queues'], body: { value: 500 } });
  Template.fromStack(stack).hasResourceProperties('Custom::AmazonMqRabbitMqObject', { Path: '/api/vhost-limits/app/max-queues', Body: '{"value":500}', OnDelete: 'delete' });
  expect(() => new RabbitMqManagementObject(stack, 'Bad', { broker, pathSegments: ['queues', ''] })).toThrow(/'pathSegments' \['queues', ''\] is not allowed.*\[RabbitMqObjectPath\]/);
  expect(stack.node.tryFindChild('Bad')).toBeUndefined();
  expect(() => new RabbitMqManagementObject(stack, 'Verb', { broker, pathSegments: ['x'], method: 'DELETE' })).toThrow("'method' 'DELETE' is not allowed; allowed: PUT, POST [RabbitMqObjectMethod]");
});

/** One failing input per management rule, with its exact message. */
const CASES: Array<[string, (v: RabbitMqVirtualHost, stack: Stack) => void, string]> = [
  ['RabbitMqObjectPropKinds', (v) => v.addQueue('orders.in', { deliveryLimit: '5' } as any), "'deliveryLimit' '5' (a string) is not allowed; allowed: a number of deliveries"],
  ['RabbitMqObjectName', (v) => v.addQueue('amq.orders'), "queue name 'amq.orders' is not allowed; allowed: a name not starting with 'amq.' (reserved by RabbitMQ)"],
  ['RabbitMqObjectUnique', (v) => {
    v.addQueue('app.in');
    v.addQueue('app.in');
  }, "queue 'app.in' is already defined in this virtual host; allowed: each queue once"],
  ['RabbitMqPermissionPatterns', (v) => v.addUser('app-user', { permissions: { ...PERMS, read: '([' } }),
    "'permissions.read' '([' is not a regular expression"],
  ['RabbitMqQueueArguments', (v) => v.addQueue('app.in', { type: RabbitMqQueueType.QUORUM, durable: false }),
    "queue 'app.in' durable false is not allowed with type quorum; allowed: durable (quorum queues are always durable), or type classic"],
  ['RabbitMqQueueTuning', (v) => v.addQueue('app.in', { messageTtl: Duration.seconds(1), arguments: { 'x-message-ttl': 1000 } }),
    "queue 'app.in' messageTtl and arguments['x-message-ttl'] both set 'message-ttl', which is ambiguous; allowed: one of them"],
  ['RabbitMqQueueDeleteIf', (v) => v.addQueue('app.in', { deleteIfEmpty: true }),
    "queue 'app.in' deleteIfEmpty true is not allowed with removalPolicy retain (the default for queues); allowed: removalPolicy DESTROY with it"],
  ['RabbitMqBindingEnds', (v) => v.addBinding({ source: 'app.events', destinationQueue: 'app.in', destinationExchange: 'app.other' }),
    "binding from 'app.events' names two destinations; allowed: exactly one of destinationQueue or destinationExchange"],
  ['RabbitMqPolicyDefinition', (v) => v.addPolicy('ttl', { pattern: '^app', definition: {} }),
    "policy 'ttl' definition is empty; allowed: one or more keys"],
  ['RabbitMqOperatorPolicyConfiguration', (_v, stack) => {
    const n = stack.node.children.length;
    const configuration = new RabbitMqConfiguration(stack, `Defaults${n}`, {
      engineVersion: RabbitMqEngineVersion.V4_2, data: RabbitMqConfigurationData.fromSettings({ heartbeat: Duration.seconds(120) }),
    });
    const broker = new RabbitMqBroker(stack, `Configured${n}`, { ...RMQ, brokerName: `configured${n}`, vpc: stack.node.findChild('Vpc') as ec2.Vpc, configuration });
    broker.addVirtualHost('app').addOperatorPolicy('limits', { pattern: '.*', definition: { 'max-length': 1000 } });
  }, "operator policy 'limits' cannot be applied: the broker's configuration does not set 'management.restrictions.operator_policy_changes.disabled = false'"],
  ['RabbitMqOperatorPolicyApplyTo', (v) => v.addOperatorPolicy('limits', { pattern: '.*', definition: { 'max-length': 1 }, applyTo: RabbitMqPolicyApplyTo.EXCHANGES }),
    "operator policy 'limits' applyTo 'exchanges' is not allowed; allowed: QUEUES, CLASSIC_QUEUES or QUORUM_QUEUES"],
  ['RabbitMqExchangeType', (v) => v.addExchange('app.x', { type: 'x-delayed-message' as RabbitMqExchangeType }),
    "exchange 'app.x' type 'x-delayed-message' is not allowed; allowed: direct, fanout, topic, headers, x-consistent-hash, x-jms-topic"],
  ['RabbitMqReservedUser', (v) => v.addUser('admin', { permissions: PERMS }),
    "user name 'admin' is not allowed: it is the broker's admin user, and redefining it resets its password and tags"],
  ['RabbitMqUserTags', (v) => v.addUser('app-user', { permissions: PERMS, tags: ['management,administrator'] }),
    "user 'app-user' tag 'management,administrator' is not allowed; allowed: one of administrator, monitoring, policymaker, management, impersonator per entry"],
  ['RabbitMqShovelAckMode', (v) => v.addShovel('out', { source: { queue: 'a' }, destination: { queue: 'c' }, ackMode: 'on_confirm' }),
    "shovel 'out' ackMode 'on_confirm' is not allowed; allowed: on-confirm, on-publish, no-ack"],
  ['RabbitMqShovelEnds', (v) => v.addShovel('out', { source: { queue: 'a', exchange: 'b' }, destination: { queue: 'c' } }),
    "'source' names both a queue and an exchange; allowed: exactly one of queue or exchange"],
  ['RabbitMqVirtualHostMetadata', (v) => (v.node.scope as RabbitMqBroker).addVirtualHost('tagged', { tags: ['a,b'] }),
    "virtual host 'tagged' tag 'a,b' is not allowed; allowed: a non-empty tag without commas or surrounding spaces, one per entry"],
  ['RabbitMqLimits', (v) => v.addUser('app-user', { permissions: PERMS, limits: { maxChannels: 1.5 } }),
    "user 'app-user' limit max-channels 1.5 is not allowed; allowed: a whole number, 0 or more (leave it out for no limit)"],
  ['RabbitMqQueueLimit', (v) => {
    const vhost = (v.node.scope as RabbitMqBroker).addVirtualHost('small', { limits: { maxQueues: 1 } });
    vhost.addQueue('small.a');
    vhost.addQueue('small.b');
  }, "queue 'small.b' is one more than the virtual host's limits.maxQueues 1 (it declares 1 already); allowed: at most 1 queues, or a higher maxQueues"],
  ['RabbitMqTopicPermissions', (v) => v.grantTopic(v.addUser('app-user', { permissions: PERMS }), { exchange: 'amq.direct', write: '.*', read: '.*' }),
    "topic permissions of user 'app-user' on exchange 'amq.direct' (type direct) are not allowed; allowed: a topic exchange (RabbitMQ checks topic permissions on topic exchanges only)"],
  ['RabbitMqShovelSettings', (v) => v.addShovel('out', { source: { queue: 'a' }, destination: { queue: 'c' }, prefetchCount: 70000 }),
    "shovel 'out' prefetchCount 70000 is not allowed; allowed: a whole number from 1 to 65535"],
  ['RabbitMqFederationUpstreamSettings', (v) => v.addFederationUpstream('eu', {
    uri: 'amqps://b-2.mq.eu-west-1.amazonaws.com:5671', credentials: secretsmanager.Secret.fromSecretNameV2(v, 'Eu', 'eu'), maxHops: 0,
  }), "federation upstream 'eu' maxHops 0 is not allowed; allowed: a whole number, 1 or more"],
  ['RabbitMqExchangeArguments', (v) => v.addExchange('app.hash', { type: RabbitMqExchangeType.CONSISTENT_HASH, arguments: { 'hash-property': 'priority' } }),
    "exchange 'app.hash' argument hash-property \"priority\" is not allowed; allowed: message_id, correlation_id, timestamp"],
  ['RabbitMqConsistentHashWeight', (v) => {
    v.addExchange('app.hash', { type: RabbitMqExchangeType.CONSISTENT_HASH });
    v.addBinding({ source: 'app.hash', destinationQueue: 'app.a' });
  }, "binding from consistent hash exchange 'app.hash' routingKey '' is not allowed; allowed: the destination's weight, a whole number of 1 or more, such as '1'"],
];

describe.each(CASES)('rule %s', (ruleId, act, message) => {
  test('fails at synth with the exact message, naming the virtual host', () => {
    const { vhost, stack } = brokerWithVhost();
    expect(() => act(vhost, stack)).toThrow(message);
    expect(() => act(brokerWithVhost().vhost, stack)).toThrow(`[${ruleId}]`);
  });
});

test('every management rule has a failing case above', () => {
  expect(MANAGEMENT_RULES.map((r) => r.id).filter((id) => !CASES.some(([c]) => c === id))).toEqual([]);
});

test.each<[string, (v: RabbitMqVirtualHost) => void, string]>([
  ['a stream queue (Amazon MQ does not support streams)', (v) => v.addQueue('app.log', { arguments: { 'x-queue-type': 'stream' } }), "queue 'app.log' type 'stream' is not allowed"],
  ['a delivery limit on a classic queue', (v) => v.addQueue('app.c', { type: RabbitMqQueueType.CLASSIC, deliveryLimit: 3 }), "queue 'app.c' deliveryLimit is not allowed with type classic"],
  ['priorities on a quorum queue', (v) => v.addQueue('app.p', { arguments: { 'x-max-priority': 10 } }), "argument 'x-max-priority' is not allowed with type quorum"],
  ['a negative max length', (v) => v.addQueue('app.n', { maxLength: -1 }), "queue 'app.n' maxLength -1 is not allowed"],
  ['the guest user', (v) => v.addUser('guest', { permissions: PERMS }), "user name 'guest' is not allowed"],
  ['a binding from the default exchange', (v) => v.addBinding({ source: '', destinationQueue: 'app.in' }), "binding 'source' '' (the default exchange) is not allowed"],
  ['credentials in a remote URI', (v) => v.addFederationUpstream('eu', { uri: 'amqps://u:p@host', credentials: secretsmanager.Secret.fromSecretNameV2(v, 'S', 's') }),
    "'uri' 'amqps://u:p@host' is not allowed; allowed: amqps://host[:port][/vhost] without credentials"],
  ['a remote shovel end without credentials', (v) => v.addShovel('s', { source: { queue: 'a' }, destination: { uri: 'amqps://host', queue: 'b' } }),
    "'destination.credentials' is missing"],
])('rejects %s', (_, act, message) => {
  expect(() => act(brokerWithVhost().vhost)).toThrow(message);
});

test('a second user with the same name in another virtual host is refused; grant() gives permissions there', () => {
  const { broker, vhost, stack } = brokerWithVhost();
  const user = vhost.addUser('app-user', { permissions: PERMS });
  const other = broker.addVirtualHost('other');
  other.grant(user, { configure: '^$', write: '^$', read: '.*' });
  expect(() => other.addUser('app-user', { permissions: PERMS }))
    .toThrow("user 'app-user' is already defined on this broker (users are broker-wide); allowed: each user once, and grant() for its permissions in other virtual hosts");
  const objects = Object.values(Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject'));
  expect(objects.filter((o) => o.Properties.Kind === 'permissions').map((o) => o.Properties.Path).sort())
    .toEqual(['/api/permissions/app/app-user', '/api/permissions/other/app-user']);
});

test('values known only at deploy time are not rejected, and reach the body as references', () => {
  const { vhost, stack } = brokerWithVhost();
  const maxLength = new CfnParameter(stack, 'MaxLength', { type: 'Number' }).valueAsNumber;
  const pattern = new CfnParameter(stack, 'Pattern').valueAsString;
  vhost.addQueue('app.t', { messageTtl: Duration.seconds(60), maxLength });
  vhost.addPolicy('p', { pattern, definition: { 'max-length': maxLength } });
  const bodies = JSON.stringify(Object.values(Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject')).map((o) => o.Properties.Body));
  expect(bodies).toContain('{"Ref":"MaxLength"}');
  expect(bodies).toContain('{"Ref":"Pattern"}');
});

test('cdk-nag is clean on a broker with a virtual host and its objects', () => {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'Nag', { env: { account: '123456789012', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  Validations.of(vpc).acknowledge({ id: 'AwsSolutions-VPC7', reason: 'test VPC' });
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
  const vhost = broker.addVirtualHost('app');
  vhost.addUser('app-user', { permissions: PERMS });
  vhost.addQueue('app.in');
  expect(() => app.synth()).not.toThrow();
});

describe('the management handler\'s retries and messages (fetch replaced)', () => {
  const props = { Endpoint: 'https://b-1.mq.eu-west-1.amazonaws.com/', AdminSecretArn: 'admin', Kind: 'queue', Path: '/api/queues/app/app.in', Body: '{"durable":true}' };
  const secret = async () => ({ username: 'admin', password: 'pw' });

  test('a 5xx or a network error is retried, then the call succeeds', async () => {
    const calls: string[] = [];
    let failures = 2;
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url}`);
      if (failures-- > 0) {
        if (failures === 1) {
          throw new Error('ECONNRESET');
        }
        return new Response('{"error":"busy"}', { status: 503 });
      }
      return new Response(null, { status: 201 });
    }) as unknown as typeof globalThis.fetch;
    await expect(onEvent({ RequestType: 'Create', ResourceProperties: props }, { secret, fetch, sleep: async () => {} }))
      .resolves.toEqual({ PhysicalResourceId: '/api/queues/app/app.in' });
    expect(calls).toEqual(Array(3).fill('PUT https://b-1.mq.eu-west-1.amazonaws.com/api/queues/app/app.in'));
  });

  test('an unreachable API names the network path to check', async () => {
    const fetch = (async () => {
      throw new Error('connect ETIMEDOUT');
    }) as unknown as typeof globalThis.fetch;
    await expect(onEvent({ RequestType: 'Create', ResourceProperties: props }, { secret, fetch, sleep: async () => {} }))
      .rejects.toThrow("RabbitMQ management API at https://b-1.mq.eu-west-1.amazonaws.com unreachable: connect ETIMEDOUT (is the function in the broker's VPC, and does the broker's security group allow it on 443?)");
  });

  test('a wrong admin secret says so', async () => {
    const fetch = (async () => new Response('{"error":"not_authorized","reason":"Login failed"}', { status: 401 })) as unknown as typeof globalThis.fetch;
    await expect(onEvent({ RequestType: 'Create', ResourceProperties: props }, { secret, fetch, sleep: async () => {} }))
      .rejects.toThrow("queue /api/queues/app/app.in: RabbitMQ answered 401: Login failed. The admin secret does not match the broker's admin user.");
  });
});

test('virtual hosts and queues beyond the limits in force fail at synth (mq.m7g.medium: 10 virtual hosts; a configured cluster_queue_limit)', () => {
  const { app, stack, vpc } = stackWithVpc();
  const medium = new RabbitMqBroker(stack, 'Medium', {
    vpc,
    brokerName: 'medium',
    engineVersion: RabbitMqEngineVersion.V4_2,
    deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
    instanceType: BrokerInstanceType.M7G_MEDIUM,
  });
  for (let i = 0; i < 10; i++) {
    medium.addVirtualHost(`tenant${i}`);
  }
  const limited = new RabbitMqBroker(stack, 'Limited', {
    vpc,
    ...RMQ,
    brokerName: 'limited',
    configuration: new RabbitMqConfiguration(stack, 'Conf', { engineVersion: RabbitMqEngineVersion.V4_2, data: RabbitMqConfigurationData.fromSettings({ clusterQueueLimit: 2 }) }),
  });
  const vhost = limited.addVirtualHost('app');
  ['a', 'b', 'c'].forEach((q) => vhost.addQueue(`app.${q}`));
  expect(() => app.synth()).toThrow(/Test\/Medium[\s\S]*addVirtualHost\(\) defines 11 virtual hosts \(with '\/'\); allowed: at most 10 \(vhost_max\) on mq.m7g.medium SINGLE_INSTANCE \[RabbitMqManagementLimits\]/);
  expect(() => app.synth()).toThrow(/Test\/Limited[\s\S]*addQueue\(\) defines 3 queues; allowed: at most 2 \(cluster_queue_limit\)/);
});

test('errors hide every secret the handler filled in, raw, URI-encoded or HTML-escaped, and URI credentials', () => {
  const message = redact('invalid uri "amqps://partner:p%40ss%2Fword@host:99999" or p@ss/word or amqp://x:y@h &lt;p@ss/word&gt;', ['p@ss/word']);
  expect(message).toBe('invalid uri "amqps://***:***@host:99999" or *** or amqp://***:***@h <***>');
});

test.each([
  ['amqps://b-2.mq.eu-west-1.amazonaws.com:99999', 'port 99999 is not allowed; allowed: a port from 1 to 65535'],
  ['amqps://b-2.mq.eu-west-1.amazonaws.com:5671/%zz', "has a '%' that is not a percent-encoded byte"],
])('a remote URI RabbitMQ would refuse (quoting it with credentials) fails at synth: %s', (uri, message) => {
  const { stack, vhost } = brokerWithVhost();
  const remote = secretsmanager.Secret.fromSecretNameV2(stack, 'Remote', 'remote-user');
  expect(() => vhost.addFederationUpstream('eu', { uri, credentials: remote })).toThrow(message);
});
