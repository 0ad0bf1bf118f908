import { RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  ActiveMqAuthentication, ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, ActiveMqProtocol,
  ActiveMqStorageType, BrokerEncryption, BrokerInstanceType, DayOfWeek,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

const SINGLE = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE };
const PAIR = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ };

describe('ActiveMqBroker defaults', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new ActiveMqBroker(stack, 'Broker', { vpc, ...SINGLE });
  const template = Template.fromStack(stack);

  test('a private, encrypted, logged single instance with one generated admin user', () => {
    template.hasResource('AWS::AmazonMQ::Broker', {
      // Kept on delete and replacement; a failed first create leaves no orphan (README, "What each removal policy keeps").
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
      DependsOn: [Match.stringLikeRegexp('AmazonMqLogsResourcePolicy')],
      Properties: {
        BrokerName: 'Test-Broker-E76C43EF',
        EngineType: 'ACTIVEMQ',
        EngineVersion: '5.19',
        DeploymentMode: 'SINGLE_INSTANCE',
        HostInstanceType: 'mq.m5.large',
        StorageType: 'EFS',
        PubliclyAccessible: false,
        AutoMinorVersionUpgrade: true,
        AuthenticationStrategy: 'SIMPLE',
        EncryptionOptions: { UseAwsOwnedKey: true },
        Logs: { General: true, Audit: true },
        SubnetIds: [{ Ref: Match.stringLikeRegexp('VpcPrivateSubnet1') }],
        SecurityGroups: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('BrokerSecurityGroup'), 'GroupId'] }],
        Users: [{
          Username: 'admin',
          ConsoleAccess: true,
          Password: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: Match.stringLikeRegexp('BrokerUseradmin') }, ':SecretString:password::}}']] },
        }],
      },
    });
  });

  test('the security group has no ingress and no egress', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Amazon MQ ActiveMQ broker Test/Broker',
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
  });

  test('the generated password excludes the characters Amazon MQ refuses and is 32 long', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: {
        SecretStringTemplate: '{"username":"admin"}',
        GenerateStringKey: 'password',
        PasswordLength: 32,
        RequireEachIncludedType: true,
        ExcludeCharacters: Match.stringLikeRegexp(',:='),
      },
    });
    // The secret follows the broker: kept with it, gone with a failed first create.
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
  });

  test('logs: resource policy for mq.amazonaws.com scoped to the account, retention one year on both groups', () => {
    // The document is rendered as a string joined around the account and region tokens.
    const policy = JSON.stringify(Object.values(template.findResources('Custom::AmazonMqLogsResourcePolicy'))[0]);
    for (const part of ['\\"Principal\\":{\\"Service\\":\\"mq.amazonaws.com\\"}',
      '\\"Action\\":[\\"logs:CreateLogStream\\",\\"logs:PutLogEvents\\"]',
      ':log-group:/aws/amazonmq/*', '\\"aws:SourceAccount\\"', '"PolicyName":"cdk-amazon-mq-AmazonMQLogs"']) {
      expect(policy).toContain(part);
    }
    template.resourceCountIs('Custom::AmazonMqLogRetention', 1);
    template.hasResourceProperties('Custom::AmazonMqLogRetention', {
      RetentionInDays: '365',
      RemovalPolicy: 'retain',
      LogGroupNames: ['general', 'audit'].map((t) => ({ 'Fn::Join': ['', ['/aws/amazonmq/broker/', { Ref: Match.stringLikeRegexp('Broker') }, `/${t}`]] })),
    });
  });

  test('IAM names the broker log groups exactly; `*` only for logs:PutResourcePolicy, which has no resource ARN', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    const onStar = statements.filter((s: any) => JSON.stringify(s.Resource) === '"*"');
    expect(onStar.map((s: any) => s.Action)).toEqual(['logs:PutResourcePolicy']);
    const resources = JSON.stringify(statements.map((s: any) => s.Resource));
    expect(resources).toContain('/aws/amazonmq/broker/');
    expect(resources).not.toContain('/aws/lambda/*');
  });

  test('attributes are CloudFormation tokens of the broker', () => {
    expect(stack.resolve(broker.brokerArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Broker/), 'Arn'] });
    expect(stack.resolve(broker.brokerId)).toEqual({ Ref: expect.stringMatching(/^Broker/) });
    expect(broker.brokerName).toBe('Test-Broker-E76C43EF');
    expect(stack.resolve(broker.stompEndpoints)).toEqual({ 'Fn::GetAtt': [expect.any(String), 'StompEndpoints'] });
    expect(stack.resolve(broker.ipAddresses)).toEqual({ 'Fn::GetAtt': [expect.any(String), 'IpAddresses'] });
    expect(stack.resolve(broker.consoleUrls)).toEqual({ 'Fn::GetAtt': [expect.any(String), 'ConsoleURLs'] });
    expect(broker.users.map((u) => u.username)).toEqual(['admin']);
  });

  test('metric uses the broker name with the instance suffix', () => {
    expect(broker.metric('HeapUsage').dimensions).toEqual({ Broker: 'Test-Broker-E76C43EF-1' });
  });
});

describe('ActiveMqBroker options', () => {
  test('active/standby takes two subnets in distinct AZs', () => {
    const { stack, vpc } = stackWithVpc();
    new ActiveMqBroker(stack, 'Broker', { vpc, ...PAIR });
    Template.fromStack(stack).hasResourceProperties('AWS::AmazonMQ::Broker', {
      DeploymentMode: 'ACTIVE_STANDBY_MULTI_AZ',
      SubnetIds: [{ Ref: Match.stringLikeRegexp('PrivateSubnet1') }, { Ref: Match.stringLikeRegexp('PrivateSubnet2') }],
    });
  });

  test('a created customer managed key with rotation, or a given one', () => {
    const { stack, vpc } = stackWithVpc();
    const created = new ActiveMqBroker(stack, 'Created', { vpc, ...SINGLE, encryption: BrokerEncryption.KMS });
    const key = new kms.Key(stack, 'Given', { enableKeyRotation: true });
    new ActiveMqBroker(stack, 'GivenKey', { vpc, ...SINGLE, encryptionKey: key });
    new ActiveMqBroker(stack, 'Managed', { vpc, ...SINGLE, encryption: BrokerEncryption.AWS_MANAGED });
    const template = Template.fromStack(stack);
    expect(created.encryptionKey).toBeDefined();
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, Description: 'Encrypts Amazon MQ broker Test/Created at rest' });
    template.hasResourceProperties('AWS::AmazonMQ::Broker', {
      BrokerName: 'Test-GivenKey-718E3114',
      EncryptionOptions: { UseAwsOwnedKey: false, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('Given'), 'Arn'] } },
    });
    template.hasResourceProperties('AWS::AmazonMQ::Broker', { EncryptionOptions: { UseAwsOwnedKey: false, KmsKeyId: Match.absent() } });
  });

  test('users from props and addUser, with a given secret, groups and console access', () => {
    const { stack, vpc } = stackWithVpc();
    const given = new secretsmanager.Secret(stack, 'AppPassword', { generateSecretString: { generateStringKey: 'password', secretStringTemplate: '{}' } });
    const broker = new ActiveMqBroker(stack, 'Broker', {
      vpc,
      ...SINGLE,
      users: [{ username: 'app', password: given, groups: ['orders'] }],
    });
    const ops = broker.addUser('ops', { consoleAccess: true, groups: ['admins'] });
    expect(ops.secret).toBeDefined();
    expect(broker.users.map((u) => u.username)).toEqual(['app', 'ops']);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AmazonMQ::Broker', {
      Users: [
        { Username: 'app', Groups: ['orders'], Password: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: Match.stringLikeRegexp('AppPassword') }, ':SecretString:password::}}']] } },
        { Username: 'ops', Groups: ['admins'], ConsoleAccess: true, Password: Match.anyValue() },
      ],
    });
    // the given secret is used as is: one generated secret (ops) besides it
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
  });

  test('EBS on m5, maintenance window, public access without vpc, logs off, DESTROY', () => {
    const { stack } = stackWithVpc();
    new ActiveMqBroker(stack, 'Broker', {
      ...SINGLE,
      publiclyAccessible: true,
      storageType: ActiveMqStorageType.EBS,
      instanceType: BrokerInstanceType.M5_XLARGE,
      maintenanceWindow: { dayOfWeek: DayOfWeek.SUNDAY, timeOfDay: '23:59' },
      logs: { general: false, audit: false },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::AmazonMQ::Broker', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        PubliclyAccessible: true,
        StorageType: 'EBS',
        HostInstanceType: 'mq.m5.xlarge',
        SubnetIds: Match.absent(),
        SecurityGroups: Match.absent(),
        MaintenanceWindowStartTime: { DayOfWeek: 'SUNDAY', TimeOfDay: '23:59', TimeZone: 'UTC' },
        Logs: { General: false, Audit: false },
      }),
    });
    template.resourceCountIs('Custom::AmazonMqLogRetention', 0);
    template.resourceCountIs('Custom::AmazonMqLogsResourcePolicy', 0);
  });

  test('LDAP authentication: service account password by reference, LDAPS egress, no default user', () => {
    const { stack, vpc } = stackWithVpc();
    const password = secretsmanager.Secret.fromSecretNameV2(stack, 'LdapPassword', 'ldap/service');
    new ActiveMqBroker(stack, 'Broker', {
      vpc,
      ...SINGLE,
      authentication: ActiveMqAuthentication.ldap({
        hosts: ['ldap.example.com'],
        userBase: 'ou=Users,dc=example,dc=com',
        userSearchMatching: '(uid={0})',
        roleBase: 'ou=Groups,dc=example,dc=com',
        roleSearchMatching: '(member:=uid={1})',
        serviceAccountUsername: 'cn=mq,dc=example,dc=com',
        serviceAccountPassword: password,
      }),
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AmazonMQ::Broker', {
      AuthenticationStrategy: 'LDAP',
      Users: Match.absent(),
      LdapServerMetadata: Match.objectLike({
        Hosts: ['ldap.example.com'],
      }),
    });
    const broker = template.findResources('AWS::AmazonMQ::Broker');
    expect(JSON.stringify(broker)).toContain(':secret:ldap/service:SecretString:password::}}');
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', FromPort: 636, ToPort: 636, IpProtocol: 'tcp', Description: 'LDAPS to the authentication servers' }],
    });
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });

  test('one logs resource policy and one logs function per stack, however many brokers', () => {
    const { stack, vpc } = stackWithVpc();
    new ActiveMqBroker(stack, 'One', { vpc, ...SINGLE });
    new ActiveMqBroker(stack, 'Two', { vpc, ...SINGLE });
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::AmazonMqLogsResourcePolicy', 1);
    template.resourceCountIs('Custom::AmazonMqLogRetention', 2);
    // Our handler and the Provider framework's onEvent function, each with its own role.
    template.resourceCountIs('AWS::Lambda::Function', 2);
    template.resourceCountIs('AWS::IAM::Role', 2);
  });
});

describe('ActiveMqBroker connections, grants and imports', () => {
  test('connections open the OpenWire port by default and any protocol on request', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new ActiveMqBroker(stack, 'Broker', { vpc, ...SINGLE });
    const client = new ec2.SecurityGroup(stack, 'Client', { vpc });
    broker.connections.allowDefaultPortFrom(client);
    broker.allowProtocolFrom(client, ActiveMqProtocol.STOMP);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 61617, ToPort: 61617, IpProtocol: 'tcp' });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 61614, ToPort: 61614, Description: 'STOMP to Amazon MQ broker Test/Broker' });
  });

  test('grant, grantRead and grantReboot are scoped to the broker ARN', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new ActiveMqBroker(stack, 'Broker', { vpc, ...SINGLE });
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    broker.grantRead(role);
    broker.grantReboot(role);
    broker.grant(role, 'mq:UpdateBroker');
    const arn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^Broker'), 'Arn'] };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('Reader') }],
      PolicyDocument: {
        Statement: [
          { Action: ['mq:DescribeBroker', 'mq:DescribeUser', 'mq:ListTags', 'mq:ListUsers'], Effect: 'Allow', Resource: arn },
          { Action: 'mq:RebootBroker', Effect: 'Allow', Resource: arn },
          { Action: 'mq:UpdateBroker', Effect: 'Allow', Resource: arn },
        ],
      },
    });
  });

  test('fromBrokerArn reads name and ID; grants, metrics and connections work on the import', () => {
    const { stack, vpc } = stackWithVpc();
    const arn = 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9';
    const sg = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-12345678', { mutable: true });
    const imported = ActiveMqBroker.fromBrokerAttributes(stack, 'Imported', { brokerArn: arn, securityGroups: [sg] });
    expect(imported.brokerName).toBe('orders');
    expect(imported.brokerId).toBe('b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9');
    expect(imported.metric('CpuUtilization').dimensions).toEqual({ Broker: 'orders-1' });
    const client = new ec2.SecurityGroup(stack, 'Client', { vpc });
    imported.connections.allowDefaultPortFrom(client);
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    imported.grantReboot(role);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { GroupId: 'sg-12345678', FromPort: 61617 });
    template.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: [{ Action: 'mq:RebootBroker', Resource: arn, Effect: 'Allow' }] } });
  });

  test('fromBrokerArn splits a token ARN at deploy time and refuses a malformed one', () => {
    const stack = new Stack();
    const imported = ActiveMqBroker.fromBrokerArn(stack, 'Token', Token.asString({ Ref: 'BrokerArnParameter' }));
    expect(stack.resolve(imported.brokerName)).toEqual({ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'BrokerArnParameter' }] }] });
    expect(() => ActiveMqBroker.fromBrokerArn(stack, 'Bad', 'arn:aws:sqs:us-east-1:123456789012:queue'))
      .toThrow("Default/Bad: ActiveMqBroker.fromBrokerAttributes validation failed:\n  - 'brokerArn' 'arn:aws:sqs:us-east-1:123456789012:queue' is not a broker ARN; allowed: arn:<partition>:mq:<region>:<account>:broker:<name>:<id> [ImportedBrokerArn]");
  });
});
