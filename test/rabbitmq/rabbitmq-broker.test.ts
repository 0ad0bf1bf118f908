import { App, Size, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { BrokerEncryption, RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqProtocol } from '../../src';
import { stackWithVpc } from '../util/stacks';

const SINGLE = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE };
const CLUSTER = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ };

describe('RabbitMqBroker defaults', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...SINGLE });
  const template = Template.fromStack(stack);

  test('a private single instance on mq.m7g.large with a generated admin secret and general logs', () => {
    template.hasResource('AWS::AmazonMQ::Broker', {
      // Kept on delete and replacement; a failed first create leaves no orphan (README, "What each removal policy keeps").
      DeletionPolicy: 'RetainExceptOnCreate',
      DependsOn: Match.absent(),
      Properties: {
        BrokerName: 'Test-Broker-E76C43EF',
        EngineType: 'RABBITMQ',
        EngineVersion: '4.2',
        DeploymentMode: 'SINGLE_INSTANCE',
        HostInstanceType: 'mq.m7g.large',
        StorageType: 'EBS',
        PubliclyAccessible: false,
        AutoMinorVersionUpgrade: true,
        AuthenticationStrategy: 'SIMPLE',
        EncryptionOptions: { UseAwsOwnedKey: true },
        Logs: { General: true },
        SubnetIds: [{ Ref: Match.stringLikeRegexp('VpcPrivateSubnet1') }],
        SecurityGroups: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('BrokerSecurityGroup'), 'GroupId'] }],
        Users: [{
          Username: 'admin',
          Password: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: Match.stringLikeRegexp('BrokerAdminSecret') }, ':SecretString:password::}}']] },
        }],
      },
    });
  });

  test('no CloudWatch Logs resource policy (RabbitMQ uses its service-linked role), one retention', () => {
    template.resourceCountIs('Custom::AmazonMqLogsResourcePolicy', 0);
    template.resourceCountIs('Custom::AmazonMqLogRetention', 1);
    template.hasResourceProperties('Custom::AmazonMqLogRetention', { RetentionInDays: '365' });
  });

  test('attributes and metric dimension (the plain broker name)', () => {
    expect(stack.resolve(broker.amqpsEndpoints)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Broker/), 'AmqpEndpoints'] });
    expect(broker.adminUsername).toBe('admin');
    expect(broker.metric('RabbitMQMemUsed').dimensions).toEqual({ Broker: 'Test-Broker-E76C43EF' });
  });
});

describe('RabbitMqBroker options', () => {
  test('a cluster spreads over up to three AZs, with storage size and a customer managed key', () => {
    const { stack, vpc } = stackWithVpc();
    new RabbitMqBroker(stack, 'Broker', { vpc, ...CLUSTER, storageSize: Size.gibibytes(200), encryption: BrokerEncryption.KMS });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AmazonMQ::Broker', {
      DeploymentMode: 'CLUSTER_MULTI_AZ',
      StorageSize: 200,
      EncryptionOptions: { UseAwsOwnedKey: false, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('BrokerKey'), 'Arn'] } },
      SubnetIds: [
        { Ref: Match.stringLikeRegexp('PrivateSubnet1') }, { Ref: Match.stringLikeRegexp('PrivateSubnet2') }, { Ref: Match.stringLikeRegexp('PrivateSubnet3') },
      ],
    });
  });

  test('given admin user and secret, resource shares', () => {
    const { stack, vpc } = stackWithVpc();
    const secret = new secretsmanager.Secret(stack, 'Given', { generateSecretString: { generateStringKey: 'password', secretStringTemplate: '{}' } });
    const broker = new RabbitMqBroker(stack, 'Broker', {
      vpc,
      ...SINGLE,
      adminUser: { username: 'ops', password: secret },
      resourceShareArns: ['arn:aws:ram:us-east-1:123456789012:resource-share/abc'],
    });
    expect(broker.adminSecret).toBe(secret);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AmazonMQ::Broker', {
      Users: [{ Username: 'ops', Password: Match.anyValue() }],
      ResourceShareArns: ['arn:aws:ram:us-east-1:123456789012:resource-share/abc'],
    });
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
  });

  test('a public broker without vpc has no subnets and no security groups', () => {
    const stack = new Stack(new App(), 'Public');
    const broker = new RabbitMqBroker(stack, 'Broker', { ...SINGLE, publiclyAccessible: true });
    expect(broker.connections.securityGroups).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::AmazonMQ::Broker', {
      PubliclyAccessible: true, SubnetIds: Match.absent(), SecurityGroups: Match.absent(),
    });
  });

  test('a public broker in a given VPC warns that its subnets must be in the default VPC', () => {
    const { stack, vpc } = stackWithVpc();
    new RabbitMqBroker(stack, 'Broker', { vpc, ...SINGLE, publiclyAccessible: true });
    Annotations.fromStack(stack).hasWarning('/Test/Broker', Match.stringLikeRegexp('must belong to the default VPC'));
  });
});

describe('RabbitMqBroker connections, grants and imports', () => {
  test('connections open AMQPS by default and the console on request; grants on the ARN', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...SINGLE });
    const client = new ec2.SecurityGroup(stack, 'Client', { vpc });
    broker.connections.allowDefaultPortFrom(client);
    broker.allowProtocolFrom(client, RabbitMqProtocol.CONSOLE);
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    broker.grantRead(role);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 5671, ToPort: 5671 });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 443, ToPort: 443 });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: ['mq:DescribeBroker', 'mq:DescribeUser', 'mq:ListTags', 'mq:ListUsers'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Broker'), 'Arn'] } }] },
    });
  });

  test('fromBrokerArn: name, ID and the plain-name metric dimension', () => {
    const stack = new Stack();
    const imported = RabbitMqBroker.fromBrokerArn(stack, 'Imported', 'arn:aws:mq:eu-west-1:123456789012:broker:events:b-abc');
    expect(imported.brokerName).toBe('events');
    expect(imported.brokerId).toBe('b-abc');
    expect(imported.metric('MessageCount').dimensions).toEqual({ Broker: 'events' });
    expect(imported.env.region).toBe('eu-west-1');
  });
});

test('log groups are exposed by their Amazon MQ names, and absent when the log is off', () => {
  const { stack, vpc } = stackWithVpc();
  const on = new RabbitMqBroker(stack, 'On', { vpc, ...SINGLE });
  const off = new RabbitMqBroker(stack, 'Off', { vpc, ...SINGLE, logs: { general: false } });
  expect(stack.resolve(on.generalLogGroup!.logGroupName)).toEqual({ 'Fn::Join': ['', ['/aws/amazonmq/broker/', { Ref: expect.stringMatching(/^On/) }, '/general']] });
  expect(on.generalLogGroup).toBe(on.generalLogGroup);
  expect(off.generalLogGroup).toBeUndefined();
});
