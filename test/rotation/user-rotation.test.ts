import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  ActiveMqAuthentication, ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, RabbitMqBroker, RabbitMqDeploymentMode,
  RabbitMqEngineVersion,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

const PERMS = { configure: '^app\\.', write: '^app\\.', read: '^app\\.' };
const RMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE, brokerName: 'events' };
const AMQ = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE };

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

/** The statements of the policies attached to the role of the function whose description starts with `description`. */
function roleStatements(template: Template, description: string): Statement[] {
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp(description) } }));
  const role = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${role}"`))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
const smg4Reasons = (secret: secretsmanager.ISecret) => secret.node.metadata
  .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data['Annotation::AwsSolutions-SMG4']).filter((r) => r !== undefined);

function rabbit() {
  const { app, stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
  const vhost = broker.addVirtualHost('app');
  return { app, stack, vpc, broker, vhost };
}

describe('RabbitMqVirtualHostUser.addRotationSingleUser', () => {
  test('one RotationSchedule on the user\'s secret, 30 days by default, after the user exists on the broker', () => {
    const { stack, vhost } = rabbit();
    const user = vhost.addUser('app-user', { permissions: PERMS });
    user.addRotationSingleUser();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 1);
    const [schedule] = Object.values(template.findResources('AWS::SecretsManager::RotationSchedule'));
    expect(schedule.Properties.RotationRules).toEqual({ ScheduleExpression: 'rate(30 days)' });
    expect(JSON.stringify(schedule.Properties.SecretId)).toContain('UserappuserSecret');
    const [userObject] = Object.entries(template.findResources('Custom::AmazonMqRabbitMqObject', { Properties: { Kind: 'user' } }));
    expect(schedule.DependsOn).toContain(userObject[0]);
  });

  test('the function runs in the broker\'s VPC with a security group the broker admits on 443 and 5671, and reads the admin secret', () => {
    const { stack, vhost } = rabbit();
    vhost.addUser('app-user', { permissions: PERMS }).addRotationSingleUser({ automaticallyAfter: Duration.days(7), rotateImmediatelyOnUpdate: false });
    const template = Template.fromStack(stack);
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('user password rotation') } }));
    expect(fn.Properties.VpcConfig).toBeDefined();
    expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual(['ADMIN_SECRET_ARN', 'AMQP_ENDPOINT', 'AWS_NODEJS_CONNECTION_REUSE_ENABLED', 'MANAGEMENT_ENDPOINT']);
    expect(JSON.stringify(fn.Properties.Environment.Variables.AMQP_ENDPOINT)).toContain(':5671');
    const groupId = (fn.Properties.VpcConfig.SecurityGroupIds as Array<{ 'Fn::GetAtt': string[] }>)[0]['Fn::GetAtt'][0];
    for (const port of [443, 5671]) {
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: port, ToPort: port, SourceSecurityGroupId: { 'Fn::GetAtt': [groupId, 'GroupId'] } });
    }
    const [schedule] = Object.values(template.findResources('AWS::SecretsManager::RotationSchedule'));
    expect(schedule.Properties).toMatchObject({ RotationRules: { ScheduleExpression: 'rate(7 days)' }, RotateImmediatelyOnUpdate: false });
    const statements = roleStatements(template, 'user password rotation');
    expect(actionsOf(statements)).toEqual(expect.arrayContaining(['secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage', 'secretsmanager:GetRandomPassword']));
    // Secret actions name exactly the rotated secret and the admin secret; only GetRandomPassword and the network
    // interface actions (which take no resource) are on '*'.
    for (const s of statements.filter((st) => actionsOf([st]).some((a) => a.startsWith('secretsmanager:') && a !== 'secretsmanager:GetRandomPassword'))) {
      expect(JSON.stringify(s.Resource)).toMatch(/UserappuserSecret|AdminSecret/);
    }
    expect(statements.filter((s) => s.Resource === '*').flatMap((s) => actionsOf([s])).filter((a) => !a.startsWith('ec2:'))).toEqual(['secretsmanager:GetRandomPassword']);
  });

  test('one function per broker for every rotated user; the rotated secrets only', () => {
    const { stack, vhost } = rabbit();
    vhost.addUser('a-user', { permissions: PERMS }).addRotationSingleUser();
    vhost.addUser('b-user', { permissions: PERMS }).addRotationSingleUser();
    vhost.addUser('c-user', { permissions: PERMS });
    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('user password rotation') } }))).toHaveLength(1);
    template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 2);
    const text = JSON.stringify(roleStatements(template, 'user password rotation'));
    expect(text).toContain('UserauserSecret');
    expect(text).toContain('UserbuserSecret');
    expect(text).not.toContain('UsercuserSecret');
  });

  test('a public broker\'s rotation function runs outside any VPC', () => {
    const stack = new Stack(new App(), 'Public', { env: { account: '123456789012', region: 'us-east-1' } });
    const broker = new RabbitMqBroker(stack, 'Broker', { ...RMQ, publiclyAccessible: true });
    broker.addVirtualHost('app').addUser('app-user', { permissions: PERMS }).addRotationSingleUser();
    const [fn] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('user password rotation') } }));
    expect(fn.Properties.VpcConfig).toBeUndefined();
  });

  test.each([
    [Duration.hours(3), '3 hours'], [Duration.days(1001), '1001 days'], [Duration.minutes(270), '4 hours 30 minutes'],
  ])('automaticallyAfter %s is refused [UserRotationSchedule]', (after, shown) => {
    const { vhost } = rabbit();
    const user = vhost.addUser('app-user', { permissions: PERMS });
    expect(() => user.addRotationSingleUser({ automaticallyAfter: after }))
      .toThrow(new RegExp(`Test/Broker/VirtualHostapp: RabbitMqVirtualHostUser.addRotationSingleUser\\('app-user'\\) validation failed:[\\s\\S]*'automaticallyAfter' ${shown} of user 'app-user' is not allowed; allowed: 4 hours to 1000 days, in whole hours \\(Secrets Manager rotates at most every 4 hours\\) \\[UserRotationSchedule\\]`));
  });

  test('4 hours and 1000 days are the bounds, and are taken', () => {
    const { stack, vhost } = rabbit();
    vhost.addUser('a-user', { permissions: PERMS }).addRotationSingleUser({ automaticallyAfter: Duration.hours(4) });
    vhost.addUser('b-user', { permissions: PERMS }).addRotationSingleUser({ automaticallyAfter: Duration.days(1000) });
    const rules = Object.values(Template.fromStack(stack).findResources('AWS::SecretsManager::RotationSchedule')).map((s) => s.Properties.RotationRules.ScheduleExpression);
    expect(rules.sort()).toEqual(['rate(1000 days)', 'rate(4 hours)']);
  });

  test('a second rotation of the same user is refused [UserRotationOnce]', () => {
    const { vhost } = rabbit();
    const user = vhost.addUser('app-user', { permissions: PERMS });
    user.addRotationSingleUser();
    expect(() => user.addRotationSingleUser()).toThrow(/user 'app-user' already has a rotation; allowed: one addRotationSingleUser\(\) per user \(a secret has one rotation schedule\) \[UserRotationOnce\]/);
  });

  test('the generated secret acknowledges SMG4 only without rotation, pointing at addRotationSingleUser', () => {
    const { app, vhost } = rabbit();
    const rotated = vhost.addUser('a-user', { permissions: PERMS });
    rotated.addRotationSingleUser();
    const plain = vhost.addUser('b-user', { permissions: PERMS });
    app.synth();
    expect(smg4Reasons(rotated.secret)).toEqual([]);
    expect(smg4Reasons(plain.secret)[0]).toContain('addRotationSingleUser()');
  });
});

describe('ActiveMqBroker.addRotationSingleUser', () => {
  function activemq(props: Partial<ConstructorParameters<typeof ActiveMqBroker>[2]> = {}) {
    const { app, stack, vpc } = stackWithVpc();
    const broker = new ActiveMqBroker(stack, 'Broker', { vpc, ...AMQ, ...props });
    return { app, stack, broker };
  }

  test('a schedule on the user\'s secret after the broker; the function may update users and reboot this broker only, outside any VPC', () => {
    const { stack, broker } = activemq();
    broker.addUser('orders');
    broker.addRotationSingleUser('orders');
    const template = Template.fromStack(stack);
    const [schedule] = Object.values(template.findResources('AWS::SecretsManager::RotationSchedule'));
    expect(JSON.stringify(schedule.Properties.SecretId)).toContain('BrokerUserorders');
    expect(schedule.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^Broker[0-9A-F]{8}$/)]));
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('ActiveMQ user password rotation') } }));
    expect(fn.Properties).toMatchObject({ Timeout: 900, Environment: { Variables: { REBOOT_BROKER: 'true' } } });
    expect(fn.Properties.VpcConfig).toBeUndefined();
    const mq = roleStatements(template, 'ActiveMQ user password rotation').filter((s) => actionsOf([s]).some((a) => a.startsWith('mq:')));
    expect(mq).toHaveLength(1);
    expect(actionsOf(mq).sort()).toEqual(['mq:DescribeBroker', 'mq:DescribeUser', 'mq:RebootBroker', 'mq:UpdateUser']);
    expect(mq[0].Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Broker/), 'Arn'] });
  });

  test('rebootBroker false: no RebootBroker permission, and a warning that says what the window is', () => {
    const { stack, broker } = activemq();
    broker.addRotationSingleUser('admin', { rebootBroker: false });
    const template = Template.fromStack(stack);
    expect(actionsOf(roleStatements(template, 'ActiveMQ user password rotation'))).not.toContain('mq:RebootBroker');
    Annotations.fromStack(stack).hasWarning('/Test/Broker', Match.stringLikeRegexp('rebootBroker is false.*AWSCURRENT holds the old password'));
  });

  test('a user the broker does not have is refused [ActiveMqRotationUser]', () => {
    const { broker } = activemq();
    expect(() => broker.addRotationSingleUser('nobody')).toThrow(/'username' 'nobody' is not a user of this broker; allowed: a user given in 'users' or added with addUser\(\) first \[ActiveMqRotationUser\]/);
  });

  test('with LDAP there is no broker user to rotate [ActiveMqRotationUser]', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new ActiveMqBroker(stack, 'Broker', {
      vpc,
      ...AMQ,
      authentication: ActiveMqAuthentication.ldap({
        hosts: ['ldap.example.com'],
        userBase: 'ou=Users,dc=example,dc=com',
        userSearchMatching: '(uid={0})',
        roleBase: 'ou=Groups,dc=example,dc=com',
        roleSearchMatching: '(member:=uid={1})',
        serviceAccountUsername: 'cn=mq,dc=example,dc=com',
        serviceAccountPassword: new secretsmanager.Secret(stack, 'Ldap'),
      }),
    });
    expect(() => broker.addRotationSingleUser('admin')).toThrow(/with LDAP the directory holds the passwords.*\[ActiveMqRotationUser\]/);
  });

  test('a user pinned to a passwordVersionId is refused [ActiveMqRotationPasswordVersionId]', () => {
    const { stack, broker } = activemq();
    broker.addUser('orders', { password: secretsmanager.Secret.fromSecretNameV2(stack, 'Orders', 'orders'), passwordVersionId: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE' });
    expect(() => broker.addRotationSingleUser('orders')).toThrow(/user 'orders' has 'passwordVersionId' .*the next update of the broker would send that old password back to Amazon MQ.*\[ActiveMqRotationPasswordVersionId\]/);
  });

  test('the template keeps a version-less reference for a rotated user: a later broker update reads AWSCURRENT', () => {
    const { stack, broker } = activemq();
    broker.addRotationSingleUser('admin');
    const [cfn] = Object.values(Template.fromStack(stack).findResources('AWS::AmazonMQ::Broker'));
    expect(JSON.stringify(cfn.Properties.Users)).toMatch(/resolve:secretsmanager:.*:SecretString:password::}}/);
  });

  test('the same user twice is refused [UserRotationOnce]; the SMG4 acknowledgement is gone from the rotated secret only', () => {
    const { app, broker } = activemq({ users: [{ username: 'admin', consoleAccess: true }, { username: 'orders' }] });
    broker.addRotationSingleUser('admin');
    expect(() => broker.addRotationSingleUser('admin')).toThrow(/\[UserRotationOnce\]/);
    app.synth();
    const [admin, orders] = broker.users;
    expect(smg4Reasons(admin.secret)).toEqual([]);
    expect(smg4Reasons(orders.secret)[0]).toContain('ActiveMqBroker.addRotationSingleUser()');
  });
});

test('cdk-nag is clean on a private RabbitMQ and an ActiveMQ broker with rotated users', () => {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'Nag', { env: { account: '123456789012', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  Validations.of(vpc).acknowledge({ id: 'AwsSolutions-VPC7', reason: 'test VPC' });
  const rabbitmq = new RabbitMqBroker(stack, 'Rabbit', { vpc, ...RMQ });
  rabbitmq.addVirtualHost('app').addUser('app-user', { permissions: PERMS }).addRotationSingleUser();
  const activemq = new ActiveMqBroker(stack, 'Active', { vpc, ...AMQ });
  activemq.addRotationSingleUser('admin');
  expect(() => app.synth()).not.toThrow();
});
