/**
 * The management custom resource against real RabbitMQ (RabbitMQ 4.0.5 from Debian 13 with Amazon MQ's defaults, management, shovel and federation plugins,
 * 127.0.0.1 only): the objects a synthesized stack declares are applied by the real handler, read back over the API,
 * and proven with a real AMQP client (amqplib); then updated, applied twice, and deleted.
 */
import * as amqp from 'amqplib';
import { App, RemovalPolicy } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { eventually, managementGet, objectsOf, ordersBroker, TemplateResource } from './management-objects';
import { RabbitMqEngine } from './rabbitmq-engine';
import {
  RabbitMqExchangeType, RabbitMqPolicyApplyTo, RabbitMqQueueType,
} from '../../src';
import { ManagementEvent, ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';

jest.setTimeout(240_000);

const APP_PASSWORD = 'Orders-App-Passw0rd';

/** The app under test: what a user writes. */
function declare() {
  const { stack, broker } = ordersBroker();
  const federation = secretsmanager.Secret.fromSecretNameV2(stack, 'FederationUser', 'federation-user');
  const vhost = broker.addVirtualHost('orders', { description: 'Order processing' });
  const user = vhost.addUser('orders-app', { tags: ['monitoring'], permissions: { configure: '^orders\\.', write: '^orders\\.', read: '^orders\\.' } });
  vhost.addExchange('orders.events', { type: RabbitMqExchangeType.TOPIC });
  vhost.addExchange('orders.dlx', { type: RabbitMqExchangeType.FANOUT });
  // Untuned: its settings come from the app's policy below (a queue with typed tuning gets its own policy, which would
  // win over it: rabbitmq-queue-tuning.engine.test.ts).
  vhost.addQueue('orders.in', { type: RabbitMqQueueType.QUORUM });
  vhost.addQueue('orders.dead', { type: RabbitMqQueueType.CLASSIC, removalPolicy: RemovalPolicy.DESTROY });
  vhost.addQueue('orders.outbox', { type: RabbitMqQueueType.CLASSIC });
  vhost.addQueue('orders.archive', { type: RabbitMqQueueType.CLASSIC });
  vhost.addBinding({ source: 'orders.events', destinationQueue: 'orders.in', routingKey: 'order.*' });
  vhost.addBinding({ source: 'orders.dlx', destinationQueue: 'orders.dead' });
  vhost.addBinding({ source: 'orders.events', destinationQueue: 'orders.outbox', routingKey: 'outbox.*' });
  // The dead-letter exchange, delivery limit and TTL come from a policy, not from the queue's arguments.
  vhost.addPolicy('orders-dead-letters', {
    pattern: '^orders\\.in$', definition: { 'dead-letter-exchange': 'orders.dlx', 'delivery-limit': 5, 'message-ttl': 3_600_000 }, applyTo: RabbitMqPolicyApplyTo.QUEUES,
  });
  vhost.addOperatorPolicy('orders-limits', { pattern: '^orders\\.', definition: { 'max-length': 100000 } });
  vhost.addShovel('to-archive', { source: { queue: 'orders.outbox' }, destination: { queue: 'orders.archive' } });
  vhost.addFederationUpstream('eu', { uri: 'amqp://127.0.0.1:5672/orders', credentials: federation });
  return { stack, user };
}

let engine: RabbitMqEngine;
let objects: Array<{ id: string; props: ManagementProperties }>;
let userSecretKey: string;
let configurationText: string;

async function apply(type: ManagementEvent['RequestType'], props: ManagementProperties) {
  const secrets: Record<string, Record<string, string>> = {
    [userSecretKey]: { username: 'orders-app', password: APP_PASSWORD },
  };
  return onEvent({ RequestType: type, ResourceProperties: props, PhysicalResourceId: type === 'Create' ? undefined : props.Path }, {
    // The admin's and the federation user's secrets: RabbitMQ's loopback guest.
    secret: async (arn) => secrets[arn] ?? { username: 'guest', password: 'guest' },
    sleep: async () => {},
  });
}

const api = <T>(path: string) => managementGet<T>(engine.managementPort, path);


/** Takes the message with this content from a queue, acknowledging any other it meets first. */
async function take(channel: amqp.Channel, queue: string, content: string): Promise<amqp.GetMessage> {
  return eventually(async () => {
    const message = await channel.get(queue);
    if (message && message.content.toString() !== content) {
      channel.ack(message);
      return false;
    }
    return message;
  }, (m) => m !== false, `'${content}' in ${queue}`) as Promise<amqp.GetMessage>;
}

beforeAll(async () => {
  const { stack, user } = declare();
  userSecretKey = JSON.stringify(stack.resolve((user.secret as secretsmanager.Secret).secretArn));
  const template = stack.resolve(App.of(stack)!.synth().getStackByName('Messaging').template) as { Resources: Record<string, TemplateResource> };
  // The broker runs the configuration it made for its operator policy, over Amazon MQ's defaults (which forbid them).
  configurationText = Object.values(template.Resources).filter((r) => r.Type === 'AWS::AmazonMQ::Configuration')
    .map((r) => Buffer.from(r.Properties.Data as string, 'base64').toString('utf-8')).join('\n');
  engine = await RabbitMqEngine.start(configurationText, ['rabbitmq_management', 'rabbitmq_shovel', 'rabbitmq_shovel_management', 'rabbitmq_federation']);
  objects = objectsOf(template, `http://127.0.0.1:${engine.managementPort}`);
  for (const { props } of objects) {
    await apply('Create', props);
  }
});
afterAll(async () => engine?.stop());

test('the stack declares 16 objects, none holding a password', () => {
  expect(objects.map((o) => `${o.props.Kind} ${decodeURIComponent(o.props.Path)}`)).toEqual(expect.arrayContaining([
    'virtual host /api/vhosts/orders', 'user /api/users/orders-app', 'permissions /api/permissions/orders/orders-app',
    'queue /api/queues/orders/orders.in', 'binding /api/bindings/orders/e/orders.events/q/orders.in',
    'policy /api/policies/orders/orders-dead-letters', 'operator policy /api/operator-policies/orders/orders-limits',
    'shovel /api/parameters/shovel/orders/to-archive', 'federation upstream /api/parameters/federation-upstream/orders/eu',
  ]));
  expect(objects).toHaveLength(16);
  expect(JSON.stringify(objects)).not.toContain(APP_PASSWORD);
  expect(JSON.stringify(objects)).not.toContain('guest');
});

test('the operator policy applies because the broker runs the configuration it made; Amazon MQ\'s default refuses it', async () => {
  expect(configurationText.trim()).toBe('management.restrictions.operator_policy_changes.disabled = false');
  const defaults = await RabbitMqEngine.start('', ['rabbitmq_management']);
  try {
    const response = await fetch(`http://127.0.0.1:${defaults.managementPort}/api/operator-policies/%2F/limits`, {
      method: 'PUT',
      headers: { 'Authorization': `Basic ${Buffer.from('guest:guest').toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ 'pattern': '.*', 'definition': { 'max-length': 1 }, 'apply-to': 'queues' }),
    });
    expect(response.status).toBe(405);
    expect(await response.text()).toContain('Broker settings disallow editing of operator policies');
  } finally {
    await defaults.stop();
  }
});

test('RabbitMQ reports every object back as declared', async () => {
  expect((await api<{ description: string }>('/api/vhosts/orders')).body.description).toBe('Order processing');
  expect((await api<{ tags: string[] | string }>('/api/users/orders-app')).body.tags).toEqual(expect.arrayContaining(['monitoring']));
  expect((await api<object>('/api/permissions/orders/orders-app')).body).toMatchObject({ configure: '^orders\\.', write: '^orders\\.', read: '^orders\\.' });
  expect((await api<{ type: string; arguments: object }>('/api/queues/orders/orders.in')).body).toMatchObject({
    type: 'quorum', durable: true, arguments: { 'x-queue-type': 'quorum' },
  });
  expect((await api<{ type: string }>('/api/exchanges/orders/orders.events')).body.type).toBe('topic');
  expect((await api<Array<{ routing_key: string }>>('/api/bindings/orders/e/orders.events/q/orders.in')).body.map((b) => b.routing_key)).toEqual(['order.*']);
  expect((await api<object>('/api/policies/orders/orders-dead-letters')).body).toMatchObject({
    'pattern': '^orders\\.in$', 'apply-to': 'queues', 'definition': { 'dead-letter-exchange': 'orders.dlx', 'delivery-limit': 5, 'message-ttl': 3_600_000 },
  });
  expect((await api<object>('/api/operator-policies/orders/orders-limits')).body).toMatchObject({ definition: { 'max-length': 100000 } });
  // Credentials reach the upstream URI at deploy time only.
  expect((await api<{ value: { uri: string } }>('/api/parameters/federation-upstream/orders/eu')).body.value.uri).toBe('amqp://guest:guest@127.0.0.1:5672/orders');
  await eventually(() => api<Array<{ name: string; state: string }>>('/api/shovels/orders'), (r) => r.body?.some((s) => s.name === 'to-archive' && s.state === 'running'), 'the shovel to run');
});

describe('behaviour with a real AMQP client', () => {
  const url = (vhost: string) => `amqp://orders-app:${APP_PASSWORD}@127.0.0.1:${engine.amqpPort}/${encodeURIComponent(vhost)}`;

  test('the user publishes and consumes in its virtual host', async () => {
    const connection = await amqp.connect(url('orders'));
    const channel = await connection.createConfirmChannel();
    channel.publish('orders.events', 'order.created', Buffer.from('order 1'));
    await channel.waitForConfirms();
    channel.ack(await take(channel, 'orders.in', 'order 1'));
    await channel.close();
    await connection.close();
  });

  test('the user is refused in another virtual host', async () => {
    // amqplib reports the refusal as the server closing the connection during its opening.
    await expect(amqp.connect(url('/'))).rejects.toThrow(/Expected ConnectionOpenOk; got <ConnectionClose/);
  });

  test('the user cannot publish to what its permissions do not cover', async () => {
    const connection = await amqp.connect(url('orders'));
    const channel = await connection.createChannel();
    const closed = new Promise<Error>((done) => channel.on('error', done));
    channel.publish('amq.topic', 'x', Buffer.from('no'));
    expect(String(await closed)).toMatch(/ACCESS_REFUSED/);
    await connection.close();
  });

  test('the policy dead-letters a rejected message to orders.dead', async () => {
    const connection = await amqp.connect(url('orders'));
    const channel = await connection.createConfirmChannel();
    channel.publish('orders.events', 'order.failed', Buffer.from('order 2'));
    await channel.waitForConfirms();
    channel.nack(await take(channel, 'orders.in', 'order 2'), false, false);
    channel.ack(await take(channel, 'orders.dead', 'order 2'));
    await channel.close();
    await connection.close();
  });

  test('the shovel moves messages from orders.outbox to orders.archive', async () => {
    const connection = await amqp.connect(url('orders'));
    const channel = await connection.createConfirmChannel();
    channel.publish('orders.events', 'outbox.created', Buffer.from('order 3'));
    await channel.waitForConfirms();
    channel.ack(await take(channel, 'orders.archive', 'order 3'));
    await channel.close();
    await connection.close();
  });
});

describe('updates, retries and deletes', () => {
  const find = (path: string) => objects.find((o) => decodeURIComponent(o.props.Path) === path)!.props;

  test('a second apply of every object converges: no error, same state', async () => {
    for (const { props } of objects) {
      await apply('Update', props);
    }
    expect((await api<Array<{ routing_key: string }>>('/api/bindings/orders/e/orders.events/q/orders.in')).body).toHaveLength(1);
    expect((await api<object>('/api/permissions/orders/orders-app')).body).toMatchObject({ read: '^orders\\.' });
  });

  test('a permission change is applied in place', async () => {
    const props = find('/api/permissions/orders/orders-app');
    await apply('Update', { ...props, Body: JSON.stringify({ configure: '^orders\\.', write: '^orders\\.', read: '^$' }) });
    expect((await api<object>('/api/permissions/orders/orders-app')).body).toMatchObject({ read: '^$' });
    await apply('Update', props);
  });

  test('a queue type change fails with what to do, and the queue is untouched', async () => {
    const props = find('/api/queues/orders/orders.outbox');
    const quorum = JSON.stringify({ durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum' } });
    await expect(apply('Update', { ...props, Body: quorum }))
      .rejects.toThrow(/queue \/api\/queues\/orders\/orders.outbox: RabbitMQ answered 400: .*RabbitMQ cannot change the type, durability or arguments of an existing queue/);
    expect((await api<{ type: string }>('/api/queues/orders/orders.outbox')).body.type).toBe('classic');
  });

  test('an arguments change fails with what to do, and the queue is untouched', async () => {
    const props = find('/api/queues/orders/orders.in');
    const capped = JSON.stringify({ durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum', 'x-max-length': 10 } });
    await expect(apply('Update', { ...props, Body: capped }))
      .rejects.toThrow(/queue \/api\/queues\/orders\/orders.in: RabbitMQ answered 400: inequivalent arg 'x-max-length'.*RabbitMQ cannot change the type, durability or arguments of an existing queue/);
    expect((await api<{ arguments: object }>('/api/queues/orders/orders.in')).body.arguments).toEqual({ 'x-queue-type': 'quorum' });
  });

  test('not caught: a quorum queue redeclared as classic is accepted (Amazon MQ\'s relaxed redeclaration checks) and stays quorum', async () => {
    // quorum_queue.property_equivalence.relaxed_checks_on_redeclaration = true (amazon-mq-defaults.ts) lets RabbitMQ
    // take the redeclaration of a quorum queue as classic without an error: the deploy succeeds, nothing changes.
    const props = find('/api/queues/orders/orders.in');
    const classic = JSON.stringify({ durable: true, auto_delete: false, arguments: { 'x-queue-type': 'classic' } });
    await expect(apply('Update', { ...props, Body: classic })).resolves.toEqual({ PhysicalResourceId: '/api/queues/orders/orders.in' });
    expect((await api<{ type: string }>('/api/queues/orders/orders.in')).body.type).toBe('quorum');
  });

  test('removing objects deletes them; retained queues and their virtual host stay', async () => {
    for (const { props } of [...objects].reverse()) {
      await apply('Delete', props);
    }
    expect((await api('/api/users/orders-app')).status).toBe(404);
    expect((await api('/api/policies/orders/orders-dead-letters')).status).toBe(404);
    expect((await api('/api/parameters/shovel/orders/to-archive')).status).toBe(404);
    expect((await api<unknown[]>('/api/bindings/orders/e/orders.events/q/orders.in')).body).toEqual([]);
    expect((await api('/api/exchanges/orders/orders.events')).status).toBe(404);
    // orders.dead had removalPolicy DESTROY; the others are retained (the default), so the virtual host is too.
    expect((await api('/api/queues/orders/orders.dead')).status).toBe(404);
    expect((await api('/api/queues/orders/orders.in')).status).toBe(200);
    expect((await api('/api/vhosts/orders')).status).toBe(200);
    // A second delete (a retried stack delete) finds nothing left to do.
    for (const { props } of [...objects].reverse()) {
      await apply('Delete', props);
    }
  });
});
