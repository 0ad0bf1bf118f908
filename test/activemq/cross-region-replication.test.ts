import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion } from '../../src';

const PAIR = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ };

/** A primary in us-east-1 and its replica in us-west-2, as two stacks of one app; the replication password replicated. */
function pair() {
  const app = new App();
  const primaryStack = new Stack(app, 'Primary', { env: { account: '123456789012', region: 'us-east-1' } });
  const replicaStack = new Stack(app, 'Replica', { env: { account: '123456789012', region: 'us-west-2' }, crossRegionReferences: true });
  const password = new secretsmanager.Secret(primaryStack, 'ReplicationPassword', {
    secretName: 'orders/replication',
    generateSecretString: { secretStringTemplate: JSON.stringify({ username: 'replication' }), generateStringKey: 'password', excludeCharacters: ',:=/@"\' \\' },
    replicaRegions: [{ region: 'us-west-2' }],
  });
  const replicationUser = (stack: Stack) => ({
    username: 'replication',
    replicationUser: true,
    password: stack === primaryStack ? password : secretsmanager.Secret.fromSecretNameV2(stack, 'ReplicationPassword', 'orders/replication'),
  });
  const primary = new ActiveMqBroker(primaryStack, 'Broker', {
    vpc: new ec2.Vpc(primaryStack, 'Vpc', { maxAzs: 2 }), brokerName: 'orders', ...PAIR, users: [{ username: 'admin' }, replicationUser(primaryStack)],
  });
  const replica = new ActiveMqBroker(replicaStack, 'Broker', {
    vpc: new ec2.Vpc(replicaStack, 'Vpc', { maxAzs: 2 }),
    brokerName: 'orders',
    ...PAIR,
    users: [{ username: 'admin' }, replicationUser(replicaStack)],
    replicaOf: primary,
  });
  return { app, primaryStack, replicaStack, primary, replica };
}

test('the replica names its primary across regions, and then switches the primary to CRDR with a reboot', () => {
  const { replicaStack } = pair();
  const template = Template.fromStack(replicaStack);
  const [replicaId, replica] = Object.entries(template.findResources('AWS::AmazonMQ::Broker'))[0];
  expect(replica.Properties.DataReplicationMode).toBe('CRDR');
  // A cross-region reference (aws-cdk-lib's SSM-backed reader), not a same-region export.
  expect(JSON.stringify(replica.Properties.DataReplicationPrimaryBrokerArn)).toMatch(/ExportsReader/);
  const [reboot] = Object.values(template.findResources('Custom::AmazonMqBrokerReboot'));
  expect(reboot.Properties).toMatchObject({
    RebootOnCreate: 'true',
    DataReplicationMode: 'CRDR',
    DataReplicationModeOnDelete: 'NONE',
    Region: 'us-east-1',
    PendingChanges: { ReplicaArn: { 'Fn::GetAtt': [replicaId, 'Arn'] } },
  });
  expect(reboot.DependsOn).toContain(replicaId);
  // Both handlers (onEvent switches the mode, isComplete reboots once the primary is RUNNING) may update,
  // reboot and describe the primary (by its ARN), nothing else.
  const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement)
    .filter((s: { Action: string | string[] }) => [s.Action].flat().includes('mq:UpdateBroker'));
  expect(statements).toHaveLength(2);
  for (const statement of statements) {
    expect([...statement.Action].sort()).toEqual(['mq:DescribeBroker', 'mq:RebootBroker', 'mq:UpdateBroker']);
    expect(JSON.stringify(statement.Resource)).toMatch(/ExportsReader/);
  }
});

test('the primary stack is untouched: it renders no data replication mode, and both brokers carry one replication user', () => {
  const { primaryStack, replicaStack } = pair();
  const primary = Object.values(Template.fromStack(primaryStack).findResources('AWS::AmazonMQ::Broker'))[0].Properties;
  expect(primary.DataReplicationMode).toBeUndefined();
  for (const stack of [primaryStack, replicaStack]) {
    const users = Object.values(Template.fromStack(stack).findResources('AWS::AmazonMQ::Broker'))[0].Properties.Users;
    expect(users.filter((u: { ReplicationUser?: boolean }) => u.ReplicationUser)).toHaveLength(1);
  }
});

test('a primary made here needs its replication user and a region of its own stack', () => {
  const app = new App();
  const agnostic = new Stack(app, 'Agnostic');
  const replicaStack = new Stack(app, 'Replica', { env: { account: '123456789012', region: 'us-west-2' }, crossRegionReferences: true });
  const primary = new ActiveMqBroker(agnostic, 'Broker', { publiclyAccessible: true, brokerName: 'orders', ...PAIR });
  expect(() => new ActiveMqBroker(replicaStack, 'Broker', {
    publiclyAccessible: true, brokerName: 'orders', ...PAIR, replicaOf: primary, users: [{ username: 'replication', replicationUser: true }],
  })).toThrow(/'replicaOf' is in a stack without an explicit region[\s\S]*'replicaOf' has 0 replication users; allowed: exactly one user with replicationUser: true on the primary/);
});

test('grantPromote allows mq:Promote on the replica only', () => {
  const { replicaStack, replica } = pair();
  const role = new iam.Role(replicaStack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
  replica.grantPromote(role);
  const template = Template.fromStack(replicaStack);
  const [replicaId] = Object.keys(template.findResources('AWS::AmazonMQ::Broker'));
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: { Statement: [{ Action: 'mq:Promote', Effect: 'Allow', Resource: { 'Fn::GetAtt': [replicaId, 'Arn'] } }] },
  });
});
