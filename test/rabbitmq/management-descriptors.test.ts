import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqManagementObject, RabbitMqQueueType, RabbitMqVirtualHost } from '../../src';
import { identity } from '../../src/rabbitmq/management/management-handler';
import { MANAGEMENT_RULES, OBJECT_DESCRIPTORS } from '../../src/rabbitmq/management/objects/all-objects';
import { OBJECT_IDENTITY } from '../../src/rabbitmq/management/objects/object-kind';
import { stackWithVpc } from '../util/stacks';

const ARN = 'arn:aws:mq:us-east-1:123456789012:broker:events:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9';
const PERMS = { configure: '^$', write: '^$', read: '.*' };

describe('management objects on an imported broker', () => {
  test('an imported broker with its admin secret gets a virtual host and objects, in its VPC, admitted on 443', () => {
    const { stack, vpc } = stackWithVpc();
    const securityGroup = new ec2.SecurityGroup(stack, 'BrokerGroup', { vpc });
    const adminSecret = secretsmanager.Secret.fromSecretNameV2(stack, 'Admin', 'events-admin');
    const broker = RabbitMqBroker.fromBrokerAttributes(stack, 'Events', { brokerArn: ARN, adminSecret, vpc, securityGroups: [securityGroup], engineVersion: '4.2' });
    const vhost = new RabbitMqVirtualHost(stack, 'Orders', { broker, name: 'orders' });
    vhost.addQueue('orders.in');
    const template = Template.fromStack(stack);
    const objects = Object.values(template.findResources('Custom::AmazonMqRabbitMqObject'));
    expect(objects.map((o) => [o.Properties.Kind, o.Properties.Path, o.Properties.Endpoint])).toEqual([
      ['virtual host', '/api/vhosts/orders', 'https://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9.mq.us-east-1.amazonaws.com'],
      ['queue', '/api/queues/orders/orders.in', 'https://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9.mq.us-east-1.amazonaws.com'],
    ]);
    // The broker is not the stack's: its virtual host is kept when the app lets go.
    expect(Object.values(template.findResources('Custom::AmazonMqRabbitMqObject')).map((o) => o.Properties.OnDelete)).toEqual(['retain', 'retain']);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 443, GroupId: stack.resolve(securityGroup.securityGroupId) });
    const fn = Object.values(template.findResources('AWS::Lambda::Function')).find((f) => f.Properties.Description === 'Amazon MQ RabbitMQ management: OnEvent')!;
    expect(fn.Properties.VpcConfig.SubnetIds).toEqual(stack.resolve(vpc.privateSubnets.map((s) => s.subnetId)));
  });

  test('the rules know the imported broker\'s version: a 4.3-only refusal applies to an imported 4.3 broker', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
    const adminSecret = secretsmanager.Secret.fromSecretNameV2(stack, 'Admin', 'events-admin');
    const broker = RabbitMqBroker.fromBrokerAttributes(stack, 'Events', { brokerArn: ARN, adminSecret, engineVersion: '4.3' });
    const vhost = new RabbitMqVirtualHost(stack, 'Orders', { broker, name: 'orders' });
    expect(() => vhost.addQueue('t', { type: RabbitMqQueueType.CLASSIC, durable: false }))
      .toThrow("queue 't' durable false is not allowed with engineVersion '4.3'; allowed: a durable queue (RabbitMQ 4.3 refuses transient non-exclusive queues) [RabbitMqQueueArguments]");
  });

  test('without its admin secret, an imported broker refuses management objects, naming the attribute', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
    const broker = RabbitMqBroker.fromBrokerArn(stack, 'Events', ARN);
    expect(() => new RabbitMqVirtualHost(stack, 'Orders', { broker, name: 'orders' })).toThrow(/'adminSecret' is missing/);
    // Nothing half-built: the refused virtual host left no construct behind.
    expect(stack.node.tryFindChild('Orders')).toBeUndefined();
  });

  test('a broker of another library (no management access) is refused with the library\'s error', () => {
    const { stack, vpc } = stackWithVpc();
    const real = new RabbitMqBroker(stack, 'Broker', { vpc, engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE });
    const foreign = Object.create(real, { _managementHost: { value: undefined } });
    expect(() => new RabbitMqManagementObject(stack, 'Limits', { broker: foreign, pathSegments: ['vhost-limits', 'x', 'max-queues'], body: { value: 1 } }))
      .toThrow(/'broker' is not allowed: it has no management API access.*\[RabbitMqManagementBroker\]/);
  });
});

describe('one descriptor per object type', () => {
  test('every type has a kind with an identity, a distinct construct ID prefix, and rules the registry holds', () => {
    expect(OBJECT_DESCRIPTORS.map((d) => d.kind).sort()).toEqual(Object.keys(OBJECT_IDENTITY).sort());
    expect(new Set(OBJECT_DESCRIPTORS.map((d) => d.idPrefix)).size).toBe(OBJECT_DESCRIPTORS.length);
    const ids = MANAGEMENT_RULES.map((r) => r.id);
    expect(OBJECT_DESCRIPTORS.flatMap((d) => d.rules).every((r) => ids.includes(r.id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the handler identifies a binding by its kind, and an escape-hatch POST as a binding too', () => {
    const props = { Endpoint: 'https://b', AdminSecretArn: 'arn', Path: '/api/bindings/v/e/x/q/y', Body: JSON.stringify({ routing_key: 'k', arguments: { b: 1, a: 2 } }) };
    expect(identity({ ...props, Kind: 'binding', Method: 'POST' })).toBe('/api/bindings/v/e/x/q/y#["k",{"a":2,"b":1}]');
    expect(identity({ ...props, Kind: 'object', Method: 'POST' })).toBe('/api/bindings/v/e/x/q/y#["k",{"a":2,"b":1}]');
    expect(identity({ ...props, Kind: 'queue', Method: 'PUT' })).toBe('/api/bindings/v/e/x/q/y');
  });

  test('grant() twice for one user in one virtual host is refused (two resources would fight over one permission)', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new RabbitMqBroker(stack, 'Broker', { vpc, engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE });
    const vhost = broker.addVirtualHost('app');
    const user = vhost.addUser('app-user', { permissions: PERMS });
    const other = broker.addVirtualHost('other');
    other.grant(user, PERMS);
    expect(() => vhost.grant(user, PERMS)).toThrow("permissions of user 'app-user' are already defined in this virtual host; allowed: one addUser() or grant() per user and virtual host [RabbitMqObjectUnique]");
    expect(() => other.grant(user, PERMS)).toThrow(/\[RabbitMqObjectUnique\]/);
  });
});
