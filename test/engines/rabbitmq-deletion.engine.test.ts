/**
 * Deletion the operator's way (issue 19 item 6), on real RabbitMQ 4.0.5 with Amazon MQ's defaults, with the real
 * handler and the queues of a synthesized stack: a queue with `deleteIfEmpty` is kept while it holds messages and
 * deleted once empty; one with `deleteIfUnused` is kept while a consumer is attached and deleted once it leaves
 * (classic queues: RabbitMQ's own atomic check; quorum queues, for which RabbitMQ refuses the flags: the counts of
 * its statistics). A Delete against a broker whose name does not resolve succeeds, quickly; one against the live
 * broker with a wrong admin password fails.
 */
import * as amqp from 'amqplib';
import { RemovalPolicy } from 'aws-cdk-lib';
import { eventually, managementGet, objectsOf, ordersBroker, TemplateResource } from './management-objects';
import { RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqQueueType } from '../../src';
import { ManagementDependencies, ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';

jest.setTimeout(300_000);

let engine: RabbitMqEngine;
let connection: amqp.ChannelModel;

/** The stack's virtual host and queues, as the handler receives them, by path. */
function declare(): Record<string, ManagementProperties> {
  const { app, stack, broker } = ordersBroker();
  const vhost = broker.addVirtualHost('orders');
  const destroy = RemovalPolicy.DESTROY;
  for (const type of [RabbitMqQueueType.CLASSIC, RabbitMqQueueType.QUORUM]) {
    vhost.addQueue(`${type}.in`, { type, removalPolicy: destroy, deleteIfEmpty: true });
    vhost.addQueue(`${type}.work`, { type, removalPolicy: destroy, deleteIfUnused: true });
  }
  const template = stack.resolve(app.synth().getStackByName('Messaging').template) as { Resources: Record<string, TemplateResource> };
  return Object.fromEntries(objectsOf(template, `http://127.0.0.1:${engine.managementPort}`).map(({ props }) => [props.Path, props]));
}

const guest: ManagementDependencies['secret'] = async () => ({ username: 'guest', password: 'guest' });

/** A Delete as CloudFormation sends it; returns what the function logged. */
async function remove(props: ManagementProperties, deps: Partial<ManagementDependencies> = {}): Promise<string> {
  const log = jest.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await onEvent({ RequestType: 'Delete', ResourceProperties: props, PhysicalResourceId: props.Path }, { secret: guest, sleep: async () => {}, ...deps });
    return log.mock.calls.flat().join('\n');
  } finally {
    log.mockRestore();
  }
}

type QueueInfo = { messages?: number; consumers?: number };
const queueInfo = (path: string) => managementGet<QueueInfo>(engine.managementPort, path);
/** Waits until RabbitMQ's statistics show the queue's counts (they are refreshed every few seconds). */
const settled = (path: string, wanted: QueueInfo) => eventually(() => queueInfo(path),
  (q) => q.status === 200 && Object.entries(wanted).every(([k, v]) => q.body[k as keyof QueueInfo] === v), `${path} at ${JSON.stringify(wanted)}`);

let objects: Record<string, ManagementProperties>;
/** An exchange of the app's virtual host, deleted on removal (the virtual host itself follows the retained broker). */
const exchange = (): ManagementProperties => ({
  ...objects['/api/vhosts/orders'],
  Kind: 'exchange',
  Path: '/api/exchanges/orders/orders.events',
  OnDelete: 'delete',
  Body: JSON.stringify({ type: 'topic', durable: true }),
  KeepIfQueuesIn: undefined,
});

beforeAll(async () => {
  engine = await RabbitMqEngine.start('', ['rabbitmq_management']);
  objects = declare();
  for (const props of Object.values(objects)) {
    await onEvent({ RequestType: 'Create', ResourceProperties: props }, { secret: guest, sleep: async () => {} });
  }
  connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${engine.amqpPort}/orders`);
});
afterAll(async () => {
  await connection?.close();
  await engine?.stop();
});

describe.each(['classic', 'quorum'])('a %s queue', (type) => {
  const inPath = `/api/queues/orders/${type}.in`;
  const workPath = `/api/queues/orders/${type}.work`;

  test('with deleteIfEmpty and a message: kept on Delete, the message still there; once empty, deleted', async () => {
    expect(objects[inPath]).toMatchObject({ OnDelete: 'delete', DeleteIfEmpty: 'true' });
    const channel = await connection.createConfirmChannel();
    channel.sendToQueue(`${type}.in`, Buffer.from('order 1'), { persistent: true });
    await channel.waitForConfirms();
    await settled(inPath, { messages: 1 });
    const log = await remove(objects[inPath]);
    expect(log).toContain(`Kept queue ${inPath} on the broker, no longer managed by the stack: it is deleted only when empty (deleteIfEmpty)`);
    expect((await queueInfo(inPath)).status).toBe(200);
    const message = await channel.get(`${type}.in`, { noAck: true });
    expect(message && message.content.toString()).toBe('order 1');
    await channel.close();
    await settled(inPath, { messages: 0 });
    expect(await remove(objects[inPath])).toContain(`Deleted queue ${inPath}`);
    expect((await queueInfo(inPath)).status).toBe(404);
  });

  test('with deleteIfUnused and a live consumer: kept on Delete; after the consumer leaves, deleted', async () => {
    expect(objects[workPath]).toMatchObject({ DeleteIfUnused: 'true' });
    const channel = await connection.createChannel();
    const { consumerTag } = await channel.consume(`${type}.work`, () => {}, { noAck: true });
    await settled(workPath, { consumers: 1 });
    expect(await remove(objects[workPath])).toContain(`Kept queue ${workPath} on the broker, no longer managed by the stack: it is deleted only when unused (deleteIfUnused)`);
    expect((await queueInfo(workPath)).status).toBe(200);
    await channel.cancel(consumerTag);
    await channel.close();
    await settled(workPath, { consumers: 0 });
    expect(await remove(objects[workPath])).toContain(`Deleted queue ${workPath}`);
    expect((await queueInfo(workPath)).status).toBe(404);
  });
});

test('a Delete against an endpoint whose name does not resolve succeeds, with the real backoff, in seconds', async () => {
  const gone = { ...exchange(), Endpoint: 'https://b-gone.invalid' };
  const started = Date.now();
  // The default sleep: the attempts and their backoff as on Amazon MQ (1 s, 2 s, 4 s).
  const log = await remove(gone, { sleep: undefined });
  const elapsed = Date.now() - started;
  process.stdout.write(`Delete against https://b-gone.invalid took ${elapsed} ms\n`);
  expect(log).toContain('Deleted exchange /api/exchanges/orders/orders.events with its broker: the broker\'s name does not resolve (ENOTFOUND on every attempt)');
  expect(elapsed).toBeGreaterThanOrEqual(7_000);
  expect(elapsed).toBeLessThan(30_000);
});

test('a Delete against the live broker with a wrong admin password fails, and the object stays', async () => {
  await onEvent({ RequestType: 'Create', ResourceProperties: exchange() }, { secret: guest });
  await expect(remove(exchange(), { secret: async () => ({ username: 'guest', password: 'not-the-password' }) }))
    .rejects.toThrow('exchange /api/exchanges/orders/orders.events: RabbitMQ refused the delete with 401: Not_Authorized. The admin secret does not match the broker\'s admin user.');
  expect((await managementGet(engine.managementPort, '/api/exchanges/orders/orders.events')).status).toBe(200);
  // The right password deletes it: the refusal was the password's, not the broker's.
  await remove(exchange());
  expect((await managementGet(engine.managementPort, '/api/exchanges/orders/orders.events')).status).toBe(404);
});
