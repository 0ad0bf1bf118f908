/** Options of the wrong kind from JavaScript callers fail naming the option, before any rule reads them, and leave nothing behind. */
import { Template } from 'aws-cdk-lib/assertions';
import { RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion } from '../../src';
import { stackWithVpc } from '../util/stacks';

function vhost() {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE });
  return { stack, vhost: broker.addVirtualHost('orders') };
}

const objects = (stack: ReturnType<typeof vhost>['stack']) => Object.keys(Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject'));

test('[RabbitMqObjectPropKinds] addUser() without permissions names the option (was a TypeError)', () => {
  const { stack, vhost: orders } = vhost();
  expect(() => orders.addUser('orders-app', {} as any)).toThrow(
    /addUser\('orders-app'\) validation failed:\n {2}- 'permissions' is missing; allowed: an object \{ configure, write, read \} of regular expressions \[RabbitMqObjectPropKinds\]/);
  // Only the virtual host: no user, no permissions.
  expect(objects(stack)).toHaveLength(1);
});

test('[RabbitMqObjectPropKinds] addQueue() with a number for a Duration and a string for a number names each option', () => {
  const { stack, vhost: orders } = vhost();
  expect(() => orders.addQueue('orders.in', { messageTtl: 60000, maxLength: '100' } as any)).toThrow(new RegExp([
    "'messageTtl' 60000 \\(a number\\) is not allowed; allowed: a Duration, such as Duration\\.minutes\\(1\\) \\[RabbitMqObjectPropKinds\\]",
    "  - 'maxLength' '100' \\(a string\\) is not allowed; allowed: a number of messages \\[RabbitMqObjectPropKinds\\]",
  ].join('\n')));
  expect(objects(stack)).toHaveLength(1);
});
