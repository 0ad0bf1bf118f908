import { Stack } from 'aws-cdk-lib';
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
  expect(() => single.endpoint(ActiveMqProtocol.OPENWIRE, 2)).toThrow("'instance' 2 is not allowed with deploymentMode SINGLE_INSTANCE; allowed: 1");
  expect(() => single.ipAddress(0)).toThrow("'instance' 0 is not allowed");
});

test('protocols without a failover transport or without an endpoint are named', () => {
  const { broker: pair } = broker(ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ);
  expect(() => pair.failoverUrl(ActiveMqProtocol.MQTT)).toThrow("failoverUrl() 'protocol' MQTT is not allowed; allowed: OpenWire or AMQP");
  expect(() => pair.endpoint(BrokerProtocol.of('XMPP', 5222))).toThrow("'protocol' XMPP (port 5222) is not allowed; allowed: an ActiveMqProtocol");
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
