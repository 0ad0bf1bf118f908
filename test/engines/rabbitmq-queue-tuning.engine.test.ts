/**
 * Queue tuning that can change (issue 19, item 1), on real RabbitMQ 4.0.5 with Amazon MQ's defaults: a queue's typed
 * tuning is its policy (`cdk-amazon-mq-queue-<name>`, priority 1000), so a changed TTL and length are an Update of that
 * policy through the real handler, applied in place with the messages kept; the policy is in effect (a 1 s TTL
 * expires a message, a dead-letter exchange and delivery limit apply), wins over a broad policy of the app, and
 * combines with an operator policy; a queue an earlier build declared with x- arguments keeps them through
 * `arguments`, and without them RabbitMQ refuses the redeclaration, the queue untouched.
 */
import * as amqp from 'amqplib';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { eventually, ManagementObject, objectsOf, TemplateResource } from './management-objects';
import { RabbitMqEngine } from './rabbitmq-engine';
import {
  RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqExchangeType, RabbitMqQueueType, RabbitMqVirtualHost,
} from '../../src';
import { ManagementEvent, ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';

jest.setTimeout(300_000);

const VHOST = 'tuning';
const QUEUE = 'orders.in+1';
const TUNING_POLICY = `cdk-amazon-mq-queue-${QUEUE}`;

let engine: RabbitMqEngine;

/** The app under test, with the tuning of its main queue; `more` adds to the virtual host. */
function synth(tuning: { messageTtl: Duration; maxLength: number }, more?: (vhost: RabbitMqVirtualHost) => void) {
  const app = new App();
  const stack = new Stack(app, 'Tuning', { env: { account: '123456789012', region: 'eu-west-1' } });
  const broker = new RabbitMqBroker(stack, 'Broker', {
    publiclyAccessible: true, brokerName: 'orders', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
  });
  const vhost = broker.addVirtualHost(VHOST);
  vhost.addQueue(QUEUE, { type: RabbitMqQueueType.QUORUM, ...tuning });
  vhost.addQueue('short.ttl', { messageTtl: Duration.seconds(1) });
  vhost.addQueue('untuned');
  vhost.addExchange('orders.dlx', { type: RabbitMqExchangeType.FANOUT });
  vhost.addQueue('dead', { type: RabbitMqQueueType.CLASSIC, removalPolicy: RemovalPolicy.DESTROY });
  vhost.addBinding({ source: 'orders.dlx', destinationQueue: 'dead' });
  vhost.addQueue('to.dlx', { deliveryLimit: 2, deadLetterExchange: 'orders.dlx' });
  // '' is the default exchange: dead-lettered messages go to the queue the routing key names.
  vhost.addQueue('to.default', { type: RabbitMqQueueType.CLASSIC, deadLetterExchange: '', deadLetterRoutingKey: 'dead' });
  // A broad policy of the app, below the tuning policies' priority: it applies to untuned queues only.
  vhost.addPolicy('broad', { pattern: '.*', definition: { 'max-length-bytes': 10_000_000 }, priority: 10 });
  // What an earlier build declared with x-message-ttl keeps it through `arguments`.
  vhost.addQueue('legacy', { arguments: { 'x-message-ttl': 60_000 } });
  more?.(vhost);
  const template = stack.resolve(app.synth().getStackByName('Tuning').template) as { Resources: Record<string, TemplateResource> };
  return { stack, objects: objectsOf(template, `http://127.0.0.1:${engine.managementPort}`) };
}

const guest = async () => ({ username: 'guest', password: 'guest' });
const apply = (RequestType: ManagementEvent['RequestType'], props: ManagementProperties, PhysicalResourceId?: string) =>
  onEvent({ RequestType, ResourceProperties: props, PhysicalResourceId }, { secret: guest, sleep: async () => {} });

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`http://127.0.0.1:${engine.managementPort}/api/${path}`, {
    method,
    headers: { 'authorization': `Basic ${Buffer.from('guest:guest').toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
}

interface QueueInfo {
  policy?: string | null;
  operator_policy?: string | null;
  effective_policy_definition?: Record<string, unknown>;
  messages?: number;
  delivery_limit?: number;
  arguments: Record<string, unknown>;
}

/** The queue as the management API reports it: its policy fields come from statistics a few seconds late. */
const queueInfo = async (name: string) => (await api<QueueInfo>('GET', `queues/${VHOST}/${encodeURIComponent(name)}`)).body;


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const definitionOf = (objects: ManagementObject[], name: string) =>
  JSON.parse(objects.find((o) => decodeURIComponent(o.props.Path) === `/api/policies/${VHOST}/${name}`)!.props.Body!).definition;

let first: ReturnType<typeof synth>;
let connection: amqp.ChannelModel;
let channel: amqp.ConfirmChannel;

beforeAll(async () => {
  engine = await RabbitMqEngine.start('', ['rabbitmq_management']);
  first = synth({ messageTtl: Duration.seconds(60), maxLength: 100 });
  for (const { props } of first.objects) {
    await apply('Create', props);
  }
  connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${engine.amqpPort}/${VHOST}`);
  channel = await connection.createConfirmChannel();
});
afterAll(async () => {
  await connection?.close();
  await engine?.stop();
});

test('the stack declares the queue without x- arguments and its tuning policy; the broad policy is warned about', () => {
  const queue = first.objects.find((o) => decodeURIComponent(o.props.Path) === `/api/queues/${VHOST}/${QUEUE}`)!;
  expect(JSON.parse(queue.props.Body!).arguments).toEqual({ 'x-queue-type': 'quorum' });
  expect(JSON.parse(first.objects.find((o) => decodeURIComponent(o.props.Path) === `/api/policies/${VHOST}/${TUNING_POLICY}`)!.props.Body!)).toEqual({
    'pattern': '^orders\\.in\\+1$', 'definition': { 'message-ttl': 60_000, 'max-length': 100 }, 'priority': 1000, 'apply-to': 'queues',
  });
  Annotations.fromStack(first.stack).hasWarning('*', Match.stringLikeRegexp(`'max-length-bytes' of 'broad' do not apply to '${QUEUE.replace('+', '\\+')}'`));
});

test('RabbitMQ applies the tuning policy to the queue, over the broad policy; the untuned queue gets the broad one', async () => {
  const tuned = await eventually(() => queueInfo(QUEUE), (q) => q.effective_policy_definition !== undefined, 'the queue\'s policy');
  expect(tuned).toMatchObject({ policy: TUNING_POLICY, effective_policy_definition: { 'message-ttl': 60_000, 'max-length': 100 } });
  expect(tuned.arguments).toEqual({ 'x-queue-type': 'quorum' });
  const untuned = await eventually(() => queueInfo('untuned'), (q) => q.effective_policy_definition !== undefined, 'the untuned queue\'s policy');
  expect(untuned).toMatchObject({ policy: 'broad', effective_policy_definition: { 'max-length-bytes': 10_000_000 } });
});

test('a TTL change is an Update of the policy alone, applied in place: the 3 messages stay', async () => {
  for (const n of [1, 2, 3]) {
    channel.sendToQueue(QUEUE, Buffer.from(`order ${n}`), { persistent: true });
  }
  await channel.waitForConfirms();
  expect((await channel.checkQueue(QUEUE)).messageCount).toBe(3);

  // CloudFormation updates the resources whose properties changed: the tuning policy only, not the queue.
  const second = synth({ messageTtl: Duration.seconds(120), maxLength: 1000 });
  const changed = second.objects.filter((o) => JSON.stringify(o.props) !== JSON.stringify(first.objects.find((f) => f.id === o.id)?.props));
  expect(changed.map((o) => `${o.props.Kind} ${decodeURIComponent(o.props.Path)}`)).toEqual([`policy /api/policies/${VHOST}/${TUNING_POLICY}`]);
  for (const { id, props } of changed) {
    const old = first.objects.find((f) => f.id === id)!;
    await expect(apply('Update', props, old.props.Path)).resolves.toEqual({ PhysicalResourceId: old.props.Path });
  }

  const updated = await eventually(() => queueInfo(QUEUE),
    (q) => (q.effective_policy_definition as { 'message-ttl'?: number } | undefined)?.['message-ttl'] === 120_000, 'the new TTL in effect');
  expect(updated).toMatchObject({ policy: TUNING_POLICY, effective_policy_definition: { 'message-ttl': 120_000, 'max-length': 1000 } });
  expect((await api<{ definition: object }>('GET', `policies/${VHOST}/${encodeURIComponent(TUNING_POLICY)}`)).body.definition)
    .toEqual(definitionOf(second.objects, TUNING_POLICY));
  expect((await channel.checkQueue(QUEUE)).messageCount).toBe(3);
  await eventually(() => queueInfo(QUEUE), (q) => q.messages === 3, 'the API to count 3 messages');
  first = second;
});

test('an operator policy still combines with the tuning policy (for a limit, the lower value wins)', async () => {
  engine.ctl('set_operator_policy', '-p', VHOST, '--apply-to', 'queues', 'cap', '^orders\\.', JSON.stringify({ 'max-length': 500 }));
  try {
    const capped = await eventually(() => queueInfo(QUEUE), (q) => q.operator_policy === 'cap', 'the operator policy on the queue');
    expect(capped).toMatchObject({ policy: TUNING_POLICY, effective_policy_definition: { 'message-ttl': 120_000, 'max-length': 500 } });
    expect((await channel.checkQueue(QUEUE)).messageCount).toBe(3);
  } finally {
    engine.ctl('clear_operator_policy', '-p', VHOST, 'cap');
  }
});

test('the 3 messages are the ones published', async () => {
  const contents: string[] = [];
  for (let i = 0; i < 3; i++) {
    const message = await channel.get(QUEUE);
    expect(message).not.toBe(false);
    contents.push((message as amqp.GetMessage).content.toString());
  }
  // Requeued unacknowledged: the queue is retained with them.
  channel.nackAll(true);
  expect(contents.sort()).toEqual(['order 1', 'order 2', 'order 3']);
});

test('a 1 s TTL expires a message: the policy is in effect (the untuned queue keeps its message)', async () => {
  await eventually(() => queueInfo('short.ttl'), (q) => q.policy === 'cdk-amazon-mq-queue-short.ttl', 'the short TTL policy');
  channel.sendToQueue('short.ttl', Buffer.from('expires'), { persistent: true });
  channel.sendToQueue('untuned', Buffer.from('stays'), { persistent: true });
  await channel.waitForConfirms();
  expect((await channel.checkQueue('short.ttl')).messageCount).toBe(1);
  await sleep(2_500);
  expect(await channel.get('short.ttl')).toBe(false);
  const kept = await channel.get('untuned');
  expect(kept && kept.content.toString()).toBe('stays');
  channel.ack(kept as amqp.GetMessage);
});

test('dead-lettering and the delivery limit come from the policy: to an exchange, and to the default exchange (\'\')', async () => {
  const info = await eventually(() => queueInfo('to.dlx'), (q) => q.policy === 'cdk-amazon-mq-queue-to.dlx', 'the dead-letter policy');
  expect(info.delivery_limit).toBe(2);
  for (const queue of ['to.dlx', 'to.default']) {
    await eventually(() => queueInfo(queue), (q) => q.policy === `cdk-amazon-mq-queue-${queue}`, `${queue}'s policy`);
    channel.sendToQueue(queue, Buffer.from(`from ${queue}`), { persistent: true });
    await channel.waitForConfirms();
    const message = await eventually(() => channel.get(queue), (m) => m !== false, `the message in ${queue}`);
    channel.nack(message as amqp.GetMessage, false, false);
    const dead = await eventually(() => channel.get('dead'), (m) => m !== false, `the message from ${queue} dead-lettered`);
    expect((dead as amqp.GetMessage).content.toString()).toBe(`from ${queue}`);
    channel.ack(dead as amqp.GetMessage);
  }
});

test('a queue an earlier build declared with x- arguments: without them RabbitMQ refuses the redeclaration, the queue untouched', async () => {
  // The app's `arguments: { 'x-message-ttl': 60000 }` declared it as before.
  expect((await queueInfo('legacy')).arguments).toEqual({ 'x-queue-type': 'quorum', 'x-message-ttl': 60_000 });
  const typed = synth({ messageTtl: Duration.seconds(120), maxLength: 1000 }, (v) => v.addQueue('legacy.typed', { messageTtl: Duration.seconds(60) }));
  const legacy = typed.objects.find((o) => decodeURIComponent(o.props.Path) === `/api/queues/${VHOST}/legacy.typed`)!.props;
  await api('PUT', `queues/${VHOST}/legacy.typed`, { durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum', 'x-message-ttl': 60_000 } });
  await expect(apply('Update', legacy, legacy.Path))
    .rejects.toThrow(/RabbitMQ answered 400: inequivalent arg 'x-message-ttl' .*declare a new queue/);
  expect((await queueInfo('legacy.typed')).arguments).toEqual({ 'x-queue-type': 'quorum', 'x-message-ttl': 60_000 });
});

test('removing the tuning deletes the policy; the queue and its messages stay', async () => {
  const policy = first.objects.find((o) => decodeURIComponent(o.props.Path) === `/api/policies/${VHOST}/${TUNING_POLICY}`)!;
  await apply('Delete', policy.props, policy.props.Path);
  expect((await api('GET', `policies/${VHOST}/${encodeURIComponent(TUNING_POLICY)}`)).status).toBe(404);
  // The broad policy now applies to the queue.
  await eventually(() => queueInfo(QUEUE), (q) => q.policy === 'broad', 'the broad policy on the untuned queue');
  expect((await channel.checkQueue(QUEUE)).messageCount).toBe(3);
});
