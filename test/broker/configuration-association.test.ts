import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  ActiveMqAuthentication, ActiveMqAuthenticationStrategy, ActiveMqBroker, ActiveMqConfiguration, ActiveMqConfigurationData, ActiveMqDeploymentMode,
  ActiveMqEngineVersion, BrokerConfigurationAssociation, RabbitMqBroker, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqDeploymentMode,
  RabbitMqEngineVersion,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

const AMQ = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE };

function twoBrokers() {
  const { stack, vpc } = stackWithVpc();
  const hub = new ActiveMqBroker(stack, 'Hub', { vpc, ...AMQ, brokerName: 'hub' });
  const spoke = new ActiveMqBroker(stack, 'Spoke', { vpc, ...AMQ, brokerName: 'spoke' });
  return { stack, vpc, hub, spoke };
}

test('a configuration naming another broker\'s endpoint is associated after both brokers exist, without a cycle', () => {
  const { stack, hub, spoke } = twoBrokers();
  const configuration = new ActiveMqConfiguration(stack, 'HubConfiguration', {
    engineVersion: ActiveMqEngineVersion.V5_19,
    data: ActiveMqConfigurationData.fromModel({
      networkConnectors: [{ name: 'to_spoke', uri: `static:(${spoke.failoverUrl()})`, userName: 'admin' }],
    }),
  });
  const association = configuration.associateWith(hub);
  expect(association).toBeInstanceOf(BrokerConfigurationAssociation);
  const template = Template.fromStack(stack);
  const [hubId] = Object.keys(template.findResources('AWS::AmazonMQ::Broker', { Properties: { BrokerName: 'hub' } }));
  const [configurationId] = Object.keys(template.findResources('AWS::AmazonMQ::Configuration'));
  template.hasResourceProperties('AWS::AmazonMQ::ConfigurationAssociation', {
    Broker: { Ref: hubId },
    Configuration: { Id: { 'Fn::GetAtt': [configurationId, 'Id'] }, Revision: { 'Fn::GetAtt': [configurationId, 'Revision'] } },
  });
  // The hub itself does not name the configuration: that would be the cycle the association avoids.
  expect(template.findResources('AWS::AmazonMQ::Broker', { Properties: { BrokerName: 'hub' } })[hubId].Properties.Configuration).toBeUndefined();
  expect(stack.resolve(association.associationId)).toEqual({ Ref: expect.stringMatching(/Association/) });
});

test('an imported broker and an imported configuration (by ARN) can be associated', () => {
  const stack = new Stack(undefined, 'S', { env: { account: '123456789012', region: 'us-east-1' } });
  const broker = ActiveMqBroker.fromBrokerAttributes(stack, 'Broker', { brokerName: 'orders', brokerId: 'b-1234' });
  const configuration = ActiveMqConfiguration.fromConfigurationArn(stack, 'Configuration', 'arn:aws:mq:us-east-1:123456789012:configuration:c-5678', {
    configurationRevision: 3, engineVersion: '5.19',
  });
  expect(configuration.configurationId).toBe('c-5678');
  new BrokerConfigurationAssociation(stack, 'Association', { broker, configuration });
  Template.fromStack(stack).hasResourceProperties('AWS::AmazonMQ::ConfigurationAssociation', {
    Broker: 'b-1234', Configuration: { Id: 'c-5678', Revision: 3 },
  });
  expect(() => RabbitMqConfiguration.fromConfigurationArn(stack, 'Bad', 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-1', { configurationRevision: 1, engineVersion: '3.13' }))
    .toThrow("S/Bad: RabbitMqConfiguration.fromConfigurationArn validation failed:\n  - 'configurationArn' 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-1' is not a configuration ARN; allowed: arn:<partition>:mq:<region>:<account>:configuration:<id> [ImportedConfigurationArn]");
});

describe('the association checks what AWS would refuse at deploy time', () => {
  test('[F-C02] a RabbitMQ configuration on an ActiveMQ broker, made here or imported', () => {
    const { stack, hub } = twoBrokers();
    const rabbitConfiguration = new RabbitMqConfiguration(stack, 'Rabbit', {
      engineVersion: RabbitMqEngineVersion.V3_13, data: RabbitMqConfigurationData.fromSettings({ consumerTimeout: Duration.hours(1) }),
    });
    expect(() => rabbitConfiguration.associateWith(hub))
      .toThrow("'configuration' is a RABBITMQ configuration; allowed: a ACTIVEMQ configuration for a ACTIVEMQ broker [AssociationEngine]");
    const imported = ActiveMqBroker.fromBrokerArn(stack, 'Imported', 'arn:aws:mq:us-east-1:123456789012:broker:old:b-1');
    expect(() => rabbitConfiguration.associateWith(imported)).toThrow('[AssociationEngine]');
  });

  test('[F-C03, F-C04] another engine version or authentication strategy than the broker\'s', () => {
    const { stack, hub } = twoBrokers();
    const older = new ActiveMqConfiguration(stack, 'Older', {
      engineVersion: ActiveMqEngineVersion.V5_18, data: ActiveMqConfigurationData.fromModel({}),
    });
    expect(() => older.associateWith(hub))
      .toThrow("'configuration' is for engineVersion '5.18'; allowed: a configuration for engineVersion '5.19' [AssociationVersionAndAuthentication]");
    const ldap = new ActiveMqConfiguration(stack, 'Ldap', {
      engineVersion: ActiveMqEngineVersion.V5_19,
      authenticationStrategy: ActiveMqAuthenticationStrategy.LDAP,
      data: ActiveMqConfigurationData.fromModel({}),
    });
    expect(() => ldap.associateWith(hub)).toThrow("'configuration' has authenticationStrategy LDAP; allowed: SIMPLE, the broker's");
  });

  test('[F-B10, F-A02] a broker with its own configuration, or a second association, is refused', () => {
    const { stack, vpc } = stackWithVpc();
    const empty = { engineVersion: ActiveMqEngineVersion.V5_19, data: ActiveMqConfigurationData.fromModel({}) };
    const first = new ActiveMqConfiguration(stack, 'First', empty);
    const configured = new ActiveMqBroker(stack, 'Configured', { vpc, ...AMQ, brokerName: 'configured', configuration: first });
    const second = new ActiveMqConfiguration(stack, 'Second', empty);
    expect(() => second.associateWith(configured))
      .toThrow("'broker' already sets its configuration through the 'configuration' prop; allowed: a broker without 'configuration' [AssociationSingleSource]");
    const plain = new ActiveMqBroker(stack, 'Plain', { vpc, ...AMQ, brokerName: 'plain' });
    first.associateWith(plain);
    expect(() => second.associateWith(plain)).toThrow("'broker' already has the configuration association Test/First/AssociationTestPlain");
  });

  test('an LDAP broker takes an LDAP configuration; a RabbitMQ broker its own engine\'s', () => {
    const { stack, vpc } = stackWithVpc();
    const ldapBroker = new ActiveMqBroker(stack, 'Ldap', {
      vpc,
      ...AMQ,
      brokerName: 'ldap',
      authentication: ActiveMqAuthentication.ldap({
        hosts: ['ldap.example.com'],
        serviceAccountUsername: 'svc',
        serviceAccountPassword: new secretsmanager.Secret(stack, 'LdapPassword'),
        roleBase: 'ou=groups,dc=example,dc=com',
        roleSearchMatching: '(member={0})',
        userBase: 'ou=users,dc=example,dc=com',
        userSearchMatching: '(uid={0})',
      }),
    });
    const ldapConfiguration = new ActiveMqConfiguration(stack, 'LdapConfiguration', {
      engineVersion: ActiveMqEngineVersion.V5_19,
      authenticationStrategy: ActiveMqAuthenticationStrategy.LDAP,
      data: ActiveMqConfigurationData.fromModel({}),
    });
    expect(() => ldapConfiguration.associateWith(ldapBroker)).not.toThrow();
    const rabbit = new RabbitMqBroker(stack, 'Rabbit', {
      vpc, brokerName: 'rabbit', engineVersion: RabbitMqEngineVersion.V3_13, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
    });
    const rabbitConfiguration = new RabbitMqConfiguration(stack, 'RabbitConfiguration', {
      engineVersion: RabbitMqEngineVersion.V3_13, data: RabbitMqConfigurationData.fromSettings({ consumerTimeout: Duration.hours(1) }),
    });
    expect(() => rabbitConfiguration.associateWith(rabbit)).not.toThrow();
  });
});
