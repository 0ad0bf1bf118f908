/**
 * JavaScript callers can omit what jsii marks required (issue 17, Low): they get the library's error naming the
 * construct and the missing props or option, never a TypeError from inside the library.
 */
import { Stack } from 'aws-cdk-lib';
import {
  ActiveMqBroker, ActiveMqConfiguration, ActiveMqNetworkOfBrokers, BrokerConfigurationAssociation, BrokerDashboard, RabbitMqBroker,
  RabbitMqConfiguration, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqManagementObject, RabbitMqQueueMetricsCollector, RabbitMqVirtualHost,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

type Maker = [string, (stack: Stack) => unknown];
const CONSTRUCTS: Maker[] = [
  ['ActiveMqBroker', (s) => new ActiveMqBroker(s, 'X', undefined as never)],
  ['RabbitMqBroker', (s) => new RabbitMqBroker(s, 'X', undefined as never)],
  ['ActiveMqConfiguration', (s) => new ActiveMqConfiguration(s, 'X', undefined as never)],
  ['RabbitMqConfiguration', (s) => new RabbitMqConfiguration(s, 'X', undefined as never)],
  ['ActiveMqNetworkOfBrokers', (s) => new ActiveMqNetworkOfBrokers(s, 'X', undefined as never)],
  ['BrokerConfigurationAssociation', (s) => new BrokerConfigurationAssociation(s, 'X', undefined as never)],
  ['BrokerDashboard', (s) => new BrokerDashboard(s, 'X', undefined as never)],
  ['RabbitMqQueueMetricsCollector', (s) => new RabbitMqQueueMetricsCollector(s, 'X', undefined as never)],
  ['RabbitMqVirtualHost', (s) => new RabbitMqVirtualHost(s, 'X', undefined as never)],
  ['RabbitMqManagementObject', (s) => new RabbitMqManagementObject(s, 'X', undefined as never)],
];

test.each(CONSTRUCTS)('%s without props', (name, make) => {
  const { stack } = stackWithVpc();
  expect(() => make(stack)).toThrow(`Test/X: ${name}: 'props' is missing; allowed: an object with the required props`);
});

const rabbit = () => {
  const { stack, vpc } = stackWithVpc();
  return new RabbitMqBroker(stack, 'Broker', { vpc, brokerName: 'b', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE });
};
const METHODS: Array<[string, (b: RabbitMqBroker) => unknown]> = [
  ['addUser', (b) => b.addVirtualHost('app').addUser('u', undefined as never)],
  ['addExchange', (b) => b.addVirtualHost('app').addExchange('x', undefined as never)],
  ['addBinding', (b) => b.addVirtualHost('app').addBinding(undefined as never)],
  ['addPolicy', (b) => b.addVirtualHost('app').addPolicy('p', undefined as never)],
  ['addOperatorPolicy', (b) => b.addVirtualHost('app').addOperatorPolicy('p', undefined as never)],
  ['addShovel', (b) => b.addVirtualHost('app').addShovel('s', undefined as never)],
  ['addFederationUpstream', (b) => b.addVirtualHost('app').addFederationUpstream('f', undefined as never)],
  ['grant', (b) => b.addVirtualHost('app').grant(undefined as never, undefined as never)],
];

test.each(METHODS)('RabbitMqVirtualHost.%s without its options', (name, call) => {
  expect(() => call(rabbit())).toThrow(new RegExp(`Test/Broker/VirtualHostapp: RabbitMqVirtualHost\\.${name}: '(options|user)' is missing`));
});
