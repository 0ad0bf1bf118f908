import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  ActiveMqAuthentication, ActiveMqBroker, ActiveMqConfiguration, ActiveMqConfigurationData, ActiveMqDeploymentMode, ActiveMqDestination,
  ActiveMqEngineVersion, ActiveMqNetworkOfBrokers, ActiveMqNetworkTopology,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

const SINGLE = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE };
const PAIR = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ };

function hubAndSpokes(stack: Stack, vpc: ec2.IVpc) {
  const hub = new ActiveMqBroker(stack, 'Hub', { vpc, ...PAIR, brokerName: 'hub' });
  const east = new ActiveMqBroker(stack, 'East', { vpc, ...SINGLE, brokerName: 'east' });
  const west = new ActiveMqBroker(stack, 'West', { vpc, ...SINGLE, brokerName: 'west' });
  return { hub, east, west };
}

const decoded = (template: Template, description: RegExp) => Object.values(template.findResources('AWS::AmazonMQ::Configuration'))
  .filter((r) => description.test(r.Properties.Description)).map((r) => JSON.stringify(r.Properties.Data));

describe('hub and spokes, duplex', () => {
  const { stack, vpc } = stackWithVpc();
  const { hub, east, west } = hubAndSpokes(stack, vpc);
  const network = new ActiveMqNetworkOfBrokers(stack, 'Network', {
    brokers: [hub, east, west], topology: ActiveMqNetworkTopology.hubAndSpoke(hub), excludedDestinations: [ActiveMqDestination.queue('audit.>')],
  });
  const template = Template.fromStack(stack);
  const ids = (name: string) => Object.keys(template.findResources('AWS::AmazonMQ::Broker', { Properties: { BrokerName: name } }))[0];

  test('each spoke connects to the hub\'s pair with masterslave: over both instances, two hops, duplex, excluding audit.>', () => {
    expect(network.connections.map((c) => [c.fromBroker.brokerName, c.toBroker.brokerName])).toEqual([['east', 'hub'], ['west', 'hub']]);
    const [eastData] = decoded(template, /: Test\/East$/);
    const select = (i: number) => `{"Fn::Select":[${i},{"Fn::GetAtt":["${ids('hub')}","OpenWireEndpoints"]}]}`;
    expect(eastData).toContain(`name=\\"connector_to_hub\\" uri=\\"masterslave:(",${select(0)},",",${select(1)},")\\" userName=\\"network\\" duplex=\\"true\\" networkTTL=\\"2\\"`);
    expect(eastData).toContain('<excludedDestinations>\\n        <queue physicalName=\\"audit.>\\"/>');
    // The hub opens no connection, so it keeps Amazon MQ's default configuration.
    expect(network.configurationOf(hub)).toBeUndefined();
    expect(network.configurationOf(east)).toBeInstanceOf(ActiveMqConfiguration);
  });

  test('the configurations are associated after the brokers exist, and the brokers reboot to apply them', () => {
    const associations = Object.values(template.findResources('AWS::AmazonMQ::ConfigurationAssociation'));
    expect(associations.map((a) => a.Properties.Broker.Ref).sort()).toEqual([ids('east'), ids('west')].sort());
    const reboots = Object.values(template.findResources('Custom::AmazonMqBrokerReboot'));
    expect(reboots.map((r) => [r.Properties.BrokerId.Ref, r.Properties.RebootOnCreate])).toEqual(expect.arrayContaining([[ids('east'), 'true'], [ids('west'), 'true']]));
    // No broker names a configuration: the association is what avoids the cycle.
    expect(Object.values(template.findResources('AWS::AmazonMQ::Broker')).every((b) => b.Properties.Configuration === undefined)).toBe(true);
  });

  test('one network user with one secret on every broker, and OpenWire open from each spoke to the hub only', () => {
    const secretId = Object.keys(template.findResources('AWS::SecretsManager::Secret')).find((k) => k.startsWith('NetworkNetworkUser'))!;
    for (const name of ['hub', 'east', 'west']) {
      const users = Object.values(template.findResources('AWS::AmazonMQ::Broker', { Properties: { BrokerName: name } }))[0].Properties.Users;
      expect(JSON.stringify(users.find((u: { Username: string }) => u.Username === 'network').Password)).toContain(secretId);
    }
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress'))
      .filter((r) => r.Properties.FromPort === 61617 && /Network connector/.test(r.Properties.Description));
    expect(ingress.map((r) => r.Properties.Description).sort()).toEqual([
      'Network connector from Test/East to Test/Hub', 'Network connector from Test/West to Test/Hub',
    ]);
  });
});

test('a mesh without duplex gives each broker one connector to every other, one hop', () => {
  const { stack, vpc } = stackWithVpc();
  const { hub, east, west } = hubAndSpokes(stack, vpc);
  const network = new ActiveMqNetworkOfBrokers(stack, 'Mesh', { brokers: [hub, east, west], duplex: false });
  expect(network.connections.map((c) => `${c.fromBroker.brokerName}>${c.toBroker.brokerName}`)).toEqual(['hub>east', 'east>hub', 'hub>west', 'west>hub', 'east>west', 'west>east']);
  const template = Template.fromStack(stack);
  const [eastData] = decoded(template, /: Test\/East$/);
  expect(eastData.match(/<networkConnector /g)).toHaveLength(2);
  expect(eastData).toContain('connector_to_hub');
  expect(eastData).toContain('connector_to_west');
  expect(eastData).toContain('duplex=\\"false\\" networkTTL=\\"1\\"');
  expect(template.findResources('AWS::AmazonMQ::ConfigurationAssociation')).not.toEqual({});
});

describe('rules', () => {
  test.each<[string, (stack: Stack, vpc: ec2.IVpc) => ActiveMqBroker[] | [ActiveMqBroker[], ActiveMqNetworkTopology], string]>([
    ['ActiveMqNetworkMembers', (stack, vpc) => [new ActiveMqBroker(stack, 'Only', { vpc, ...SINGLE, brokerName: 'only' })], "'brokers' has 1 distinct broker(s); allowed: at least 2"],
    ['ActiveMqNetworkMembers', (stack, vpc) => {
      const { hub, east, west } = hubAndSpokes(stack, vpc);
      return [[east, west], ActiveMqNetworkTopology.hubAndSpoke(hub)];
    }, "'topology' hub Test/Hub is not in 'brokers'; allowed: one of the brokers"],
    ['ActiveMqNetworkSimpleAuthentication', (stack, vpc) => [
      new ActiveMqBroker(stack, 'A', { vpc, ...SINGLE, brokerName: 'a' }),
      new ActiveMqBroker(stack, 'Ldap', {
        vpc,
        ...SINGLE,
        brokerName: 'ldap',
        authentication: ActiveMqAuthentication.ldap({
          hosts: ['ldap.example.com'],
          userBase: 'ou=u,dc=x',
          userSearchMatching: '(uid={0})',
          roleBase: 'ou=g,dc=x',
          roleSearchMatching: '(member={0})',
          serviceAccountUsername: 'cn=svc',
          serviceAccountPassword: new secretsmanager.Secret(stack, 'S'),
        }),
      }),
    ], "'brokers' member Test/Ldap uses LDAP authentication; allowed: SIMPLE, so the network user can be added to it"],
    ['ActiveMqNetworkOwnConfiguration', (stack, vpc) => [
      new ActiveMqBroker(stack, 'A', { vpc, ...SINGLE, brokerName: 'a' }),
      new ActiveMqBroker(stack, 'B', {
        vpc,
        ...SINGLE,
        brokerName: 'b',
        configuration: new ActiveMqConfiguration(stack, 'C', { engineVersion: ActiveMqEngineVersion.V5_19, data: ActiveMqConfigurationData.fromModel({}) }),
      }),
    ], "'brokers' member Test/B sets 'configuration'; allowed: a broker without it"],
    ['ActiveMqNetworkConnectorLimit', (stack, vpc) => Array.from({ length: 22 }, (_, i) => new ActiveMqBroker(stack, `B${i}`, { vpc, ...SINGLE, brokerName: `b${i}` })),
      'member Test/B0 would hold 21 network connectors; allowed: at most 20'],
  ])('%s', (_, members, message) => {
    const { stack, vpc } = stackWithVpc();
    const made = members(stack, vpc);
    const [brokers, topology] = Array.isArray(made[0]) ? made as [ActiveMqBroker[], ActiveMqNetworkTopology] : [made as ActiveMqBroker[], undefined];
    expect(() => new ActiveMqNetworkOfBrokers(stack, 'Network', { brokers, topology })).toThrow(message);
    // Nothing half-built: no user was added before the rules ran.
    expect(stack.node.tryFindChild('Network')?.node.children.length ?? 0).toBe(0);
  });

  test.each([0, -1, 1.5])('[ActiveMqNetworkTtl] networkTtl %s is refused', (networkTtl) => {
    const { stack, vpc } = stackWithVpc();
    const brokers = ['a', 'b'].map((name) => new ActiveMqBroker(stack, name, { vpc, ...SINGLE, brokerName: name }));
    expect(() => new ActiveMqNetworkOfBrokers(stack, 'Network', { brokers, networkTtl }))
      .toThrow(`'networkTtl' ${networkTtl} is not allowed; allowed: a whole number of hops, 1 or more [ActiveMqNetworkTtl]`);
  });

  test('[ActiveMqNetworkEnvironment] brokers of two regions are refused', () => {
    const app = new App();
    const east = new Stack(app, 'East', { env: { account: '123456789012', region: 'us-east-1' } });
    const west = new Stack(app, 'West', { env: { account: '123456789012', region: 'us-west-2' } });
    const a = new ActiveMqBroker(east, 'A', { ...SINGLE, publiclyAccessible: true, brokerName: 'a' });
    const b = new ActiveMqBroker(west, 'B', { ...SINGLE, publiclyAccessible: true, brokerName: 'b' });
    expect(() => new ActiveMqNetworkOfBrokers(east, 'Network', { brokers: [a, b] }))
      .toThrow("'brokers' span regions us-east-1, us-west-2; allowed: brokers in one account and region");
  });

  test('[ActiveMqNetworkEnvironment] regions are compared when accounts are unknown (`env: { region }`)', () => {
    const app = new App();
    const east = new Stack(app, 'East', { env: { region: 'us-east-1' } });
    const west = new Stack(app, 'West', { env: { region: 'us-west-2' } });
    const a = new ActiveMqBroker(east, 'A', { ...SINGLE, publiclyAccessible: true, brokerName: 'a' });
    const b = new ActiveMqBroker(west, 'B', { ...SINGLE, publiclyAccessible: true, brokerName: 'b' });
    expect(() => new ActiveMqNetworkOfBrokers(east, 'Network', { brokers: [a, b] }))
      .toThrow("'brokers' span regions us-east-1, us-west-2; allowed: brokers in one account and region (cross-region is CRDR: ActiveMqBroker replicaOf) [ActiveMqNetworkEnvironment]");
  });

  test('[ActiveMqNetworkOneStack] members in another stack of the same environment are refused (they would form a dependency cycle)', () => {
    const app = new App();
    const env = { account: '123456789012', region: 'us-east-1' };
    const network = new Stack(app, 'Network', { env });
    const other = new Stack(app, 'Other', { env });
    const a = new ActiveMqBroker(network, 'A', { ...SINGLE, publiclyAccessible: true, brokerName: 'a' });
    const b = new ActiveMqBroker(other, 'B', { ...SINGLE, publiclyAccessible: true, brokerName: 'b' });
    expect(() => new ActiveMqNetworkOfBrokers(network, 'Network', { brokers: [a, b] }))
      .toThrow("'brokers' Other/B is not in the network's stack Network; allowed: brokers of the stack the ActiveMqNetworkOfBrokers is in");
    // The app still synthesizes: nothing of the network was left behind.
    expect(() => app.synth()).not.toThrow();
  });
});

test('cdk-nag is clean on a hub-and-spoke network', () => {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'Nag', { env: { account: '123456789012', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'b', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }], flowLogs: { all: {} } });
  const { hub, east, west } = hubAndSpokes(stack, vpc);
  new ActiveMqNetworkOfBrokers(stack, 'Network', { brokers: [hub, east, west], topology: ActiveMqNetworkTopology.hubAndSpoke(hub) });
  expect(() => app.synth()).not.toThrow();
});
