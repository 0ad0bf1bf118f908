import { CfnParameter, Errors, RemovalPolicy, Size, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  ActiveMqAuthenticationStrategy, ActiveMqConfiguration, ActiveMqConfigurationData, RabbitMqConfiguration, RabbitMqConfigurationData,
  ActiveMqAuthentication, ActiveMqBroker, ActiveMqBrokerProps, ActiveMqDeploymentMode, ActiveMqEngineVersion, ActiveMqStorageType, BrokerEncryption,
  BrokerInstanceType, DayOfWeek, RabbitMqBroker, RabbitMqBrokerProps, RabbitMqDeploymentMode, RabbitMqEngineVersion,
} from '../../src';
import { ACTIVEMQ_RULES } from '../../src/activemq/rules';
import { RABBITMQ_RULES } from '../../src/rabbitmq/rules';
import { stackWithVpc } from '../util/stacks';

type Case<P> = [ruleId: string, props: (vpc: ec2.IVpc, stack: Stack) => Partial<P>, message: string];

const AMQ = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE };
const RMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE };
const sgs = (stack: Stack, n: number) => Array.from({ length: n }, (_, i) => ec2.SecurityGroup.fromSecurityGroupId(stack, `Sg${i}`, `sg-0000000${i}`));

/** One failing input per rule, with the exact message (the runner appends the rule id). */
const ACTIVEMQ_CASES: Case<ActiveMqBrokerProps>[] = [
  ['BrokerNamePattern', () => ({ brokerName: 'orders broker' }), "'brokerName' 'orders broker' is not allowed; allowed: 1-50 characters of A-Z, a-z, 0-9, '-' and '_'"],
  ['EngineVersionSupported', () => ({ engineVersion: ActiveMqEngineVersion.of('5.17.6') }), "'engineVersion' '5.17.6' is not allowed: Amazon MQ ended support for ActiveMQ 5.17 on 2025-06-16; use a supported version"],
  ['EngineVersionMajorMinor', () => ({ engineVersion: ActiveMqEngineVersion.of('5.18.4') }), "'engineVersion' '5.18.4' is not allowed: Amazon MQ manages patch versions of ActiveMQ 5.18; give '5.18'"],
  ['AutoMinorVersionUpgradeRequired', () => ({ autoMinorVersionUpgrade: false }), "'autoMinorVersionUpgrade' false is not allowed with engineVersion '5.19': Amazon MQ manages patch versions there; allowed: true"],
  ['VpcRequiredWhenPrivate', () => ({ vpc: undefined }), "'vpc' is missing: a private broker needs a VPC; give a vpc, or set publiclyAccessible: true"],
  ['SecurityGroupLimit', (_, stack) => ({ securityGroups: sgs(stack, 6) }), "'securityGroups' has 6 groups; allowed: at most 5"],
  ['SubnetCount', (vpc) => ({ deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ, vpcSubnets: { subnets: [vpc.privateSubnets[0]] } }),
    "'vpcSubnets' selects 1 subnet(s) in distinct Availability Zones; deploymentMode ACTIVE_STANDBY_MULTI_AZ needs exactly 2"],
  ['MaintenanceWindowTimeOfDay', () => ({ maintenanceWindow: { dayOfWeek: DayOfWeek.MONDAY, timeOfDay: '25:61' } }),
    "'maintenanceWindow.timeOfDay' '25:61' is not allowed; allowed: 24-hour 'HH:MM' or 'HH:MM:SS' with hour 0-23 and minutes 0-59"],
  ['MaintenanceWindowTimeZone', () => ({ maintenanceWindow: { dayOfWeek: DayOfWeek.MONDAY, timeOfDay: '01:00', timeZone: ' ' } }),
    "'maintenanceWindow.timeZone' '' is not allowed; allowed: a Country/City name or a UTC offset, for example 'Europe/Paris' or 'UTC'"],
  ['EncryptionKeyNeedsKms', (_, stack) => ({ encryption: BrokerEncryption.AWS_OWNED, encryptionKey: kms.Key.fromKeyArn(stack, 'K', 'arn:aws:kms:us-east-1:123456789012:key/abc') }),
    "'encryptionKey' is not allowed with encryption AWS_OWNED: a customer managed key needs encryption KMS (or leave encryption unset)"],
  ['UsernamePattern', () => ({ users: [{ username: 'a' }] }), "'username' 'a' is not allowed; allowed: 2-100 characters of A-Z, a-z, 0-9, '_', '.', '~' and '-'"],
  ['UsernameUnique', () => ({ users: [{ username: 'app' }, { username: 'app' }] }), "'username' 'app' is given more than once; allowed: each username once"],
  ['GroupPattern', () => ({ users: [{ username: 'app', groups: ['a b'] }] }), "'groups' of user 'app' has 'a b'; allowed: 2-100 characters of A-Z, a-z, 0-9, '_', '.', '~' and '-'"],
  ['GroupCount', () => ({ users: [{ username: 'app', groups: Array.from({ length: 21 }, (_, i) => `g${i}`) }] }), "'groups' of user 'app' has 21 groups; allowed: at most 20"],
  ['RemovalPolicyNoSnapshot', () => ({ removalPolicy: RemovalPolicy.SNAPSHOT }),
    "'removalPolicy' SNAPSHOT is not allowed: Amazon MQ brokers have no snapshot; allowed: RETAIN, RETAIN_ON_UPDATE_OR_DELETE, DESTROY"],
  ['ActiveMqInstanceFamily', () => ({ instanceType: BrokerInstanceType.M7G_LARGE }),
    "'instanceType' 'mq.m7g.large' is not available for ActiveMQ; allowed: mq.t3.micro, mq.m5.large, mq.m5.xlarge, mq.m5.2xlarge, mq.m5.4xlarge (legacy: mq.t2.micro, mq.m4.large)"],
  ['ActiveMqT2MicroSingleInstance', () => ({ instanceType: BrokerInstanceType.T2_MICRO, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ }),
    "'instanceType' 'mq.t2.micro' is not allowed with deploymentMode ACTIVE_STANDBY_MULTI_AZ; allowed: SINGLE_INSTANCE"],
  ['ActiveMqEbsInstanceFamily', () => ({ storageType: ActiveMqStorageType.EBS, instanceType: BrokerInstanceType.T3_MICRO }),
    "'storageType' EBS is not allowed with instanceType 'mq.t3.micro'; allowed: EFS, or an mq.m5 instance type"],
  ['ActiveMqEbsSingleInstance', () => ({ storageType: ActiveMqStorageType.EBS, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ }),
    "'storageType' EBS is not allowed with deploymentMode ACTIVE_STANDBY_MULTI_AZ; allowed: EFS (active/standby brokers share their storage)"],
  ['ActiveMqLdapHosts', (_, stack) => ({
    authentication: ActiveMqAuthentication.ldap({
      hosts: [],
      userBase: 'ou=u',
      userSearchMatching: '(uid={0})',
      roleBase: 'ou=g',
      roleSearchMatching: '(member={0})',
      serviceAccountUsername: 'svc',
      serviceAccountPassword: secretsmanager.Secret.fromSecretNameV2(stack, 'P', 'ldap'),
    }),
  }), "'authentication.hosts' is empty; allowed: one or more LDAP server host names"],
  ['ConfigurationEngine', (_, stack) => ({ configuration: new RabbitMqConfiguration(stack, 'C', { engineVersion: RabbitMqEngineVersion.V4_2, data: RabbitMqConfigurationData.fromText('') }) }),
    "'configuration' is a RABBITMQ configuration; allowed: a ACTIVEMQ configuration for a ActiveMQ broker"],
  ['ConfigurationEngineVersion', (_, stack) => ({ configuration: new ActiveMqConfiguration(stack, 'C', { engineVersion: ActiveMqEngineVersion.V5_18, data: ActiveMqConfigurationData.fromModel({}) }) }),
    "'configuration' is for engineVersion '5.18'; allowed: a configuration for engineVersion '5.19'"],
  ['ConfigurationAuthentication', (_, stack) => ({
    configuration: new ActiveMqConfiguration(stack, 'C', { engineVersion: ActiveMqEngineVersion.V5_19, authenticationStrategy: ActiveMqAuthenticationStrategy.LDAP, data: ActiveMqConfigurationData.fromModel({}) }),
  }), "'configuration' has authenticationStrategy LDAP; allowed: SIMPLE, the broker's"],
  ['ActiveMqUserLimit', () => ({ users: Array.from({ length: 251 }, (_, i) => ({ username: `user${i}` })) }), "'users' has 251 users; allowed: at most 250"],
];

const RABBITMQ_CASES: Case<RabbitMqBrokerProps>[] = [
  ['RabbitMqInstanceFamily', () => ({ engineVersion: RabbitMqEngineVersion.V3_13, instanceType: BrokerInstanceType.M4_LARGE }),
    "'instanceType' 'mq.m4.large' is not available for RabbitMQ; allowed: mq.t3.micro, mq.m5.*, mq.m7g.*"],
  ['RabbitMqGravitonVersion', () => ({ instanceType: BrokerInstanceType.M5_LARGE }),
    "'instanceType' 'mq.m5.large' is not allowed with engineVersion '4.2'; allowed: mq.m7g.* (or engineVersion 3.13)"],
  ['RabbitMqMicroSingleInstance', () => ({ engineVersion: RabbitMqEngineVersion.V3_13, instanceType: BrokerInstanceType.T3_MICRO, deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ }),
    "'instanceType' 'mq.t3.micro' is not allowed with deploymentMode CLUSTER_MULTI_AZ; allowed: SINGLE_INSTANCE, or an mq.m5/mq.m7g type for clusters"],
  ['RabbitMqStorageSizeSupported', () => ({ storageSize: Size.gibibytes(100) }),
    "'storageSize' is not allowed with engineVersion '4.2', deploymentMode SINGLE_INSTANCE and instanceType 'mq.m7g.large'; allowed: engineVersion 4.2 or later, CLUSTER_MULTI_AZ, mq.m7g.*"],
  ['RabbitMqStorageSizeStep', () => ({ deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ, storageSize: Size.gibibytes(102) }),
    "'storageSize' 102 GiB is not allowed; allowed: a positive multiple of 5 GiB"],
  ['RabbitMqUsername', () => ({ adminUser: { username: 'guest' } }), "'adminUser.username' 'guest' is not allowed for RabbitMQ; allowed: a username without '~', other than 'guest'"],
  ['RabbitMqPublicNoSecurityGroups', (_, stack) => ({ publiclyAccessible: true, vpc: undefined, securityGroups: sgs(stack, 1) }),
    "'securityGroups' is not allowed with publiclyAccessible true on RabbitMQ; allowed: no security groups (Amazon MQ refuses them on public RabbitMQ brokers)"],
  ['RabbitMqConfigurationLimits', (_, stack) => ({
    configuration: new RabbitMqConfiguration(stack, 'C', { engineVersion: RabbitMqEngineVersion.V4_2, data: RabbitMqConfigurationData.fromSettings({ connectionMax: 6000, consumerMaxPerChannel: 1000 }) }),
  }), "'configuration' sets connection_max = 6000; allowed: at most 5000 on mq.m7g.large SINGLE_INSTANCE"],
  ['EngineVersionSupported', () => ({ engineVersion: RabbitMqEngineVersion.of('3.12.13'), instanceType: BrokerInstanceType.M5_LARGE }),
    "'engineVersion' '3.12.13' is not allowed: Amazon MQ ended support for RabbitMQ 3.12 on 2025-03-17; use a supported version"],
];

describe.each(ACTIVEMQ_CASES)('ActiveMqBroker rule %s', (ruleId, props, message) => {
  test('fails at synth with the exact message, the construct path and the rule id', () => {
    const { stack, vpc } = stackWithVpc();
    expect(() => new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ, ...props(vpc, stack) } as ActiveMqBrokerProps))
      .toThrow(`Test/Broker: ActiveMqBroker validation failed:\n  - ${message} [${ruleId}]`);
    expect(stack.node.findAll().filter((c) => c.node.path.startsWith('Test/Broker/'))).toEqual([]);
  });
});

describe.each(RABBITMQ_CASES)('RabbitMqBroker rule %s', (ruleId, props, message) => {
  test('fails at synth with the exact message, the construct path and the rule id', () => {
    const { stack, vpc } = stackWithVpc();
    expect(() => new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ, ...props(vpc, stack) } as RabbitMqBrokerProps))
      .toThrow(`Test/Broker: RabbitMqBroker validation failed:\n  - ${message} [${ruleId}]`);
    expect(stack.node.findAll().filter((c) => c.node.path.startsWith('Test/Broker/'))).toEqual([]);
  });
});

test('every rule has a failing test above', () => {
  const tested = new Set([...ACTIVEMQ_CASES, ...RABBITMQ_CASES].map(([id]) => id));
  const all = [...ACTIVEMQ_RULES, ...RABBITMQ_RULES].map((r) => r.id);
  expect(all.filter((id) => !tested.has(id))).toEqual([]);
});

test('all failures of one construct are reported together', () => {
  const { stack, vpc } = stackWithVpc();
  expect(() => new ActiveMqBroker(stack, 'Broker', {
    vpc,
    ...AMQ,
    brokerName: 'bad name',
    instanceType: BrokerInstanceType.M7G_LARGE,
    autoMinorVersionUpgrade: false,
  })).toThrow(/BrokerNamePattern[\s\S]*AutoMinorVersionUpgradeRequired[\s\S]*ActiveMqInstanceFamily/);
});

test('addUser checks the new user against the user rules', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ });
  expect(() => broker.addUser('admin')).toThrow("'username' 'admin' is given more than once");
  expect(() => broker.addUser('x')).toThrow('[UsernamePattern]');
  expect(broker.users.map((u) => u.username)).toEqual(['admin']);
});

test('tokens are never rejected for being unknown, and the stack synthesizes to a valid template', () => {
  const { stack, vpc } = stackWithVpc();
  const unknown = (name: string) => new CfnParameter(stack, name).valueAsString;
  new ActiveMqBroker(stack, 'Amq', {
    vpc,
    ...AMQ,
    brokerName: unknown('AmqName'),
    maintenanceWindow: { dayOfWeek: DayOfWeek.MONDAY, timeOfDay: unknown('Time'), timeZone: unknown('Zone') },
    users: [{ username: unknown('AppUser'), groups: [unknown('AppGroup')] }],
  });
  new RabbitMqBroker(stack, 'Rmq', {
    vpc,
    ...RMQ,
    brokerName: unknown('RmqName'),
    deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ,
    storageSize: Size.gibibytes(new CfnParameter(stack, 'Size', { type: 'Number' }).valueAsNumber),
    adminUser: { username: unknown('Admin') },
  });
  // Synthesis runs every deferred validation, then AWS's CloudFormation validator (test/util/setup-validation.ts).
  const template = Template.fromStack(stack);
  template.resourceCountIs('AWS::AmazonMQ::Broker', 2);
  template.hasResourceProperties('AWS::AmazonMQ::Broker', { BrokerName: { Ref: 'AmqName' }, MaintenanceWindowStartTime: { TimeOfDay: { Ref: 'Time' } } });
  template.hasResourceProperties('AWS::AmazonMQ::Broker', { BrokerName: { Ref: 'RmqName' }, StorageSize: { Ref: 'Size' } });
});

test('errors are aws-cdk-lib validation errors that point to the README rule table, not to internal files', () => {
  const { stack, vpc } = stackWithVpc();
  let error: Error | undefined;
  try {
    new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ, brokerName: 'bad name' });
  } catch (e) {
    error = e as Error;
  }
  expect(Errors.isValidationError(error)).toBe(true);
  expect(error!.message).toContain("Each [rule] is explained in the README's rule table: https://github.com/cdk-amazon-mq/cdk-amazon-mq#synth-time-rules");
  expect(error!.message).not.toContain('mq-facts');
  // aws-cdk-lib's rendering: the construct tree instead of a raw stack.
  expect(error!.stack).toContain('Relates to construct:');
});
