import { CfnParameter, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqVirtualHostUserOptions } from '../../src';
import { stackWithVpc } from '../util/stacks';

const PERMS = { configure: '^app\\.', write: '^app\\.', read: '^app\\.' };

/** One broker with one management user; returns the user's custom resource properties, resolved. */
function userProperties(options: Partial<RabbitMqVirtualHostUserOptions> | ((stack: Stack) => Partial<RabbitMqVirtualHostUserOptions>) = {},
  secretName?: string) {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', {
    vpc, brokerName: 'events', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
  });
  const password = secretName === undefined ? undefined : secretsmanager.Secret.fromSecretNameV2(stack, 'AppSecret', secretName);
  const user = broker.addVirtualHost('app').addUser('app-user', {
    permissions: PERMS, password, ...typeof options === 'function' ? options(stack) : options,
  });
  const objects = Object.values(Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject'));
  const props = (kind: string) => objects.find((o) => o.Properties.Kind === kind)!.Properties as Record<string, unknown>;
  return { user, userProps: props('user'), permissionProps: props('permissions') };
}

test('passwordVersion is a property of the user\'s custom resource only', () => {
  const { userProps, permissionProps } = userProperties({ passwordVersion: '2025-06-01' });
  expect(userProps.PasswordVersion).toBe('2025-06-01');
  expect(permissionProps).not.toHaveProperty('PasswordVersion');
});

test('without passwordVersion the user\'s custom resource has no such property', () => {
  expect(userProperties().userProps).not.toHaveProperty('PasswordVersion');
  expect(userProperties({}, 'app-user').userProps).not.toHaveProperty('PasswordVersion');
});

test('a new passwordVersion changes only that property: an Update of the same user, not a replacement', () => {
  const { PasswordVersion: before, ...restBefore } = userProperties({ passwordVersion: 'v1' }, 'app-user').userProps;
  const { PasswordVersion: after, ...restAfter } = userProperties({ passwordVersion: 'v2' }, 'app-user').userProps;
  expect([before, after]).toEqual(['v1', 'v2']);
  // The path is the physical ID: unchanged, so CloudFormation updates the user in place.
  expect(restAfter).toEqual(restBefore);
});

test('a token passwordVersion (a parameter) is rendered as is', () => {
  const { userProps } = userProperties((stack) => ({ passwordVersion: new CfnParameter(stack, 'AppRotation', { type: 'String' }).valueAsString }));
  expect(userProps.PasswordVersion).toEqual({ Ref: 'AppRotation' });
});

test('another password secret changes the user\'s Secrets property (an Update that reads the new secret)', () => {
  const a = userProperties({}, 'app-user-a').userProps;
  const b = userProperties({}, 'app-user-b').userProps;
  expect(JSON.stringify(a.Secrets)).toContain('app-user-a');
  expect(JSON.stringify(b.Secrets)).toContain('app-user-b');
  expect(b.Path).toBe(a.Path);
  expect(b.Body).toEqual(a.Body);
});

test('the generated secret\'s rotation acknowledgement says how a management user gets a new password', () => {
  const { user } = userProperties();
  const acknowledged = user.secret.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data);
  const reason: string = acknowledged.map((d) => d['Annotation::AwsSolutions-SMG4']).find((r) => r !== undefined);
  expect(reason).toContain('passwordVersion');
  expect(reason).not.toContain('next reboot');
});
