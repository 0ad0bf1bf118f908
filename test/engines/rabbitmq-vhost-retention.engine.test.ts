/**
 * No data lost on delete (issue 17, High 3 and 6), on real RabbitMQ 4.0.5 with Amazon MQ's defaults: a virtual host
 * is never deleted while it holds a queue, declared in the app or not; a retained broker's virtual host survives the
 * stack; a binding is found whatever the order of its argument keys.
 */
import * as amqp from 'amqplib';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { objectsOf, TemplateResource } from './management-objects';
import { RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqExchangeType, RabbitMqQueueType } from '../../src';
import { ManagementEvent, ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';

jest.setTimeout(240_000);

let engine: RabbitMqEngine;

/** The objects of a broker with one virtual host `name` holding one queue, under a removal policy. */
function declare(name: string, removalPolicy: RemovalPolicy) {
  const app = new App();
  const stack = new Stack(app, 'Messaging', { env: { account: '123456789012', region: 'eu-west-1' } });
  const broker = new RabbitMqBroker(stack, 'Broker', {
    publiclyAccessible: true,
    brokerName: 'orders',
    engineVersion: RabbitMqEngineVersion.V4_2,
    deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
    removalPolicy,
  });
  const vhost = broker.addVirtualHost(name);
  vhost.addQueue('declared', { type: RabbitMqQueueType.CLASSIC, removalPolicy: RemovalPolicy.DESTROY });
  vhost.addExchange('routes', { type: RabbitMqExchangeType.HEADERS });
  vhost.addBinding({ source: 'routes', destinationQueue: 'declared', arguments: { 'x-match': 'all', 'kind': 'order', 'region': 'eu' } });
  const template = stack.resolve(app.synth().getStackByName('Messaging').template) as { Resources: Record<string, TemplateResource> };
  const objects = objectsOf(template, `http://127.0.0.1:${engine.managementPort}`);
  const find = (kind: string) => objects.find((o) => o.props.Kind === kind)!.props;
  return { objects, vhost: find('virtual host'), queue: find('queue'), binding: find('binding') };
}

const guest = async () => ({ username: 'guest', password: 'guest' });
const apply = (RequestType: ManagementEvent['RequestType'], props: ManagementProperties, PhysicalResourceId?: string) =>
  onEvent({ RequestType, ResourceProperties: props, PhysicalResourceId }, { secret: guest, sleep: async () => {} });
const status = async (path: string) => (await fetch(`http://127.0.0.1:${engine.managementPort}${path}`, {
  headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` },
})).status;

beforeAll(async () => {
  engine = await RabbitMqEngine.start('', ['rabbitmq_management']);
});
afterAll(async () => engine?.stop());

test('a virtual host that holds a queue the app never declared is kept with its messages; once empty, it is deleted', async () => {
  const { objects, vhost, queue } = declare('tenant-a', RemovalPolicy.DESTROY);
  expect(vhost.OnDelete).toBe('delete');
  for (const { props } of objects) {
    await apply('Create', props);
  }
  // An application declares a queue of its own and leaves a message in it.
  const connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${engine.amqpPort}/tenant-a`);
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue('by-hand', { durable: true });
  channel.sendToQueue('by-hand', Buffer.from('keep me'), { persistent: true });
  await channel.waitForConfirms();

  const log = jest.spyOn(console, 'log').mockImplementation(() => {});
  try {
    // Stack delete, objects before their virtual host.
    for (const { props } of [...objects].reverse()) {
      await apply('Delete', props, props.Path);
    }
    expect(log.mock.calls.flat().join('\n')).toContain('Kept virtual host /api/vhosts/tenant-a: it holds 1 queue(s) (by-hand)');
  } finally {
    log.mockRestore();
  }
  expect(await status(queue.Path)).toBe(404);
  expect(await status('/api/vhosts/tenant-a')).toBe(200);
  expect((await channel.get('by-hand', { noAck: true }) as amqp.GetMessage).content.toString()).toBe('keep me');

  // Before the fix: the vhost delete took `by-hand` and its message with it. Now, emptied, it goes.
  await channel.deleteQueue('by-hand');
  await connection.close();
  await apply('Delete', vhost, vhost.Path);
  expect(await status('/api/vhosts/tenant-a')).toBe(404);
});

test('a retained broker (the default) keeps its virtual host, even empty, when the stack is deleted', async () => {
  const { objects, vhost } = declare('tenant-b', RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
  expect(vhost.OnDelete).toBe('retain');
  for (const { props } of objects) {
    await apply('Create', props);
  }
  for (const { props } of [...objects].reverse()) {
    await apply('Delete', props, props.Path);
  }
  expect(await status('/api/vhosts/tenant-b')).toBe(200);
});

test('a binding keeps its physical ID when only its argument keys are reordered, and its delete finds it on the broker', async () => {
  const { objects, binding } = declare('tenant-c', RemovalPolicy.DESTROY);
  for (const { props } of objects) {
    await apply('Create', props);
  }
  const created = await apply('Create', binding);
  const reordered = { ...binding, Body: JSON.stringify({ routing_key: '', arguments: { 'region': 'eu', 'kind': 'order', 'x-match': 'all' } }) };
  expect(await apply('Update', reordered, created.PhysicalResourceId)).toEqual(created);
  const listing = '/api/bindings/tenant-c/e/routes/q/declared';
  const bindings = async () => (await (await fetch(`http://127.0.0.1:${engine.managementPort}${listing}`, {
    headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` },
  })).json() as unknown[]).length;
  expect(await bindings()).toBe(1);
  // The delete CloudFormation sends carries the reordered properties: RabbitMQ lists the arguments in its own order.
  await apply('Delete', reordered, created.PhysicalResourceId);
  expect(await bindings()).toBe(0);
});
