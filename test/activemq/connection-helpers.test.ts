import { Stack, Token } from 'aws-cdk-lib';
import {
  ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, ActiveMqProtocol, BrokerProtocol, RabbitMqBroker, RabbitMqDeploymentMode,
  RabbitMqEngineVersion,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

function broker(deploymentMode: ActiveMqDeploymentMode) {
  const { stack, vpc } = stackWithVpc();
  return { stack, broker: new ActiveMqBroker(stack, 'Broker', { vpc, brokerName: 'orders', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode }) };
}

const select = (i: number, attribute: string) => ({ 'Fn::Select': [i, { 'Fn::GetAtt': [expect.stringMatching(/^Broker/), attribute] }] });

test('an active/standby pair gives a failover URL over both instances', () => {
  const { stack, broker: pair } = broker(ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ);
  expect(stack.resolve(pair.failoverUrl())).toEqual({
    'Fn::Join': ['', ['failover:(', select(0, 'OpenWireEndpoints'), ',', select(1, 'OpenWireEndpoints'), ')']],
  });
  expect(stack.resolve(pair.failoverUrl(ActiveMqProtocol.AMQP))['Fn::Join'][1][1]).toEqual(select(0, 'AmqpEndpoints'));
  expect(stack.resolve(pair.endpoint(ActiveMqProtocol.STOMP, 2))).toEqual(select(1, 'StompEndpoints'));
  expect(stack.resolve(pair.endpoint(ActiveMqProtocol.CONSOLE, 2))).toEqual(select(1, 'ConsoleURLs'));
  expect(stack.resolve(pair.ipAddress(2))).toEqual(select(1, 'IpAddresses'));
});

test('a single instance gives its one endpoint as the failover URL, and has no instance 2', () => {
  const { stack, broker: single } = broker(ActiveMqDeploymentMode.SINGLE_INSTANCE);
  expect(stack.resolve(single.failoverUrl())).toEqual(select(0, 'OpenWireEndpoints'));
  expect(() => single.endpoint(ActiveMqProtocol.OPENWIRE, 2)).toThrow(
    "Test/Broker: ActiveMqBroker.endpoint validation failed:\n  - 'instance' 2 is not allowed with deploymentMode SINGLE_INSTANCE; allowed: 1 [ActiveMqInstanceNumber]");
  expect(() => single.ipAddress(0)).toThrow("ActiveMqBroker.ipAddress validation failed:\n  - 'instance' 0 is not allowed");
});

test('protocols without a failover transport or without an endpoint are named', () => {
  const { broker: pair } = broker(ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ);
  expect(() => pair.failoverUrl(ActiveMqProtocol.MQTT)).toThrow(
    "Test/Broker: ActiveMqBroker.failoverUrl validation failed:\n  - 'protocol' MQTT is not allowed; allowed: OpenWire or AMQP (the failover: transport is an ActiveMQ and Qpid JMS client feature) [ActiveMqFailoverProtocol]");
  expect(() => pair.endpoint(BrokerProtocol.of('XMPP', 5222))).toThrow(
    "Test/Broker: ActiveMqBroker.endpoint validation failed:\n  - 'protocol' XMPP (port 5222) is not allowed; allowed: an ActiveMqProtocol (OPENWIRE, AMQP, STOMP, MQTT, WSS, CONSOLE) [ActiveMqEndpointProtocol]");
});

test('RabbitMQ gives its AMQPS endpoint and management URL as strings', () => {
  const stack = new Stack();
  const rabbit = new RabbitMqBroker(stack, 'Broker', {
    publiclyAccessible: true, brokerName: 'events', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
  });
  expect(stack.resolve(rabbit.amqpsEndpoint)).toEqual(select(0, 'AmqpEndpoints'));
  expect(stack.resolve(rabbit.managementUrl)).toEqual(select(0, 'ConsoleURLs'));
});

test('both engines surface the configuration ID and revision they run', () => {
  const { stack, broker: amq } = broker(ActiveMqDeploymentMode.SINGLE_INSTANCE);
  expect(stack.resolve(amq.configurationId)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Broker/), 'ConfigurationId'] });
  expect(stack.resolve(amq.configurationRevision)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Broker/), 'ConfigurationRevision'] });
  const rabbit = new RabbitMqBroker(new Stack(), 'Broker', {
    publiclyAccessible: true, brokerName: 'events', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
  });
  expect(Stack.of(rabbit).resolve(rabbit.configurationId)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Broker/), 'ConfigurationId'] });
});

describe('imported brokers build their endpoints from ID and region, as Amazon MQ names them', () => {
  const ARN = 'arn:aws:mq:eu-west-1:123456789012:broker:orders:b-1234a5b6-78cd-901e-2fab-3c45d6e178f9';

  test('ActiveMQ by ARN: per-instance endpoints and the failover URL of a pair, in the ARN\'s region', () => {
    const stack = new Stack(undefined, 'App', { env: { account: '123456789012', region: 'us-east-1' } });
    const pair = ActiveMqBroker.fromBrokerAttributes(stack, 'Pair', { brokerArn: ARN, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ });
    const host = (i: number) => `b-1234a5b6-78cd-901e-2fab-3c45d6e178f9-${i}.mq.eu-west-1.amazonaws.com`;
    expect(stack.resolve(pair.failoverUrl())).toBe(`failover:(ssl://${host(1)}:61617,ssl://${host(2)}:61617)`);
    expect(pair.endpoint(ActiveMqProtocol.AMQP, 2)).toBe(`amqp+ssl://${host(2)}:5671`);
    expect(pair.endpoint(ActiveMqProtocol.STOMP)).toBe(`stomp+ssl://${host(1)}:61614`);
    expect(pair.endpoint(ActiveMqProtocol.MQTT)).toBe(`mqtt+ssl://${host(1)}:8883`);
    expect(pair.endpoint(ActiveMqProtocol.WSS)).toBe(`wss://${host(1)}:61619`);
    expect(pair.endpoint(ActiveMqProtocol.CONSOLE, 2)).toBe(`https://${host(2)}:8162`);
    const single = ActiveMqBroker.fromBrokerArn(stack, 'Single', ARN);
    expect(single.failoverUrl()).toBe(`ssl://${host(1)}:61617`);
    expect(() => single.endpoint(ActiveMqProtocol.OPENWIRE, 2)).toThrow("'instance' 2 is not allowed with deploymentMode SINGLE_INSTANCE; allowed: 1");
  });

  test('by name and ID: the ARN, metrics and endpoints in the stack\'s account, region and partition', () => {
    const stack = new Stack(undefined, 'App', { env: { account: '123456789012', region: 'cn-north-1' } });
    const imported = ActiveMqBroker.fromBrokerAttributes(stack, 'ById', { brokerName: 'orders', brokerId: 'b-1234' });
    expect(stack.resolve(imported.brokerArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':mq:cn-north-1:123456789012:broker:orders:b-1234']] });
    expect(stack.resolve(imported.endpoint(ActiveMqProtocol.OPENWIRE))).toBe('ssl://b-1234-1.mq.cn-north-1.amazonaws.com.cn:61617');
    expect(imported.metricCpuUtilization()).toMatchObject({ dimensions: { Broker: 'orders-1' } });
    const rabbit = RabbitMqBroker.fromBrokerAttributes(stack, 'Rabbit', { brokerName: 'events', brokerId: 'b-abcd' });
    expect(stack.resolve(rabbit.amqpsEndpoint)).toBe('amqps://b-abcd.mq.cn-north-1.amazonaws.com.cn:5671');
    expect(stack.resolve(rabbit.managementUrl)).toBe('https://b-abcd.mq.cn-north-1.amazonaws.com.cn');
  });

  test('a token ARN gives endpoints split at deploy time; an environment-agnostic stack uses AWS::Region', () => {
    const stack = new Stack();
    const byArn = RabbitMqBroker.fromBrokerArn(stack, 'Token', Token.asString({ Ref: 'BrokerArn' }));
    const split = { 'Fn::Split': [':', { Ref: 'BrokerArn' }] };
    expect(stack.resolve(byArn.amqpsEndpoint)).toEqual({
      'Fn::Join': ['', ['amqps://', { 'Fn::Select': [7, split] }, '.mq.', { 'Fn::Select': [3, split] }, '.', { Ref: 'AWS::URLSuffix' }, ':5671']],
    });
    const byId = RabbitMqBroker.fromBrokerAttributes(stack, 'ById', { brokerName: 'events', brokerId: 'b-abcd' });
    expect(stack.resolve(byId.managementUrl)).toEqual({ 'Fn::Join': ['', ['https://b-abcd.mq.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] });
  });

  test.each([
    [{ brokerArn: ARN, brokerId: 'b-1234' }, "'brokerArn' and 'brokerName'/'brokerId' are both given; allowed: brokerArn alone, or brokerName with brokerId [ImportedBrokerReference]"],
    [{ brokerName: 'orders' }, "'brokerId' is missing; allowed: brokerArn alone, or brokerName with brokerId [ImportedBrokerReference]"],
    [{ brokerId: 'b-1234' }, "'brokerName' is missing"],
    [{}, "'brokerName' is missing"],
    [{ brokerName: 'orders', brokerId: 'orders' }, "'brokerId' 'orders' is not a broker ID; allowed: the ID Amazon MQ gave the broker, 'b-' and letters, digits and hyphens (b-1234a5b6-78cd-...) [ImportedBrokerId]"],
  ])('import attributes %j are refused', (attrs, message) => {
    expect(() => ActiveMqBroker.fromBrokerAttributes(new Stack(), 'Imported', attrs)).toThrow(`Default/Imported: ActiveMqBroker.fromBrokerAttributes validation failed:\n  - ${message}`);
    expect(() => RabbitMqBroker.fromBrokerAttributes(new Stack(), 'Imported', attrs)).toThrow(`Default/Imported: RabbitMqBroker.fromBrokerAttributes validation failed:\n  - ${message}`);
  });
});
