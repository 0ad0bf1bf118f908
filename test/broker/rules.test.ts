import { App, CfnParameter, Errors, RemovalPolicy, Size, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  ActiveMqAuthenticationStrategy, ActiveMqConfiguration, ActiveMqConfigurationData, RabbitMqConfiguration, RabbitMqConfigurationData,
  ActiveMqAuthentication, ActiveMqBroker, ActiveMqBrokerProps, ActiveMqDeploymentMode, ActiveMqEngineVersion, ActiveMqStorageType, BrokerEncryption,
  BrokerInstanceType, DayOfWeek, RabbitMqAuthentication, RabbitMqBroker, RabbitMqBrokerProps, RabbitMqDeploymentMode, RabbitMqEngineVersion,
} from '../../src';
import { ACTIVEMQ_RULES } from '../../src/activemq/rules';
import { RABBITMQ_RULES } from '../../src/rabbitmq/rules';
import { stackWithVpc } from '../util/stacks';

type Case<P> = [ruleId: string, props: (vpc: ec2.IVpc, stack: Stack) => Partial<P>, message: string];

const HTTP = { userPath: 'https://auth.example.com/user', vhostPath: 'https://auth.example.com/vhost', resourcePath: 'https://auth.example.com/resource', topicPath: 'https://auth.example.com/topic' };
const REPLICA_USERS = [{ username: 'admin', consoleAccess: true }, { username: 'replication', replicationUser: true }];
const primary = (stack: Stack, region: string) => ActiveMqBroker.fromBrokerAttributes(stack, 'Primary', {
  brokerArn: `arn:aws:mq:${region}:123456789012:broker:primary:b-1234`, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
});
const AMQ = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE };
const RMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE };
const sgs = (stack: Stack, n: number) => Array.from({ length: n }, (_, i) => ec2.SecurityGroup.fromSecurityGroupId(stack, `Sg${i}`, `sg-0000000${i}`));

/** One failing input per rule, with the exact message (the runner appends the rule id). */
const ACTIVEMQ_CASES: Case<ActiveMqBrokerProps>[] = [
  ['ActiveMqCrdrDeploymentMode', (_, stack) => ({ replicaOf: primary(stack, 'us-west-2'), users: REPLICA_USERS }),
    "'deploymentMode' SINGLE_INSTANCE is not allowed for a replica; allowed: ACTIVE_STANDBY_MULTI_AZ"],
  ['ActiveMqCrdrRegion', (_, stack) => ({ replicaOf: primary(stack, 'us-east-1'), users: REPLICA_USERS, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ }),
    "'replicaOf' is in us-east-1, the replica's region; allowed: a primary in another region (cross-region data replication)"],
  ['ActiveMqCrdrReplicationUser', (_, stack) => ({ replicaOf: primary(stack, 'us-west-2'), deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ }),
    "'users' has 0 replication users; allowed: exactly one user with replicationUser: true on a replica"],
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
  ['UserPasswordVersionId', () => ({ users: [{ username: 'app', passwordVersionId: '2026-12-02' }] }),
    "'passwordVersionId' '2026-12-02' of user 'app' is not allowed; allowed: a Secrets Manager version ID (32-64 characters of A-Z, a-z, 0-9 and '-', from describe-secret)"],
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
  ['ActiveMqLdapHosts', (_, stack) => ({ authentication: ldap(stack, []) }), "'authentication.hosts' is empty; allowed: one or more LDAP server host names"],
  ['ConfigurationEngine', (_, stack) => ({ configuration: new RabbitMqConfiguration(stack, 'C', { engineVersion: RabbitMqEngineVersion.V4_2, data: RabbitMqConfigurationData.fromText('') }) }),
    "'configuration' is a RABBITMQ configuration; allowed: a ACTIVEMQ configuration for a ActiveMQ broker"],
  ['ConfigurationEngineVersion', (_, stack) => ({ configuration: new ActiveMqConfiguration(stack, 'C', { engineVersion: ActiveMqEngineVersion.V5_18, data: ActiveMqConfigurationData.fromModel({}) }) }),
    "'configuration' is for engineVersion '5.18'; allowed: a configuration for engineVersion '5.19'"],
  ['ConfigurationAuthentication', (_, stack) => ({
    configuration: new ActiveMqConfiguration(stack, 'C', { engineVersion: ActiveMqEngineVersion.V5_19, authenticationStrategy: ActiveMqAuthenticationStrategy.LDAP, data: ActiveMqConfigurationData.fromModel({}) }),
  }), "'configuration' has authenticationStrategy LDAP; allowed: SIMPLE, the broker's"],
  ['ActiveMqUserLimit', () => ({ users: Array.from({ length: 251 }, (_, i) => ({ username: `user${i}` })) }), "'users' has 251 users; allowed: at most 250"],
  ['SubnetAvailabilityZones', (vpc, stack) => ({
    deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
    vpcSubnets: { subnets: [vpc.privateSubnets[0], ec2.Subnet.fromSubnetAttributes(stack, 'SameAz', { subnetId: 'subnet-0b', availabilityZone: vpc.privateSubnets[0].availabilityZone })] },
  }), "'vpcSubnets' has subnets sharing an Availability Zone (dummy1a, dummy1a); allowed: each subnet in a different Availability Zone"],
  ['BrokerNameUnique', (vpc, stack) => {
    new ActiveMqBroker(stack, 'First', { vpc, ...AMQ, brokerName: 'orders' });
    return { brokerName: 'orders' };
  }, "'brokerName' 'orders' is already used by Test/First in the same account and region; allowed: a name unique per account and region"],
  ['ActiveMqLdapHostName', (_, stack) => ({ authentication: ldap(stack, ['ldaps://ldap.example.com', 'ldap.example.com:636', 'ldap.example.com']) }),
    "'authentication.hosts' 'ldaps://ldap.example.com' is not allowed; allowed: a host name without scheme, port or path, such as ldap.example.com (Amazon MQ connects with LDAPS on port 636) [ActiveMqLdapHostName]\n"
    + "  - 'authentication.hosts' 'ldap.example.com:636' is not allowed; allowed: a host name without scheme, port or path, such as ldap.example.com (Amazon MQ connects with LDAPS on port 636)"],
  ['ActiveMqLdapNoUsers', (_, stack) => ({ authentication: ldap(stack, ['ldap.example.com']), users: [{ username: 'app' }] }),
    "'users' (app) is not allowed with LDAP authentication; allowed: no users: brokers authenticate against the LDAP directory, where users and groups are managed"],
  ['ActiveMqReplicationUserConsole', () => ({ users: [{ username: 'admin', consoleAccess: true }, { username: 'replicator', replicationUser: true, consoleAccess: true }] }),
    "user 'replicator' with replicationUser true and consoleAccess true is not allowed; allowed: one of them (Amazon MQ refuses both on one user)"],
];

function ldap(stack: Stack, hosts: string[]): ActiveMqAuthentication {
  return ActiveMqAuthentication.ldap({
    hosts,
    userBase: 'ou=u',
    userSearchMatching: '(uid={0})',
    roleBase: 'ou=g',
    roleSearchMatching: '(member={0})',
    serviceAccountUsername: 'svc',
    serviceAccountPassword: secretsmanager.Secret.fromSecretNameV2(stack, 'P', 'ldap'),
  });
}

const RABBITMQ_CASES: Case<RabbitMqBrokerProps>[] = [
  ['RabbitMqAuthenticationVersion', () => ({ engineVersion: RabbitMqEngineVersion.V3_13, authentication: RabbitMqAuthentication.http(HTTP) }),
    "'authentication' http is not allowed with engineVersion '3.13'; allowed: RabbitMQ 4 or later"],
  ['RabbitMqOAuth2Provider', () => ({ authentication: RabbitMqAuthentication.oauth2({ resourceServerId: 'rabbitmq', jwksUrl: 'http://idp.example.com/jwks' }) }),
    "'jwksUrl' 'http://idp.example.com/jwks' is not allowed; allowed: an https:// URL"],
  ['RabbitMqConfValueCharacters', () => ({ authentication: RabbitMqAuthentication.oauth2({ resourceServerId: 'rabbitmq\r\nauth_oauth2.verify_aud = false', issuer: 'https://idp.example.com' }) }),
    "'authentication' value of 'auth_oauth2.resource_server_id' holds a control character (\"rabbitmq\\r\\nauth_oauth2.verify_aud = false\"); allowed: one line of printable characters"],
  ['RabbitMqTlsFileArns', () => ({
    authentication: RabbitMqAuthentication.http({ ...HTTP, tls: { caCertificateArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ca-AbCdEf' } }),
  }), "'tls' file 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ca-AbCdEf' is in eu-west-1; allowed: a secret in the broker's region us-east-1 (Amazon MQ resolves ARNs in its own region)"],
  ['RabbitMqIamIssuer', () => ({ authentication: RabbitMqAuthentication.iam({ issuer: 'https://idp.example.com', resourceServerId: 'rabbitmq', roleScopes: [] }) }),
    "'issuer' 'https://idp.example.com' is not allowed; allowed: the account's STS issuer, https://<id>.tokens.sts.global.api.aws (aws iam enable-outbound-web-identity-federation)"],
  ['RabbitMqLdapServers', () => ({ authentication: RabbitMqAuthentication.ldap({ servers: ['ldaps://ldap.example.com'], userDnPattern: 'cn=${username},dc=example' }) }),
    "'servers' entry 'ldaps://ldap.example.com' is not allowed; allowed: a host name, without scheme or port"],
  ['RabbitMqHttpPaths', () => ({ authentication: RabbitMqAuthentication.http({ ...HTTP, topicPath: 'http://auth.example.com/topic' }) }),
    "'topicPath' 'http://auth.example.com/topic' is not allowed; allowed: an https:// URL"],
  ['RabbitMqAuthenticationConfiguration', (_, stack) => ({
    authentication: RabbitMqAuthentication.http(HTTP),
    configuration: new RabbitMqConfiguration(stack, 'C', {
      engineVersion: RabbitMqEngineVersion.V4_2,
      data: RabbitMqConfigurationData.fromText(''),
      authentication: RabbitMqAuthentication.oauth2({ resourceServerId: 'rabbitmq', issuer: 'https://idp.example.com' }),
    }),
  }), "'configuration' was made with oauth2 authentication, not the broker's http; allowed: the same RabbitMqAuthentication in both, or no 'configuration' (the broker makes one)"],
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

test('explicit subnets beyond what the mode takes are an error, not silently dropped', () => {
  const { stack, vpc } = stackWithVpc();
  expect(() => new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ, vpcSubnets: { subnets: vpc.privateSubnets } }))
    .toThrow("'vpcSubnets' selects 3 subnet(s) in distinct Availability Zones; deploymentMode SINGLE_INSTANCE needs exactly 1 [SubnetCount]");
});

test('subnets whose AZ is unknown at synth are not rejected for it', () => {
  const { stack, vpc } = stackWithVpc();
  const subnets = ['subnet-0a', 'subnet-0b'].map((id) => ec2.Subnet.fromSubnetId(stack, id, id));
  expect(() => new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ, vpcSubnets: { subnets } })).not.toThrow();
});

describe('broker names across an app', () => {
  test('the same explicit name in stacks of different regions is fine; in env-agnostic stacks it is a warning', () => {
    const app = new App();
    const vpcOf = (stack: Stack) => new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    for (const region of ['eu-west-1', 'us-east-1']) {
      const stack = new Stack(app, region, { env: { account: '123456789012', region } });
      expect(() => new ActiveMqBroker(stack, 'Broker', { vpc: vpcOf(stack), ...AMQ, brokerName: 'orders' })).not.toThrow();
    }
    const agnostic = new Stack(app, 'Agnostic');
    new ActiveMqBroker(agnostic, 'Broker', { vpc: vpcOf(agnostic), ...AMQ, brokerName: 'orders' });
    Annotations.fromStack(agnostic).hasWarning('/Agnostic/Broker', Match.stringLikeRegexp("brokerName 'orders' is also used by eu-west-1/Broker, us-east-1/Broker"));
  });

  test('stacks with only a region (the CRDR pattern\'s `env: { region }`) are told apart by region; one region may clash', () => {
    const app = new App();
    const vpcOf = (stack: Stack) => new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const east = new Stack(app, 'East', { env: { region: 'us-east-1' } });
    const west = new Stack(app, 'West', { env: { region: 'us-west-2' } });
    const eastAgain = new Stack(app, 'EastAgain', { env: { region: 'us-east-1' } });
    for (const stack of [east, west, eastAgain]) {
      new ActiveMqBroker(stack, 'Broker', { vpc: vpcOf(stack), ...AMQ, brokerName: 'orders' });
    }
    Annotations.fromStack(west).hasNoWarning('/West/Broker', Match.stringLikeRegexp('also used by'));
    // Same region, accounts unknown: may be the same account.
    Annotations.fromStack(eastAgain).hasWarning('/EastAgain/Broker', Match.stringLikeRegexp("brokerName 'orders' is also used by East/Broker;"));
  });

  test('a derived name on a retained broker warns that moving the construct replaces the broker', () => {
    const { stack, vpc } = stackWithVpc();
    new ActiveMqBroker(stack, 'Derived', { vpc, ...AMQ });
    new ActiveMqBroker(stack, 'Named', { vpc, ...AMQ, brokerName: 'named' });
    new ActiveMqBroker(stack, 'Destroyed', { vpc, ...AMQ, removalPolicy: RemovalPolicy.DESTROY });
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Test/Derived', Match.stringLikeRegexp("brokerName is derived from the construct path \\('Test-Derived-[0-9A-F]+'\\): moving or renaming this construct renames the broker"));
    annotations.hasNoWarning('/Test/Named', Match.stringLikeRegexp('derived'));
    annotations.hasNoWarning('/Test/Destroyed', Match.stringLikeRegexp('derived'));
  });
});

test('an ActiveMQ broker with simple authentication and no user fails at synth, unless addUser() adds one', () => {
  const { app, stack, vpc } = stackWithVpc();
  new ActiveMqBroker(stack, 'Empty', { vpc, ...AMQ, users: [] });
  new ActiveMqBroker(stack, 'Later', { vpc, ...AMQ, users: [] }).addUser('app');
  expect(() => app.synth()).toThrow(/Test\/Empty[\s\S]*'users' is empty with simple authentication: nobody could connect; allowed: at least one user, in 'users' or through addUser\(\) \[ActiveMqSimpleUsers\]/);
  expect(() => app.synth()).not.toThrow(/Test\/Later/);
});

test('addUser() is refused on an LDAP broker', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ, authentication: ldap(stack, ['ldap.example.com']) });
  expect(() => broker.addUser('app')).toThrow("'users' (app) is not allowed with LDAP authentication");
});

describe('props of the wrong kind from JavaScript name the property, never a raw TypeError', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['engineVersion as a string', { engineVersion: '5.18' }, "'engineVersion' '5.18' (a string) is not allowed; allowed: an ActiveMqEngineVersion, such as ActiveMqEngineVersion.V5_19"],
    ['engineVersion of the other engine', { engineVersion: RabbitMqEngineVersion.V4_2 }, "'engineVersion' "],
    ['engineVersion missing', { engineVersion: undefined }, "'engineVersion' is missing; allowed: an ActiveMqEngineVersion"],
    ['deploymentMode of the other engine', { deploymentMode: 'CLUSTER_MULTI_AZ' }, "'deploymentMode' 'CLUSTER_MULTI_AZ' (a string) is not allowed; allowed: an ActiveMqDeploymentMode: SINGLE_INSTANCE, ACTIVE_STANDBY_MULTI_AZ"],
    ['instanceType as a string', { instanceType: 'mq.m5.large' }, "'instanceType' 'mq.m5.large' (a string) is not allowed; allowed: a BrokerInstanceType, such as BrokerInstanceType.M5_LARGE"],
    ['storageType in lower case', { storageType: 'efs' }, "'storageType' 'efs' (a string) is not allowed; allowed: an ActiveMqStorageType: EFS, EBS"],
    ['a log retention CloudWatch Logs does not take', { logs: { retention: 2 } }, "'logs.retention' 2 (a number) is not allowed; allowed: a logs.RetentionDays"],
  ])('ActiveMqBroker: %s', (_, wrong, message) => {
    const { stack, vpc } = stackWithVpc();
    expect(() => new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ, ...wrong } as unknown as ActiveMqBrokerProps)).toThrow(message);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['storageSize as a number', { deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ, storageSize: 200 }, "'storageSize' 200 (a number) is not allowed; allowed: a Size, such as Size.gibibytes(200)"],
    ['engineVersion as a string', { engineVersion: '4.2' }, "'engineVersion' '4.2' (a string) is not allowed; allowed: a RabbitMqEngineVersion"],
    ['encryption as a boolean', { encryption: true }, "'encryption' true (a boolean) is not allowed; allowed: a BrokerEncryption: AWS_OWNED, AWS_MANAGED, KMS"],
    ['a log retention CloudWatch Logs does not take', { logs: { retention: 2 } }, "'logs.retention' 2 (a number) is not allowed; allowed: a logs.RetentionDays: 1, 3, 5, 7, 14"],
    ['a negative log retention', { logs: { retention: -7 } }, "'logs.retention' -7 (a number) is not allowed"],
  ])('RabbitMqBroker: %s', (_, wrong, message) => {
    const { stack, vpc } = stackWithVpc();
    expect(() => new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ, ...wrong } as unknown as RabbitMqBrokerProps)).toThrow(message);
  });
  test('a wrong kind is one rule failure per property, run before the rules that would read it', () => {
    const { stack, vpc } = stackWithVpc();
    const wrong = { engineVersion: '5.18', storageType: 'efs', brokerName: 'bad name' } as unknown as ActiveMqBrokerProps;
    expect(() => new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ, ...wrong })).toThrow(new Error([
      'Test/Broker: ActiveMqBroker validation failed:',
      "  - 'engineVersion' '5.18' (a string) is not allowed; allowed: an ActiveMqEngineVersion, such as ActiveMqEngineVersion.V5_19 [ActiveMqBrokerPropKinds]",
      "  - 'storageType' 'efs' (a string) is not allowed; allowed: an ActiveMqStorageType: EFS, EBS [ActiveMqBrokerPropKinds]",
      "Each [rule] is explained in the README's rule table: https://github.com/cdk-amazon-mq/cdk-amazon-mq#synth-time-rules",
    ].join('\n')));
    expect(() => new RabbitMqBroker(stack, 'Rabbit', { vpc, ...RMQ, engineVersion: '4.2' } as unknown as RabbitMqBrokerProps))
      .toThrow("Test/Rabbit: RabbitMqBroker validation failed:\n  - 'engineVersion' '4.2' (a string) is not allowed; allowed: a RabbitMqEngineVersion, such as RabbitMqEngineVersion.V4_2 [RabbitMqBrokerPropKinds]\n");
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

test('a broker ID given to fromBrokerArn says it is an ID and how to import by ID', () => {
  const stack = new Stack();
  expect(() => ActiveMqBroker.fromBrokerArn(stack, 'Imported', 'b-1234a5b6-78cd-901e-2fab-3c45d6e178f9'))
    .toThrow("'brokerArn' 'b-1234a5b6-78cd-901e-2fab-3c45d6e178f9' is not a broker ARN (this is a broker ID: import with fromBrokerAttributes({ brokerName, brokerId }))");
});

test('addRecommendedAlarms() twice on one broker is a clear error, not a construct id clash', () => {
  const { stack, vpc } = stackWithVpc();
  const amq = new ActiveMqBroker(stack, 'Amq', { vpc, ...AMQ, brokerName: 'amq' });
  const rmq = new RabbitMqBroker(stack, 'Rmq', { vpc, ...RMQ, brokerName: 'rmq' });
  for (const broker of [amq, rmq]) {
    broker.addRecommendedAlarms();
    expect(() => broker.addRecommendedAlarms()).toThrow('addRecommendedAlarms() was already called on this broker; allowed: once per broker');
    expect(() => broker.addRecommendedAlarms()).toThrow(/\[RecommendedAlarmsOnce\]/);
  }
});

test('[RabbitMqConfigurationLimits] mq.m7g.medium: at most 300 connections and 900 channels single-instance (DG maximum limits); a cluster on medium is allowed', () => {
  const medium = (stack: Stack, vpc: ec2.IVpc, id: string, deploymentMode: RabbitMqDeploymentMode, connectionMax: number) =>
    new RabbitMqBroker(stack, id, {
      vpc,
      ...RMQ,
      deploymentMode,
      instanceType: BrokerInstanceType.M7G_MEDIUM,
      brokerName: id.toLowerCase(),
      configuration: new RabbitMqConfiguration(stack, `${id}Configuration`, { engineVersion: RabbitMqEngineVersion.V4_2, data: RabbitMqConfigurationData.fromSettings({ connectionMax }) }),
    });
  const { stack, vpc } = stackWithVpc();
  expect(() => medium(stack, vpc, 'Over', RabbitMqDeploymentMode.SINGLE_INSTANCE, 301))
    .toThrow("'configuration' sets connection_max = 301; allowed: at most 300 on mq.m7g.medium SINGLE_INSTANCE [RabbitMqConfigurationLimits]");
  expect(() => medium(stack, vpc, 'AtMax', RabbitMqDeploymentMode.SINGLE_INSTANCE, 300)).not.toThrow();
  // The cluster maxima of medium are not published: not refused.
  expect(() => medium(stack, vpc, 'Cluster', RabbitMqDeploymentMode.CLUSTER_MULTI_AZ, 300)).not.toThrow();
  expect(Template.fromStack(stack).findResources('AWS::AmazonMQ::Broker', { Properties: { HostInstanceType: 'mq.m7g.medium', DeploymentMode: 'CLUSTER_MULTI_AZ' } })).not.toEqual({});
});

test('an ActiveMQ user\'s passwordVersionId is in the password\'s dynamic reference: a rotation becomes a template change', () => {
  const { stack, vpc } = stackWithVpc();
  const versionId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
  new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ, users: [{ username: 'app', passwordVersionId: versionId }, { username: 'other' }] });
  const [broker] = Object.values(Template.fromStack(stack).findResources('AWS::AmazonMQ::Broker'));
  const password = (name: string) => JSON.stringify(broker.Properties.Users.find((u: { Username: string }) => u.Username === name).Password);
  expect(password('app')).toContain(`:SecretString:password::${versionId}}}`);
  expect(password('other')).toContain(':SecretString:password::}}');
});
