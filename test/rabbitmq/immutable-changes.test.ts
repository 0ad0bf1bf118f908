/**
 * Changes RabbitMQ cannot apply in place (a queue's type, durability, arguments; an exchange's type, durability,
 * arguments): the pure comparison, and the handler (fetch replaced) refusing them before any call that changes the
 * broker, while letting the rollback that follows, a retry, and a declaration anew go through.
 */
import { RabbitMqExchangeOptions, RabbitMqExchangeType, RabbitMqQueueOptions, RabbitMqQueueType } from '../../src';
import { immutableChanges } from '../../src/rabbitmq/management/immutable-fields';
import { ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';
import { EXCHANGE } from '../../src/rabbitmq/management/objects/exchange';
import { QUEUE } from '../../src/rabbitmq/management/objects/queue';

const ENDPOINT = 'https://b-1.mq.eu-west-1.amazonaws.com';
const ADMIN_PASSWORD = 'Admin-Passw0rd-42';
const base = { Endpoint: ENDPOINT, AdminSecretArn: 'admin' };

/** A queue's properties as the virtual host renders them. */
function queue(options: Partial<RabbitMqQueueOptions>, name = 'orders.in'): ManagementProperties {
  const { body } = QUEUE.render('app', name, { type: RabbitMqQueueType.QUORUM, ...options });
  return { ...base, Kind: 'queue', Path: `/api/queues/app/${encodeURIComponent(name)}`, Body: JSON.stringify(body), OnDelete: 'retain' };
}

/** An exchange's properties as the virtual host renders them. */
function exchange(options: RabbitMqExchangeOptions, name = 'orders.events'): ManagementProperties {
  const { body } = EXCHANGE.render('app', name, options);
  return { ...base, Kind: 'exchange', Path: `/api/exchanges/app/${encodeURIComponent(name)}`, Body: JSON.stringify(body), OnDelete: 'delete' };
}

/** The live object RabbitMQ reports for a declaration (what GET answers: the declared fields, and more). */
function live(props: ManagementProperties): () => Response {
  const body = JSON.parse(props.Body!);
  const type = props.Kind === 'queue' ? body.arguments['x-queue-type'] : body.type;
  return () => Response.json({ ...body, name: 'n', vhost: 'app', type, messages: 3 });
}

/** A fake management API: answers by `METHOD path`, records every call; unknown calls succeed (204). */
function api(answers: Record<string, () => Response>) {
  const calls: string[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = `${init.method} ${url.slice(ENDPOINT.length)}`;
    calls.push(call);
    const answer = answers[call];
    return answer ? answer() : new Response(null, { status: 204 });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

function update(old: ManagementProperties, props: ManagementProperties, answers: Record<string, () => Response>) {
  const { calls, fetch } = api(answers);
  const result = onEvent({ RequestType: 'Update', PhysicalResourceId: old.Path, OldResourceProperties: old, ResourceProperties: props }, {
    secret: async () => ({ username: 'admin', password: ADMIN_PASSWORD }),
    fetch,
    sleep: async () => {},
  });
  return { calls, result };
}

// The handler logs what it applies and why it goes on: quiet here.
beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => {}));
afterEach(() => jest.restoreAllMocks());

const changesOf = (old: ManagementProperties, props: ManagementProperties) => immutableChanges(old, props).map((c) => `${c.field}: ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`);

describe('immutableChanges: what differs, of what RabbitMQ keeps from the declaration', () => {
  test('a queue: its type, durability and each declare-time argument', () => {
    expect(changesOf(queue({}), queue({ type: RabbitMqQueueType.CLASSIC }))).toEqual(['arguments.x-queue-type: "quorum" -> "classic"']);
    expect(changesOf(queue({ type: RabbitMqQueueType.CLASSIC }), queue({ type: RabbitMqQueueType.CLASSIC, durable: false }))).toEqual(['durable: true -> false']);
    expect(changesOf(queue({ arguments: { 'x-message-ttl': 3_600_000 } }), queue({ arguments: { 'x-message-ttl': 7_200_000, 'x-max-length': 10 } })))
      .toEqual(['arguments.x-max-length: undefined -> 10', 'arguments.x-message-ttl: 3600000 -> 7200000']);
    // Removed, and nested values compared canonically.
    expect(changesOf(queue({ arguments: { 'x-delivery-limit': 5 } }), queue({}))).toEqual(['arguments.x-delivery-limit: 5 -> undefined']);
  });

  test('an exchange: its type, durability, auto-delete, internal flag and arguments', () => {
    const topic = exchange({ type: RabbitMqExchangeType.TOPIC, arguments: { 'alternate-exchange': 'ae' } });
    expect(changesOf(topic, exchange({ type: RabbitMqExchangeType.DIRECT, durable: false, internal: true, arguments: {} }))).toEqual([
      'type: "topic" -> "direct"', 'durable: true -> false', 'internal: false -> true', 'arguments.alternate-exchange: "ae" -> undefined',
    ]);
    const autoDelete = { ...topic, Body: JSON.stringify({ ...JSON.parse(topic.Body!), auto_delete: true }) };
    expect(changesOf(topic, autoDelete)).toEqual(['auto_delete: false -> true']);
  });

  test('the same declaration with its argument keys in another order (or an absent `arguments`) is no change', () => {
    const args = { 'x-message-ttl': 1000, 'x-dead-letter-exchange': 'dlx', 'x-max-length': 5 };
    const reordered = { 'x-max-length': 5, 'x-dead-letter-exchange': 'dlx', 'x-message-ttl': 1000 };
    expect(immutableChanges(queue({ arguments: args }), queue({ arguments: reordered }))).toEqual([]);
    const bare = { ...base, Kind: 'exchange', Path: '/api/exchanges/app/x' };
    expect(immutableChanges({ ...bare, Body: '{"type":"direct"}' }, { ...bare, Body: '{"type":"direct","arguments":{}}' })).toEqual([]);
  });

  test('no change between different objects, other kinds, or bodies that are not JSON objects', () => {
    // A new path is a new object: CloudFormation creates it, then deletes the old one.
    expect(immutableChanges(queue({}, 'a'), queue({ type: RabbitMqQueueType.CLASSIC }, 'b'))).toEqual([]);
    expect(immutableChanges(undefined, queue({}))).toEqual([]);
    expect(immutableChanges({ ...queue({}), Kind: 'object' }, queue({ type: RabbitMqQueueType.CLASSIC }))).toEqual([]);
    const policy = { ...base, Kind: 'policy', Path: '/api/policies/app/p' };
    expect(immutableChanges({ ...policy, Body: '{"pattern":"a"}' }, { ...policy, Body: '{"pattern":"b"}' })).toEqual([]);
    expect(immutableChanges({ ...queue({}), Body: 'not json' }, queue({}))).toEqual([]);
  });
});

describe('the handler refuses an impossible change before any call that changes the broker', () => {
  const quorum = queue({ arguments: { 'x-delivery-limit': 5 } });
  const classic = queue({ type: RabbitMqQueueType.CLASSIC });

  test('a queue type change: only a GET, and the error names the field, the values and what to do', async () => {
    const { calls, result } = update(quorum, { ...quorum, Body: classic.Body }, { 'GET /api/queues/app/orders.in': live(quorum) });
    await expect(result).rejects.toThrow('queue /api/queues/app/orders.in: arguments.x-delivery-limit cannot change from 5 to none, and '
      + 'arguments.x-queue-type cannot change from "quorum" to "classic" in place (RabbitMQ keeps a queue\'s durability, auto-delete and '
      + 'arguments (its type among them) as first declared, and refuses or ignores a redeclaration with others); declare a new queue under '
      + 'another name and move its producers and consumers to it, or delete the queue first (its messages go with it). Nothing was changed on the broker.');
    expect(calls).toEqual(['GET /api/queues/app/orders.in']);
  });

  test('a durability change', async () => {
    const transient = queue({ type: RabbitMqQueueType.CLASSIC, durable: false });
    const { calls, result } = update(classic, transient, { 'GET /api/queues/app/orders.in': live(classic) });
    await expect(result).rejects.toThrow('queue /api/queues/app/orders.in: durable cannot change from true to false in place');
    expect(calls).toEqual(['GET /api/queues/app/orders.in']);
  });

  test('an argument changed, or added', async () => {
    const ttl = queue({ arguments: { 'x-message-ttl': 60_000 } });
    const changed = update(ttl, queue({ arguments: { 'x-message-ttl': 120_000 } }), { 'GET /api/queues/app/orders.in': live(ttl) });
    await expect(changed.result).rejects.toThrow('arguments.x-message-ttl cannot change from 60000 to 120000 in place');
    const added = update(ttl, queue({ arguments: { 'x-message-ttl': 60_000, 'x-max-length': 100 } }), { 'GET /api/queues/app/orders.in': live(ttl) });
    await expect(added.result).rejects.toThrow('arguments.x-max-length cannot change from none to 100 in place');
    expect([...changed.calls, ...added.calls]).toEqual(['GET /api/queues/app/orders.in', 'GET /api/queues/app/orders.in']);
  });

  test('argument keys in another order only: not refused, no read, applied', async () => {
    const args = { 'x-message-ttl': 1000, 'x-max-length': 5 };
    const { calls, result } = update(queue({ arguments: args }), queue({ arguments: { 'x-max-length': 5, 'x-message-ttl': 1000 } }), {});
    await expect(result).resolves.toEqual({ PhysicalResourceId: '/api/queues/app/orders.in' });
    expect(calls).toEqual(['PUT /api/queues/app/orders.in']);
  });

  test('an exchange type change: only a GET, and the error says the bindings go with a delete', async () => {
    const topic = exchange({ type: RabbitMqExchangeType.TOPIC });
    const { calls, result } = update(topic, exchange({ type: RabbitMqExchangeType.FANOUT }), { 'GET /api/exchanges/app/orders.events': live(topic) });
    await expect(result).rejects.toThrow('exchange /api/exchanges/app/orders.events: type cannot change from "topic" to "fanout" in place (RabbitMQ keeps an '
      + 'exchange\'s type, durability, auto-delete, internal flag and arguments as first declared, and refuses or ignores a redeclaration with others); '
      + 'declare a new exchange under another name and move its publishers and bindings to it, or delete the exchange first (its bindings go with it).');
    expect(calls).toEqual(['GET /api/exchanges/app/orders.events']);
  });

  test('a renamed queue (another path) is a new object: not refused, no read', async () => {
    const { calls, result } = update(quorum, queue({ type: RabbitMqQueueType.CLASSIC }, 'orders.in.v2'), {});
    await expect(result).resolves.toEqual({ PhysicalResourceId: '/api/queues/app/orders.in.v2' });
    expect(calls).toEqual(['PUT /api/queues/app/orders.in.v2']);
  });

  test('the rollback of a refused update (old and new swapped; the live queue has the new value) goes through', async () => {
    const refused = { ...quorum, Body: classic.Body };
    const { calls, result } = update(refused, quorum, { 'GET /api/queues/app/orders.in': live(quorum) });
    await expect(result).resolves.toEqual({ PhysicalResourceId: '/api/queues/app/orders.in' });
    expect(calls).toEqual(['GET /api/queues/app/orders.in', 'PUT /api/queues/app/orders.in']);
  });

  test('a queue that is gone (404) is declared anew', async () => {
    const { calls, result } = update(quorum, classic, { 'GET /api/queues/app/orders.in': () => new Response('{"error":"Object Not Found","reason":"Not Found"}', { status: 404 }) });
    await expect(result).resolves.toBeDefined();
    expect(calls).toEqual(['GET /api/queues/app/orders.in', 'PUT /api/queues/app/orders.in']);
  });

  test('a live value that is neither old nor new (changed by hand): RabbitMQ answers, with the hint', async () => {
    const byHand = queue({ arguments: { 'x-message-ttl': 5000 } });
    const inequivalent = () => new Response('{"error":"bad_request","reason":"inequivalent arg \'x-message-ttl\' for queue \'orders.in\' in vhost \'app\': received \'2000\' but current is \'5000\'"}', { status: 400 });
    const { calls, result } = update(queue({ arguments: { 'x-message-ttl': 1000 } }), queue({ arguments: { 'x-message-ttl': 2000 } }), {
      'GET /api/queues/app/orders.in': live(byHand), 'PUT /api/queues/app/orders.in': inequivalent,
    });
    await expect(result).rejects.toThrow(/RabbitMQ answered 400: inequivalent arg 'x-message-ttl'.*RabbitMQ cannot change the type, durability or arguments of an existing queue/);
    expect(calls).toEqual(['GET /api/queues/app/orders.in', 'PUT /api/queues/app/orders.in']);
  });

  test('an exchange\'s inequivalent-arg answer gets its own hint', async () => {
    const topic = exchange({ type: RabbitMqExchangeType.TOPIC });
    const { fetch } = api({ 'PUT /api/exchanges/app/orders.events': () => new Response('{"reason":"inequivalent arg \'type\' for exchange"}', { status: 400 }) });
    // No old properties (a Create over an object made by hand): RabbitMQ answers.
    await expect(onEvent({ RequestType: 'Create', ResourceProperties: topic }, { secret: async () => ({ username: 'admin', password: 'pw' }), fetch }))
      .rejects.toThrow('RabbitMQ cannot change the type, durability or arguments of an existing exchange: declare a new exchange (another name) and move its publishers and bindings, or delete the exchange first (its bindings go with it).');
  });

  test('a live object that cannot be read fails the update, with no change sent', async () => {
    const { calls, result } = update(quorum, classic, { 'GET /api/queues/app/orders.in': () => new Response('{"error":"not_authorised"}', { status: 401 }) });
    await expect(result).rejects.toThrow('queue /api/queues/app/orders.in: could not be read before the update (RabbitMQ answered 401: not_authorised). The admin secret does not match');
    expect(calls).toEqual(['GET /api/queues/app/orders.in']);
  });

  test('an update without old properties, or with only mutable changes, is applied as before', async () => {
    const { calls, fetch } = api({});
    await onEvent({ RequestType: 'Update', PhysicalResourceId: quorum.Path, ResourceProperties: classic }, { secret: async () => ({ username: 'admin', password: 'pw' }), fetch });
    expect(calls).toEqual(['PUT /api/queues/app/orders.in']);
    const retained = update({ ...quorum, OnDelete: 'delete' }, quorum, {});
    await expect(retained.result).resolves.toBeDefined();
    expect(retained.calls).toEqual(['PUT /api/queues/app/orders.in']);
  });

  test('the refusal is redacted like every error', async () => {
    // An argument that happens to hold a secret value the handler read (here the admin's password).
    const old = exchange({ type: RabbitMqExchangeType.TOPIC, arguments: { 'alternate-exchange': ADMIN_PASSWORD } });
    const { result } = update(old, exchange({ type: RabbitMqExchangeType.TOPIC }), { 'GET /api/exchanges/app/orders.events': live(old) });
    const error = await result.catch((e: Error) => e.message);
    expect(error).toContain('arguments.alternate-exchange cannot change from "***" to none in place');
    expect(error).not.toContain(ADMIN_PASSWORD);
  });
});
