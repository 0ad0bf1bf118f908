/**
 * Changes RabbitMQ cannot apply in place, against real RabbitMQ (4.0.5 from Debian 13 with Amazon MQ's defaults,
 * 127.0.0.1 only): a synthesized stack's objects are applied by the real handler, then the Updates CloudFormation
 * sends for a changed app (the queue's type, the exchange's type) are refused before any call that changes the
 * broker, the queue keeps its message, and the rollback CloudFormation sends next (old and new swapped) goes through.
 */
import { objectsOf, ordersBroker, ManagementObject, TemplateResource } from './management-objects';
import { RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqExchangeType, RabbitMqQueueType } from '../../src';
import { ManagementEvent, ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';

jest.setTimeout(240_000);

const GUEST = `Basic ${Buffer.from('guest:guest').toString('base64')}`;

/** The app: version 1 as first deployed, version 2 with the queue's and the exchange's types changed. */
function synth(version: 1 | 2, endpoint: string): Record<string, ManagementProperties> {
  const { app, stack, broker } = ordersBroker();
  const vhost = broker.addVirtualHost('orders');
  vhost.addExchange('orders.events', { type: version === 1 ? RabbitMqExchangeType.TOPIC : RabbitMqExchangeType.FANOUT });
  vhost.addQueue('orders.in', version === 1 ? { type: RabbitMqQueueType.QUORUM, arguments: { 'x-delivery-limit': 5 } } : { type: RabbitMqQueueType.CLASSIC });
  vhost.addBinding({ source: 'orders.events', destinationQueue: 'orders.in', routingKey: 'order.*' });
  const template = stack.resolve(app.synth().getStackByName('Messaging').template) as { Resources: Record<string, TemplateResource> };
  const objects: ManagementObject[] = objectsOf(template, endpoint);
  return Object.fromEntries(objects.map((o) => [decodeURIComponent(o.props.Path), o.props]));
}

let engine: RabbitMqEngine;
let v1: Record<string, ManagementProperties>;
let v2: Record<string, ManagementProperties>;
const QUEUE = '/api/queues/orders/orders.in';
const EXCHANGE = '/api/exchanges/orders/orders.events';

/** One event to the real handler, over the real fetch; returns the calls it made (`METHOD path`) and its outcome. */
async function send(type: ManagementEvent['RequestType'], props: ManagementProperties, old?: ManagementProperties) {
  const calls: string[] = [];
  const recording = ((url: string, init: RequestInit) => {
    calls.push(`${init.method} ${decodeURIComponent(new URL(url).pathname)}`);
    return fetch(url, init);
  }) as typeof fetch;
  const outcome = await onEvent({ RequestType: type, ResourceProperties: props, OldResourceProperties: old, PhysicalResourceId: type === 'Create' ? undefined : props.Path }, {
    secret: async () => ({ username: 'guest', password: 'guest' }),
    fetch: recording,
    sleep: async () => {},
  }).then(() => 'applied', (e: Error) => e.message);
  return { calls, outcome };
}

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`http://127.0.0.1:${engine.managementPort}${path}`, {
    method, headers: { 'authorization': GUEST, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The queue's messages, read and requeued (exact, unlike the statistics, which lag). */
async function messagesIn(queue: string): Promise<string[]> {
  const { body } = await api<Array<{ payload: string }>>('POST', `/api/queues/orders/${queue}/get`, { count: 10, ackmode: 'ack_requeue_true', encoding: 'auto' });
  return body.map((m) => m.payload);
}

beforeAll(async () => {
  engine = await RabbitMqEngine.start('');
  const endpoint = `http://127.0.0.1:${engine.managementPort}`;
  v1 = synth(1, endpoint);
  v2 = synth(2, endpoint);
  for (const props of Object.values(v1)) {
    expect((await send('Create', props)).outcome).toBe('applied');
  }
  const published = await api<{ routed: boolean }>('POST', '/api/exchanges/orders/orders.events/publish',
    { properties: {}, routing_key: 'order.created', payload: 'order 1', payload_encoding: 'string' });
  expect(published.body.routed).toBe(true);
});
afterAll(async () => engine?.stop());

test('version 2 of the app changes the queue\'s and the exchange\'s types, and nothing else', () => {
  const changed = Object.keys(v1).filter((path) => JSON.stringify(v1[path]) !== JSON.stringify(v2[path]));
  expect(changed.sort()).toEqual([EXCHANGE, QUEUE]);
  expect(Object.keys(v2).sort()).toEqual(Object.keys(v1).sort());
});

test('the queue type change is refused with the field named, only read; the queue keeps its type and its message', async () => {
  const { calls, outcome } = await send('Update', v2[QUEUE], v1[QUEUE]);
  expect(outcome).toMatch(/^queue \/api\/queues\/orders\/orders\.in: arguments\.x-delivery-limit cannot change from 5 to none, and arguments\.x-queue-type cannot change from "quorum" to "classic" in place .*declare a new queue under another name .*or delete the queue first \(its messages go with it\)/);
  expect(calls).toEqual(['GET /api/queues/orders/orders.in']);
  const live = await api<{ type: string; arguments: object }>('GET', QUEUE);
  expect(live.body).toMatchObject({ type: 'quorum', arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 5 } });
  expect(await messagesIn('orders.in')).toEqual(['order 1']);
});

test('the exchange type change is refused, only read; the exchange and its binding are unchanged', async () => {
  const { calls, outcome } = await send('Update', v2[EXCHANGE], v1[EXCHANGE]);
  expect(outcome).toMatch(/^exchange \/api\/exchanges\/orders\/orders\.events: type cannot change from "topic" to "fanout" in place .*or delete the exchange first \(its bindings go with it\)/);
  expect(calls).toEqual(['GET /api/exchanges/orders/orders.events']);
  expect((await api<{ type: string }>('GET', EXCHANGE)).body.type).toBe('topic');
  expect((await api<Array<{ routing_key: string }>>('GET', '/api/bindings/orders/e/orders.events/q/orders.in')).body.map((b) => b.routing_key)).toEqual(['order.*']);
});

test('the rollback CloudFormation sends next (old and new swapped) goes through, and changes nothing', async () => {
  for (const path of [QUEUE, EXCHANGE]) {
    const { calls, outcome } = await send('Update', v1[path], v2[path]);
    expect(outcome).toBe('applied');
    expect(calls).toEqual([`GET ${path}`, `PUT ${path}`]);
  }
  expect((await api<{ type: string }>('GET', QUEUE)).body.type).toBe('quorum');
  expect((await api<{ type: string }>('GET', EXCHANGE)).body.type).toBe('topic');
  expect(await messagesIn('orders.in')).toEqual(['order 1']);
});

test('updates RabbitMQ can apply go through: the queue re-applied unchanged, and a virtual host\'s new description', async () => {
  // The same declaration (a retry, or an update of a property the body does not hold): no read, one PUT.
  const same = await send('Update', v1[QUEUE], v1[QUEUE]);
  expect(same).toEqual({ calls: ['PUT /api/queues/orders/orders.in'], outcome: 'applied' });
  const vhost = v1['/api/vhosts/orders'];
  const described = { ...vhost, Body: JSON.stringify({ ...JSON.parse(vhost.Body ?? '{}'), description: 'Order processing' }) };
  expect(await send('Update', described, vhost)).toEqual({ calls: ['PUT /api/vhosts/orders'], outcome: 'applied' });
  expect((await api<{ description: string }>('GET', '/api/vhosts/orders')).body.description).toBe('Order processing');
});

test('what RabbitMQ would refuse anyway: the same change sent without the old properties gets RabbitMQ\'s answer and the hint', async () => {
  const { calls, outcome } = await send('Update', v2[EXCHANGE]);
  expect(outcome).toMatch(/RabbitMQ answered 400: inequivalent arg 'type'.*RabbitMQ cannot change the type, durability or arguments of an existing exchange/);
  expect(calls).toEqual(['PUT /api/exchanges/orders/orders.events']);
});

test('a queue deleted by hand is declared anew with the new type', async () => {
  expect((await api('DELETE', QUEUE)).status).toBe(204);
  const { calls, outcome } = await send('Update', v2[QUEUE], v1[QUEUE]);
  expect(outcome).toBe('applied');
  expect(calls).toEqual(['GET /api/queues/orders/orders.in', 'PUT /api/queues/orders/orders.in']);
  expect((await api<{ type: string }>('GET', QUEUE)).body.type).toBe('classic');
});
