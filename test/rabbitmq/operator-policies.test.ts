/**
 * Operator policies on Amazon MQ (README rule RabbitMqOperatorPolicyConfiguration, mq-facts F-Q03): the default
 * configuration forbids editing them through the management API (405 on RabbitMQ 4.0.5, test/engines), so a broker
 * that declares one runs a configuration that allows them, and a given configuration must say so itself.
 */
import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  RabbitMqAuthentication, RabbitMqBroker, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqDeploymentMode, RabbitMqEngineVersion,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

const RMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE, brokerName: 'events' };
const LIMITS = { pattern: '.*', definition: { 'max-length': 1000 } };
const ALLOW_LINE = 'management.restrictions.operator_policy_changes.disabled = false';

function configurationText(template: Template): string[] {
  return Object.values(template.findResources('AWS::AmazonMQ::Configuration'))
    .map((r) => Buffer.from(r.Properties.Data, 'base64').toString('utf-8').trim());
}

test('a broker without a configuration makes one that allows operator policies, and runs it', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
  broker.addVirtualHost('app').addOperatorPolicy('limits', LIMITS);
  const template = Template.fromStack(stack);
  expect(configurationText(template)).toEqual([ALLOW_LINE]);
  const [configurationId] = Object.keys(template.findResources('AWS::AmazonMQ::Configuration'));
  template.hasResourceProperties('AWS::AmazonMQ::Broker', {
    Configuration: { Id: { 'Fn::GetAtt': [configurationId, 'Id'] }, Revision: { 'Fn::GetAtt': [configurationId, 'Revision'] } },
  });
});

test('a broker without operator policies keeps Amazon MQ\'s default configuration (no resource added)', () => {
  const { stack, vpc } = stackWithVpc();
  new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ }).addVirtualHost('app').addPolicy('ttl', { pattern: '.*', definition: { 'message-ttl': 1000 } });
  Template.fromStack(stack).resourceCountIs('AWS::AmazonMQ::Configuration', 0);
});

test('the configuration a CONFIG_MANAGED broker makes gets the key too, beside its authentication keys', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', {
    vpc,
    ...RMQ,
    authentication: RabbitMqAuthentication.oauth2({
      resourceServerId: 'rabbitmq', issuer: 'https://idp.example.com', internalUsers: true,
    }),
  });
  broker.addVirtualHost('app').addOperatorPolicy('limits', LIMITS);
  const [text] = configurationText(Template.fromStack(stack));
  expect(text.split('\n')).toContain(ALLOW_LINE);
  expect(text).toContain('auth_oauth2.resource_server_id = rabbitmq');
});

test('a given configuration that allows them is used as is; one that does not is refused', () => {
  const { stack, vpc } = stackWithVpc();
  const configuration = new RabbitMqConfiguration(stack, 'Config', {
    engineVersion: RabbitMqEngineVersion.V4_2,
    data: RabbitMqConfigurationData.fromSettings({ heartbeat: Duration.seconds(120), operatorPolicyChangesDisabled: false }),
  });
  new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ, configuration }).addVirtualHost('app').addOperatorPolicy('limits', LIMITS);
  expect(configurationText(Template.fromStack(stack))).toEqual([`heartbeat = 120\n${ALLOW_LINE}`]);

  const refused = new RabbitMqConfiguration(stack, 'Refused', {
    engineVersion: RabbitMqEngineVersion.V4_2,
    data: RabbitMqConfigurationData.fromSettings({ operatorPolicyChangesDisabled: true }),
  });
  const other = new RabbitMqBroker(stack, 'Other', { vpc, ...RMQ, brokerName: 'other', configuration: refused });
  expect(() => other.addVirtualHost('app').addOperatorPolicy('limits', LIMITS))
    .toThrow(/Test\/Other\/VirtualHostapp: RabbitMqVirtualHost.addOperatorPolicy\('limits'\)[\s\S]*operatorPolicyChangesDisabled: false[\s\S]*\[RabbitMqOperatorPolicyConfiguration\]/);
});

test('with applyImmediately, operator policies wait for the reboot that applies the configuration', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ, applyImmediately: true });
  broker.addVirtualHost('app').addOperatorPolicy('limits', LIMITS);
  const template = Template.fromStack(stack);
  const [reboot] = Object.keys(template.findResources('Custom::AmazonMqBrokerReboot'));
  const policy = Object.values(template.findResources('Custom::AmazonMqRabbitMqObject')).find((o) => o.Properties.Kind === 'operator policy')!;
  expect(policy.DependsOn).toContain(reboot);
  // The reboot's pending changes carry the configuration: a running broker reboots into it.
  const rebootProps = Object.values(template.findResources('Custom::AmazonMqBrokerReboot'))[0].Properties;
  expect(JSON.stringify(rebootProps)).toContain('Revision');
});
