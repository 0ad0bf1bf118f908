/**
 * Deletion the operator's way, and better (issue 19 item 6): a queue's delete conditions (`deleteIfEmpty`,
 * `deleteIfUnused`) keep the queue instead of failing the Delete; objects of a broker deleted with the stack are
 * not deleted one by one; a broker that is gone never blocks `cdk destroy`, a live one that refuses still fails.
 * The handler runs as is, with fetch, CloudFormation and Amazon MQ replaced.
 */
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqExchangeType, RabbitMqQueueType, RabbitMqVirtualHost,
} from '../../src';
import { BrokerState, ManagementDependencies, ManagementEvent, ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';

const base = { Endpoint: 'https://b-1.mq.eu-west-1.amazonaws.com', AdminSecretArn: 'admin' };
const STACK_ID = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/Messaging/1';

/** A fake management API: answers by `METHOD path`, records every call; unlisted calls answer 204. */
function api(answers: Record<string, () => Response>) {
  const calls: string[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = `${init.method} ${url.slice(base.Endpoint.length)}`;
    calls.push(call);
    const answer = answers[call];
    return answer ? answer() : new Response(null, { status: 204 });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

/** fetch as it fails when the endpoint's name does not resolve (undici's shape: the resolver's error in `cause`). */
const unresolvable = (async (url: string) => {
  const host = new URL(url).hostname;
  throw new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host }) });
}) as unknown as typeof globalThis.fetch;

/** fetch as it fails when a live broker does not answer in time. */
const silent = (async () => {
  throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ETIMEDOUT 10.0.0.5:443'), { code: 'ETIMEDOUT' }) });
}) as unknown as typeof globalThis.fetch;

/** Runs a Delete with the console's log captured; returns the log and the secrets read. */
async function remove(props: ManagementProperties, deps: Partial<ManagementDependencies>, event: Partial<ManagementEvent> = {}) {
  const log = jest.spyOn(console, 'log').mockImplementation(() => {});
  const secretsRead: string[] = [];
  try {
    const result = await onEvent({ RequestType: 'Delete', ResourceProperties: props, PhysicalResourceId: props.Path, ...event }, {
      secret: async (arn) => {
        secretsRead.push(arn);
        return { username: 'admin', password: 'Admin-Passw0rd' };
      },
      sleep: async () => {},
      ...deps,
    });
    return { result, log: log.mock.calls.flat().join('\n'), secretsRead };
  } finally {
    log.mockRestore();
  }
}

const queue = (conditions: Partial<ManagementProperties>): ManagementProperties => ({
  ...base, Kind: 'queue', Path: '/api/queues/orders/orders.in', OnDelete: 'delete', ...conditions,
});
const json = (body: unknown) => () => Response.json(body);
const refused = (reason: string) => () => Response.json({ error: 'bad_request', reason }, { status: 400 });

describe('a queue\'s delete conditions', () => {
  test('classic, with messages and deleteIfEmpty: RabbitMQ refuses the conditional delete, the queue is kept and the log says so', async () => {
    const { calls, fetch } = api({
      'GET /api/queues/orders/orders.in': json({ type: 'classic', messages: 3, consumers: 0 }),
      'DELETE /api/queues/orders/orders.in?if-empty=true': refused('queue \'orders.in\' in vhost \'orders\' not empty'),
    });
    const { result, log } = await remove(queue({ DeleteIfEmpty: 'true' }), { fetch });
    expect(result).toEqual({ PhysicalResourceId: '/api/queues/orders/orders.in' });
    expect(calls).toEqual(['GET /api/queues/orders/orders.in', 'DELETE /api/queues/orders/orders.in?if-empty=true']);
    expect(log).toContain('Kept queue /api/queues/orders/orders.in on the broker, no longer managed by the stack: it is deleted only when empty (deleteIfEmpty), '
      + 'and RabbitMQ refused the conditional delete: queue \'orders.in\' in vhost \'orders\' not empty (3 message(s), 0 consumer(s) by its statistics)');
    expect(log).not.toContain('Deleted queue');
  });

  test('classic, both conditions: both flags go to RabbitMQ; "in use" keeps it; an accepted one is deleted', async () => {
    const inUse = api({
      'GET /api/queues/orders/orders.in': json({ type: 'classic', messages: 0, consumers: 1 }),
      'DELETE /api/queues/orders/orders.in?if-empty=true&if-unused=true': refused('queue \'orders.in\' in vhost \'orders\' in use'),
    });
    expect((await remove(queue({ DeleteIfEmpty: 'true', DeleteIfUnused: 'true' }), { fetch: inUse.fetch })).log)
      .toContain('it is deleted only when empty (deleteIfEmpty) and unused (deleteIfUnused), and RabbitMQ refused the conditional delete: queue \'orders.in\' in vhost \'orders\' in use');
    const accepted = api({ 'GET /api/queues/orders/orders.in': json({ type: 'classic', messages: 0, consumers: 0 }) });
    const { log } = await remove(queue({ DeleteIfUnused: 'true' }), { fetch: accepted.fetch });
    expect(accepted.calls).toEqual(['GET /api/queues/orders/orders.in', 'DELETE /api/queues/orders/orders.in?if-unused=true']);
    expect(log).toContain('Deleted queue /api/queues/orders/orders.in');
  });

  test('classic: another 400 than "not empty"/"in use" is not a kept queue but a failed delete', async () => {
    const { fetch } = api({
      'GET /api/queues/orders/orders.in': json({ type: 'classic', messages: 0, consumers: 0 }),
      'DELETE /api/queues/orders/orders.in?if-empty=true': refused('something else'),
    });
    await expect(remove(queue({ DeleteIfEmpty: 'true' }), { fetch })).rejects.toThrow('queue /api/queues/orders/orders.in: RabbitMQ refused the delete with 400: something else');
  });

  test('quorum (RabbitMQ refuses the flags for it): the counts decide, and no DELETE is sent while one fails', async () => {
    for (const [stats, conditions, why] of [
      [{ messages: 2, consumers: 0 }, { DeleteIfEmpty: 'true' }, 'it has 2 message(s)'],
      [{ messages: 0, consumers: 1 }, { DeleteIfUnused: 'true' }, 'it has 1 consumer(s)'],
      [{ messages: 5, consumers: 2 }, { DeleteIfEmpty: 'true', DeleteIfUnused: 'true' }, 'it has 2 consumer(s) and has 5 message(s)'],
      // A new queue has no statistics yet: unknown is kept, never deleted blind.
      [{}, { DeleteIfEmpty: 'true' }, 'it has no message count yet'],
    ] as const) {
      const { calls, fetch } = api({ 'GET /api/queues/orders/orders.in': json({ type: 'quorum', ...stats }) });
      const { log } = await remove(queue(conditions), { fetch });
      expect(calls).toEqual(['GET /api/queues/orders/orders.in']);
      expect(log).toContain('Kept queue /api/queues/orders/orders.in on the broker, no longer managed by the stack: it is deleted only when');
      expect(log).toContain(why);
    }
  });

  test('quorum, empty and unused: a plain DELETE (the flags would be refused)', async () => {
    const { calls, fetch } = api({ 'GET /api/queues/orders/orders.in': json({ type: 'quorum', messages: 0, consumers: 0 }) });
    const { log } = await remove(queue({ DeleteIfEmpty: 'true', DeleteIfUnused: 'true' }), { fetch });
    expect(calls).toEqual(['GET /api/queues/orders/orders.in', 'DELETE /api/queues/orders/orders.in']);
    expect(log).toContain('Deleted queue /api/queues/orders/orders.in');
  });

  test('a queue already gone is deleted; one without conditions is deleted without reading it; a retained one is never read', async () => {
    const gone = api({ 'GET /api/queues/orders/orders.in': () => new Response(null, { status: 404 }) });
    await remove(queue({ DeleteIfEmpty: 'true' }), { fetch: gone.fetch });
    expect(gone.calls).toEqual(['GET /api/queues/orders/orders.in']);
    const plain = api({});
    await remove(queue({ DeleteIfEmpty: 'false' }), { fetch: plain.fetch });
    expect(plain.calls).toEqual(['DELETE /api/queues/orders/orders.in']);
    const retained = api({});
    await remove(queue({ OnDelete: 'retain', DeleteIfEmpty: 'true' }), { fetch: retained.fetch });
    expect(retained.calls).toEqual([]);
  });
});

describe('a broker deleted with the stack', () => {
  const exchange: ManagementProperties = { ...base, Kind: 'exchange', Path: '/api/exchanges/orders/orders.events', OnDelete: 'delete', BrokerDeletedWithStack: 'true' };

  test('while the stack is being deleted: no management API call at all, not even the admin secret read', async () => {
    const asked: string[] = [];
    const fetch = jest.fn();
    const { log, secretsRead } = await remove(exchange, {
      fetch: fetch as unknown as typeof globalThis.fetch,
      stackDeleting: async (stackId) => {
        asked.push(stackId);
        return true;
      },
    }, { StackId: STACK_ID });
    expect(fetch).not.toHaveBeenCalled();
    expect(secretsRead).toEqual([]);
    expect(asked).toEqual([STACK_ID]);
    expect(log).toContain('Skipped exchange /api/exchanges/orders/orders.events: the stack is being deleted, and the broker with it (removal policy destroy)');
  });

  test('a queue with conditions and a virtual host holding queues are skipped too: the broker takes them', async () => {
    const fetch = jest.fn();
    for (const props of [queue({ DeleteIfEmpty: 'true', BrokerDeletedWithStack: 'true' }),
      { ...base, Kind: 'virtual host', Path: '/api/vhosts/orders', OnDelete: 'delete', KeepIfQueuesIn: '/api/queues/orders', BrokerDeletedWithStack: 'true' }]) {
      await remove(props, { fetch: fetch as unknown as typeof globalThis.fetch, stackDeleting: async () => true }, { StackId: STACK_ID });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  test('not being deleted (an update\'s cleanup, a rollback), or unknown: deleted as before', async () => {
    for (const deleting of [false, undefined]) {
      const { calls, fetch } = api({});
      const { log } = await remove(exchange, { fetch, stackDeleting: async () => deleting }, { StackId: STACK_ID });
      expect(calls).toEqual(['DELETE /api/exchanges/orders/orders.events']);
      expect(log.includes('Could not read the stack\'s status')).toBe(deleting === undefined);
    }
  });

  test('without the property (a retained or imported broker, another stack\'s): the stack is not even asked', async () => {
    const stackDeleting = jest.fn(async () => true);
    const { calls, fetch } = api({});
    await remove({ ...exchange, BrokerDeletedWithStack: undefined }, { fetch, stackDeleting }, { StackId: STACK_ID });
    expect(stackDeleting).not.toHaveBeenCalled();
    expect(calls).toEqual(['DELETE /api/exchanges/orders/orders.events']);
    // A retained object on that broker stays, whatever the stack does.
    const retained = api({});
    await remove({ ...exchange, BrokerDeletedWithStack: undefined, OnDelete: 'retain' }, { fetch: retained.fetch, stackDeleting }, { StackId: STACK_ID });
    expect(retained.calls).toEqual([]);
  });
});

describe('a broker that is gone never blocks the Delete; a live one that refuses still fails it', () => {
  const exchange: ManagementProperties = { ...base, Kind: 'exchange', Path: '/api/exchanges/orders/orders.events', OnDelete: 'delete' };
  const state = (s: BrokerState | undefined) => jest.fn(async () => s);

  test('the endpoint\'s name does not resolve on any attempt, Amazon MQ not asked (no route): the Delete succeeds and says why', async () => {
    const { log } = await remove(exchange, { fetch: unresolvable });
    expect(log).toContain('Deleted exchange /api/exchanges/orders/orders.events with its broker: the broker\'s name does not resolve (ENOTFOUND on every attempt)');
  });

  test('a virtual host and a binding of a gone broker: their reads fail the same way, and they succeed too', async () => {
    const vhost: ManagementProperties = { ...base, Kind: 'virtual host', Path: '/api/vhosts/orders', OnDelete: 'delete', KeepIfQueuesIn: '/api/queues/orders' };
    const binding: ManagementProperties = { ...base, Kind: 'binding', Path: '/api/bindings/orders/e/x/q/q', Method: 'POST', OnDelete: 'delete', Body: '{"routing_key":"k"}' };
    const conditional = queue({ DeleteIfEmpty: 'true' });
    for (const props of [vhost, binding, conditional]) {
      expect((await remove(props, { fetch: unresolvable })).log).toContain(`Deleted ${props.Kind} ${props.Path} with its broker`);
    }
  });

  test('Amazon MQ says the broker is gone (NotFound, DELETION_IN_PROGRESS): a timeout or persistent 5xx counts as deleted', async () => {
    for (const detail of ['not found', 'state DELETION_IN_PROGRESS']) {
      const brokerState = state({ exists: false, detail });
      expect((await remove(exchange, { fetch: silent, brokerState })).log).toContain(`with its broker: Amazon MQ says the broker is ${detail}`);
      const failing = api({ 'DELETE /api/exchanges/orders/orders.events': () => new Response('{"reason":"bad gateway"}', { status: 502 }) });
      await expect(remove(exchange, { fetch: failing.fetch, brokerState })).resolves.toBeDefined();
      expect(failing.calls).toHaveLength(4);
    }
  });

  test('a live broker that does not answer, or answers 5xx each time, still fails the Delete', async () => {
    const running = state({ exists: true, detail: 'state RUNNING' });
    await expect(remove(exchange, { fetch: silent, brokerState: running })).rejects.toThrow(/unreachable: fetch failed: connect ETIMEDOUT/);
    // Amazon MQ cannot be asked: a timeout is no proof the broker is gone.
    await expect(remove(exchange, { fetch: silent })).rejects.toThrow(/unreachable/);
    const failing = api({ 'DELETE /api/exchanges/orders/orders.events': () => new Response('{"reason":"internal"}', { status: 500 }) });
    await expect(remove(exchange, { fetch: failing.fetch, brokerState: running })).rejects.toThrow('refused the delete with 500: internal');
  });

  test('a broker that Amazon MQ says exists but whose name does not resolve: a DNS problem to fix, not a gone broker', async () => {
    await expect(remove(exchange, { fetch: unresolvable, brokerState: state({ exists: true, detail: 'state RUNNING' }) }))
      .rejects.toThrow(/Amazon MQ says the broker exists \(state RUNNING\), but its name does not resolve from the function \(ENOTFOUND\)/);
  });

  test('a live broker that refuses the admin (401) fails loudly, and Amazon MQ is not even asked', async () => {
    const brokerState = state({ exists: false, detail: 'not found' });
    const { fetch } = api({ 'DELETE /api/exchanges/orders/orders.events': () => Response.json({ error: 'not_authorized', reason: 'Login failed' }, { status: 401 }) });
    await expect(remove(exchange, { fetch, brokerState })).rejects.toThrow('exchange /api/exchanges/orders/orders.events: RabbitMQ refused the delete with 401: Login failed. The admin secret does not match the broker\'s admin user.');
    expect(brokerState).not.toHaveBeenCalled();
  });

  test('a name that fails to resolve on some attempts only (the last one included) is not a gone broker', async () => {
    let attempt = 0;
    const flaky = (async (url: string) => (++attempt % 2 === 0 ? unresolvable : silent)(url)) as unknown as typeof globalThis.fetch;
    await expect(remove(exchange, { fetch: flaky })).rejects.toThrow(/unreachable/);
  });

  test('a Create or an Update on a gone broker still fails: only a Delete may succeed without the broker', async () => {
    await expect(onEvent({ RequestType: 'Create', ResourceProperties: { ...exchange, Body: '{}' } },
      { secret: async () => ({ username: 'admin', password: 'pw' }), fetch: unresolvable, sleep: async () => {} })).rejects.toThrow(/unreachable.*ENOTFOUND/);
  });
});

describe('the template', () => {
  const RMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE };
  function app(removalPolicy?: RemovalPolicy) {
    const root = new App();
    const stack = new Stack(root, 'Messaging', { env: { account: '123456789012', region: 'eu-west-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const broker = new RabbitMqBroker(stack, 'Broker', { vpc, brokerName: 'orders', removalPolicy, ...RMQ });
    return { root, stack, vpc, broker, vhost: broker.addVirtualHost('orders') };
  }
  const objects = (stack: Stack) => Object.values(Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject'))
    .map((r) => r.Properties as Record<string, unknown>);
  const policy = (stack: Stack) => JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy'));

  test('deleteIfEmpty and deleteIfUnused become the queue\'s properties; other queues have none', () => {
    const { stack, vhost } = app();
    vhost.addQueue('orders.in', { removalPolicy: RemovalPolicy.DESTROY, deleteIfEmpty: true });
    vhost.addQueue('orders.work', { type: RabbitMqQueueType.CLASSIC, removalPolicy: RemovalPolicy.DESTROY, deleteIfEmpty: true, deleteIfUnused: true });
    vhost.addQueue('orders.plain', { removalPolicy: RemovalPolicy.DESTROY, deleteIfEmpty: false });
    const byPath = Object.fromEntries(objects(stack).map((p) => [p.Path, p]));
    expect(byPath['/api/queues/orders/orders.in']).toMatchObject({ OnDelete: 'delete', DeleteIfEmpty: 'true' });
    expect(byPath['/api/queues/orders/orders.in'].DeleteIfUnused).toBeUndefined();
    expect(byPath['/api/queues/orders/orders.work']).toMatchObject({ DeleteIfEmpty: 'true', DeleteIfUnused: 'true' });
    expect(Object.keys(byPath['/api/queues/orders/orders.plain']).filter((k) => k.startsWith('DeleteIf'))).toEqual([]);
  });

  test('[RabbitMqQueueDeleteIf] a condition on a queue that is never deleted (retained by default, RETAIN, SNAPSHOT) is refused', () => {
    const { vhost } = app();
    expect(() => vhost.addQueue('orders.in', { deleteIfEmpty: true })).toThrow(
      "queue 'orders.in' deleteIfEmpty true is not allowed with removalPolicy retain (the default for queues); allowed: removalPolicy DESTROY with it (the queue is then deleted only when empty, and kept otherwise), or no deleteIfEmpty [RabbitMqQueueDeleteIf]");
    expect(() => vhost.addQueue('orders.in', { deleteIfUnused: true, removalPolicy: RemovalPolicy.RETAIN })).toThrow(
      "queue 'orders.in' deleteIfUnused true is not allowed with removalPolicy retain; allowed: removalPolicy DESTROY with it (the queue is then deleted only when no consumer is attached, and kept otherwise), or no deleteIfUnused [RabbitMqQueueDeleteIf]");
    expect(() => vhost.addQueue('orders.in', { deleteIfEmpty: true, deleteIfUnused: true, removalPolicy: RemovalPolicy.SNAPSHOT })).toThrow(
      /deleteIfEmpty true is not allowed with removalPolicy snapshot.*\n.*deleteIfUnused true is not allowed with removalPolicy snapshot/);
    // Refused before anything was made: the name is still free.
    vhost.addQueue('orders.in', { deleteIfEmpty: false });
  });

  test('a broker made here with DESTROY: every object says it goes with the stack; the role may read the stack\'s status', () => {
    const { stack, vhost } = app(RemovalPolicy.DESTROY);
    vhost.addQueue('orders.in');
    vhost.addExchange('orders.events', { type: RabbitMqExchangeType.TOPIC });
    expect(objects(stack).map((p) => p.BrokerDeletedWithStack)).toEqual(['true', 'true', 'true']);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Action: ['cloudformation:ListStackResources', 'cloudformation:DescribeStacks'], Effect: 'Allow', Resource: { Ref: 'AWS::StackId' } },
          { Action: 'mq:DescribeBroker', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Broker'), 'Arn'] } },
        ]),
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('RabbitMQ management: OnEvent'),
      Environment: { Variables: Match.objectLike({ BROKER_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Broker'), 'Arn'] } }) },
    });
  });

  test('a retained broker (the default): no object says so, and the role cannot read the stack\'s status', () => {
    const { stack, vhost } = app();
    vhost.addExchange('orders.events', { type: RabbitMqExchangeType.TOPIC });
    expect(objects(stack).map((p) => p.BrokerDeletedWithStack)).toEqual([undefined, undefined]);
    expect(policy(stack)).not.toContain('cloudformation:DescribeStacks');
    expect(policy(stack)).toContain('mq:DescribeBroker');
  });

  test('an imported broker never goes with the stack; Amazon MQ is asked about its own ARN only', () => {
    const stack = new Stack(new App(), 'Messaging', { env: { account: '123456789012', region: 'us-east-1' } });
    const arn = 'arn:aws:mq:us-east-1:123456789012:broker:shared:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9';
    const shared = RabbitMqBroker.fromBrokerAttributes(stack, 'Shared', {
      brokerArn: arn, adminSecret: secretsmanager.Secret.fromSecretNameV2(stack, 'Admin', 'shared-admin'), engineVersion: '4.2',
    });
    new RabbitMqVirtualHost(stack, 'Billing', { broker: shared, name: 'billing' }).addQueue('billing.in', { removalPolicy: RemovalPolicy.DESTROY });
    expect(objects(stack).map((p) => p.BrokerDeletedWithStack)).toEqual([undefined, undefined]);
    expect(policy(stack)).not.toContain('cloudformation:DescribeStacks');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'mq:DescribeBroker', Effect: 'Allow', Resource: arn }]) },
    });
  });

  test('a virtual host in another stack than its DESTROY broker: that stack\'s delete leaves the broker, so its objects are deleted', () => {
    const { root, broker } = app(RemovalPolicy.DESTROY);
    const other = new Stack(root, 'Tenants', { env: { account: '123456789012', region: 'eu-west-1' } });
    new RabbitMqVirtualHost(other, 'Tenant', { broker, name: 'tenant' }).addExchange('tenant.events', { type: RabbitMqExchangeType.TOPIC });
    expect(objects(other).map((p) => p.BrokerDeletedWithStack)).toEqual([undefined, undefined]);
  });
});
