import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { RabbitMqQueueType } from '../../src';
import { parseArgs, runCheck } from '../../src/cli/check-command';
import { ManagementRead } from '../../src/cli/management-api';
import { DeclaredObject, objectDrift } from '../../src/cli/object-drift';
import { resolveValue, UnresolvedValueError } from '../../src/cli/template-values';
import { ordersBroker } from '../engines/management-objects';
import { checkClientsFor, FakeAwsEndpoint, FakeRequest, FakeResponse } from '../util/fake-aws';
import { stackRoute } from '../util/fake-stack';

const BROKER_ID = 'b-1234a5b6-78cd-901e-2fab-3c45d6e178f9';
const ADMIN_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-admin-AbCdEf';
const ADMIN = { username: 'admin', password: 'Adm1n-Passw0rd-Never-Shown' };

describe('arguments', () => {
  test('--flag=value is accepted as --flag value is (issue 20: --broker=b-1 was refused)', () => {
    expect(parseArgs(['--broker=b-1', '--region=eu-west-1'], {})).toEqual({ brokers: ['b-1'], assembly: undefined, region: 'eu-west-1' });
    expect(parseArgs(['--broker', 'b-1', '--broker=b-2'], {}).brokers).toEqual(['b-1', 'b-2']);
    expect(parseArgs(['--assembly=cdk.out', '--objects', '--management-url=https://b-1.mq.eu-west-1.amazonaws.com'], {})).toMatchObject({
      assembly: 'cdk.out', objects: true, managementUrl: 'https://b-1.mq.eu-west-1.amazonaws.com',
    });
  });

  test('the admin credentials come from the environment, both or neither, never with --admin-secret', () => {
    const env = { RABBITMQ_ADMIN_USERNAME: 'admin', RABBITMQ_ADMIN_PASSWORD: 'pw' };
    expect(parseArgs(['--assembly', 'cdk.out', '--objects'], env).adminCredentials).toEqual({ username: 'admin', password: 'pw' });
    expect(() => parseArgs(['--assembly', 'cdk.out', '--objects'], { RABBITMQ_ADMIN_USERNAME: 'admin' })).toThrow(/go together/);
    expect(() => parseArgs(['--assembly', 'cdk.out', '--objects', '--admin-secret', ADMIN_ARN], env)).toThrow(/give one/);
    // Without --objects, the environment is not read: the broker checks need no admin.
    expect(parseArgs(['--assembly', 'cdk.out'], env).adminCredentials).toBeUndefined();
  });

  test.each([
    [['--assembly', 'cdk.out', '--management-url', 'https://x'], /only with --objects/],
    [['--objects', '--broker', 'b-1'], /--objects compares what --assembly/],
    [['--assembly', 'cdk.out', '--objects', '--management-url=b-1.mq.amazonaws.com'], /not an http\(s\) URL/],
    [['--broker='], /--broker needs a value/],
    [['--objects=yes', '--assembly', 'x'], /unknown argument '--objects=yes'/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv, {})).toThrow(message);
  });
});

describe('template values', () => {
  const deployed = {
    physicalId: async (id: string) => ({ Secret: ADMIN_ARN, Broker: BROKER_ID } as Record<string, string>)[id],
    attribute: async (id: string, attribute: string) => (id === 'Broker' && attribute === 'ConsoleURLs' ? ['https://b-1.mq.eu-west-1.amazonaws.com'] : undefined),
    pseudo: async (name: string) => ({ 'AWS::Region': 'eu-west-1', 'AWS::Partition': 'aws', 'AWS::AccountId': '123456789012' } as Record<string, string>)[name],
  };

  test('Ref, Fn::GetAtt, Fn::Select, Fn::Join and Fn::Sub resolve against the deployed stack', async () => {
    expect(await resolveValue({ 'Fn::Select': [0, { 'Fn::GetAtt': ['Broker', 'ConsoleURLs'] }] }, deployed)).toBe('https://b-1.mq.eu-west-1.amazonaws.com');
    expect(await resolveValue({ Ref: 'Secret' }, deployed)).toBe(ADMIN_ARN);
    expect(await resolveValue({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:eu-west-1:123456789012:secret:x']] }, deployed))
      .toBe('arn:aws:secretsmanager:eu-west-1:123456789012:secret:x');
    expect(await resolveValue({ 'Fn::Sub': 'https://${Broker}.mq.${AWS::Region}.amazonaws.com/${!Literal}' }, deployed))
      .toBe(`https://${BROKER_ID}.mq.eu-west-1.amazonaws.com/\${Literal}`);
  });

  test('what the stack cannot say is an UnresolvedValueError naming it', async () => {
    await expect(resolveValue({ 'Fn::ImportValue': 'shared-admin' }, deployed)).rejects.toThrow(UnresolvedValueError);
    await expect(resolveValue({ Ref: 'AdminParameter' }, deployed)).rejects.toThrow(/Ref AdminParameter \(not a resource of the deployed stack/);
    await expect(resolveValue({ 'Fn::GetAtt': ['Broker', 'AmqpEndpoints'] }, deployed)).rejects.toThrow(/Fn::GetAtt Broker.AmqpEndpoints/);
  });
});

/** A management API as a table of GET answers; anything else is 404. */
function reader(answers: Record<string, unknown>): ManagementRead {
  return async (p) => (p in answers ? { status: 200, body: answers[p] } : { status: 404 });
}

/** What every virtual host has, and what Amazon MQ adds: never extras. */
function emptyVhost(vhost: string): Record<string, unknown> {
  const v = encodeURIComponent(vhost);
  return {
    [`/api/vhosts/${v}`]: { name: vhost, description: '', tags: [] },
    [`/api/queues/${v}?columns=name,exclusive`]: [
      { name: 'amq.gen-Xk2', exclusive: true }, { name: 'reply-to', exclusive: true },
    ],
    [`/api/exchanges/${v}?columns=name`]: [{ name: '' }, { name: 'amq.direct' }, { name: 'amq.topic' }],
    [`/api/bindings/${v}`]: [{ source: '', destination: 'reply-to', destination_type: 'queue', routing_key: 'reply-to', arguments: {} }],
    [`/api/policies/${v}`]: [{ name: 'AWS-DEFAULT-POLICY-SINGLE-INSTANCE', vhost }],
    [`/api/operator-policies/${v}`]: [{ name: 'default_operator_policy_AWS_managed', vhost }],
    [`/api/vhosts/${v}/permissions`]: [
      { user: 'admin', vhost, configure: '.*', write: '.*', read: '.*' },
      { user: 'monitoring-AWS-OWNED-DO-NOT-DELETE', vhost, configure: '', write: '', read: '.*' },
    ],
    [`/api/vhosts/${v}/topic-permissions`]: [],
    [`/api/parameters/shovel/${v}`]: [],
    [`/api/parameters/federation-upstream/${v}`]: [],
    [`/api/vhost-limits/${v}`]: [],
  };
}

const object = (Kind: string, Path: string, body?: unknown, Method?: string): DeclaredObject =>
  ({ Kind, Path, Method, Body: body === undefined ? undefined : JSON.stringify(body) });

const VHOST = object('virtual host', '/api/vhosts/orders', { description: '' });

describe('comparison', () => {
  test('an empty declared virtual host: what every virtual host has and Amazon MQ\'s own objects are not extras', async () => {
    expect(await objectDrift([VHOST], reader(emptyVhost('orders')), 'admin', [])).toEqual([
      { severity: 'ok', message: '1 of 1 declared object(s) as declared on the broker' },
    ]);
  });

  test('values as RabbitMQ returns them are the same: tags in any order and as a list, a queue type without x-queue-type', async () => {
    const answers = {
      ...emptyVhost('orders'),
      '/api/users/orders-app': { name: 'orders-app', tags: ['management', 'monitoring'], password_hash: 'h' },
      '/api/queues/orders/orders.in': { name: 'orders.in', type: 'quorum', durable: true, auto_delete: false, arguments: {} },
      '/api/queues/orders?columns=name,exclusive': [{ name: 'orders.in', exclusive: false }],
    };
    const findings = await objectDrift([
      VHOST,
      object('user', '/api/users/orders-app', { password: '{{secret:0:password}}', tags: 'monitoring,management' }),
      object('queue', '/api/queues/orders/orders.in', { durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum' } }),
    ], reader(answers), 'admin', []);
    expect(findings).toEqual([
      { severity: 'ok', message: '3 of 3 declared object(s) as declared on the broker' },
      { severity: 'info', message: 'user orders-app: password not compared (RabbitMQ returns only its hash)' },
    ]);
  });

  test('different: each declared field named with both values; a policy key only the broker has counts', async () => {
    const answers = {
      ...emptyVhost('orders'),
      '/api/policies/orders/limits': { 'name': 'limits', 'pattern': '^orders\\.', 'apply-to': 'all', 'priority': 1, 'definition': { 'max-length': 5, 'message-ttl': 60 } },
      '/api/policies/orders?columns=name': [],
      '/api/exchanges/orders/orders.events': { name: 'orders.events', type: 'direct', durable: true, auto_delete: false, internal: false, arguments: {} },
      '/api/vhost-limits/orders': [{ vhost: 'orders', value: { 'max-queues': 50 } }],
    };
    const findings = await objectDrift([
      VHOST,
      object('policy', '/api/policies/orders/limits', { 'pattern': '^orders\\.', 'definition': { 'max-length': 10 }, 'priority': 1, 'apply-to': 'queues' }),
      object('exchange', '/api/exchanges/orders/orders.events', { type: 'topic', durable: true, auto_delete: false, internal: false, arguments: {} }),
      object('virtual host limit', '/api/vhost-limits/orders/max-queues', { value: 100 }),
    ], reader(answers), 'admin', []);
    expect(findings.filter((f) => f.severity === 'action').map((f) => f.message)).toEqual([
      'policy limits (vhost orders): different: definition.max-length is 10 in the template, 5 on the broker',
      'policy limits (vhost orders): different: definition.message-ttl is absent in the template, 60 on the broker',
      'policy limits (vhost orders): different: apply-to is "queues" in the template, "all" on the broker',
      'exchange orders.events (vhost orders): different: type is "topic" in the template, "direct" on the broker',
      'virtual host limit max-queues (vhost orders): different: value is 100 in the template, 50 on the broker',
    ]);
    expect(findings[0]).toEqual({ severity: 'info', message: '1 of 4 declared object(s) as declared on the broker' });
  });

  test('a URI with secret markers is compared without the secret; a difference never shows the broker\'s value', async () => {
    const upstream = object('federation upstream', '/api/parameters/federation-upstream/orders/eu', {
      value: { uri: 'amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@eu.example.com:5671/orders' },
    });
    const live = (uri: string) => ({
      ...emptyVhost('orders'),
      '/api/parameters/federation-upstream/orders/eu': { name: 'eu', vhost: 'orders', component: 'federation-upstream', value: { uri } },
      '/api/parameters/federation-upstream/orders': [{ name: 'eu' }],
    });
    expect((await objectDrift([VHOST, upstream], reader(live('amqps://fed:S3cret%2F@eu.example.com:5671/orders')), 'admin', []))
      .filter((f) => f.severity !== 'ok')).toEqual([]);
    const moved = await objectDrift([VHOST, upstream], reader(live('amqps://fed:S3cret%2F@us.example.com:5671/orders')), 'admin', []);
    expect(moved.filter((f) => f.severity === 'action').map((f) => f.message)).toEqual([
      'federation upstream eu (vhost orders): different: value.uri is "amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@eu.example.com:5671/orders" '
        + 'in the template, another value (not shown: it holds a secret) on the broker',
    ]);
    expect(JSON.stringify(moved)).not.toContain('S3cret');
  });

  test('a binding is known by its routing key and arguments: another key is the declared one missing and an extra one', async () => {
    const answers = {
      ...emptyVhost('orders'),
      '/api/bindings/orders/e/orders.events/q/orders.in': [{ source: 'orders.events', destination: 'orders.in', destination_type: 'queue', routing_key: 'order.#', arguments: {} }],
      '/api/bindings/orders': [{ source: 'orders.events', destination: 'orders.in', destination_type: 'queue', routing_key: 'order.#', arguments: {} }],
    };
    const findings = await objectDrift([VHOST, object('binding', '/api/bindings/orders/e/orders.events/q/orders.in', { routing_key: 'order.*', arguments: {} }, 'POST')],
      reader(answers), 'admin', []);
    expect(findings.filter((f) => f.severity === 'action').map((f) => f.message)).toEqual([
      'binding orders.events -> queue orders.in, routing key \'order.*\' (vhost orders): missing (declared, absent on the broker)',
      'binding orders.events -> queue orders.in, routing key \'order.#\' (vhost orders): extra (on the broker, not declared, in virtual host orders, which the app declares)',
    ]);
  });

  test('extras of every kind in a declared virtual host; undeclared virtual hosts are not looked at', async () => {
    const answers = {
      ...emptyVhost('orders'),
      '/api/queues/orders?columns=name,exclusive': [{ name: 'scratch', exclusive: false }],
      '/api/exchanges/orders?columns=name': [{ name: 'amq.fanout' }, { name: 'side.events' }],
      '/api/policies/orders': [{ name: 'by-hand' }, { name: 'AWS-DEFAULT-POLICY-CLUSTER' }],
      '/api/operator-policies/orders': [{ name: 'cap' }],
      '/api/vhosts/orders/permissions': [{ user: 'admin' }, { user: 'intruder' }],
      '/api/vhosts/orders/topic-permissions': [{ user: 'intruder', exchange: 'amq.topic' }],
      '/api/parameters/shovel/orders': [{ name: 'copy' }],
      '/api/parameters/federation-upstream/orders': [{ name: 'us' }],
      '/api/vhost-limits/orders': [{ vhost: 'orders', value: { 'max-connections': 5 } }],
      '/api/queues/other?columns=name,exclusive': [{ name: 'not-ours', exclusive: false }],
    };
    const findings = await objectDrift([VHOST], reader(answers), 'admin', []);
    expect(findings.filter((f) => f.severity === 'action').map((f) => f.message.replace(/: extra .*/, ''))).toEqual([
      'queue scratch (vhost orders)',
      'exchange side.events (vhost orders)',
      'policy by-hand (vhost orders)',
      'operator policy cap (vhost orders)',
      'permissions of user intruder (vhost orders)',
      'topic permissions of user intruder on exchange amq.topic (vhost orders)',
      'shovel copy (vhost orders)',
      'federation upstream us (vhost orders)',
      'virtual host limit max-connections (vhost orders)',
    ]);
  });

  test('a missing virtual host is one finding, with the count of the objects it took along', async () => {
    const findings = await objectDrift([
      VHOST,
      object('queue', '/api/queues/orders/orders.in', { durable: true }),
      object('permissions', '/api/permissions/orders/orders-app', { configure: '.*', write: '.*', read: '.*' }),
    ], reader({}), 'admin', []);
    expect(findings).toEqual([
      { severity: 'info', message: '0 of 3 declared object(s) as declared on the broker' },
      { severity: 'action', message: 'virtual host orders: missing (declared, absent on the broker), and with it the 2 object(s) declared in it' },
    ]);
  });

  test('shovel state: running is OK, terminated is reported with its reason, credentials in it hidden', async () => {
    const shovel = (name: string) => object('shovel', `/api/parameters/shovel/orders/${name}`, { value: { 'src-uri': 'amqp:///orders', 'src-queue': name } });
    const answers = {
      ...emptyVhost('orders'),
      '/api/parameters/shovel/orders/a': { value: { 'src-uri': 'amqp:///orders', 'src-queue': 'a' } },
      '/api/parameters/shovel/orders/b': { value: { 'src-uri': 'amqp:///orders', 'src-queue': 'b' } },
      '/api/parameters/shovel/orders': [{ name: 'a' }, { name: 'b' }],
      '/api/shovels/orders': [
        { name: 'a', vhost: 'orders', state: 'running' },
        { name: 'b', vhost: 'orders', state: 'terminated', reason: '{error, "amqps://fed:Hidden1@eu.example.com:5671 refused: Adm1n-Passw0rd-Never-Shown"}' },
      ],
    };
    const findings = await objectDrift([VHOST, shovel('a'), shovel('b')], reader(answers), 'admin', [ADMIN.password], 0);
    expect(findings.slice(1)).toEqual([
      { severity: 'ok', message: 'shovel a (vhost orders): running' },
      { severity: 'action', message: 'shovel b (vhost orders): terminated: {error, "amqps://***:***@eu.example.com:5671 refused: ***"}' },
    ]);
  });

  test('a shovel that stays starting is broken; one that starts within the settle time is running', async () => {
    let reads = 0;
    const answers = {
      ...emptyVhost('orders'),
      '/api/parameters/shovel/orders/a': { value: {} },
      '/api/parameters/shovel/orders': [{ name: 'a' }],
    };
    const read: ManagementRead = async (p) => {
      if (p === '/api/shovels/orders') {
        reads++;
        return { status: 200, body: [{ name: 'a', vhost: 'orders', state: reads > 1 ? 'running' : 'starting' }] };
      }
      return reader(answers)(p);
    };
    const declared = [VHOST, object('shovel', '/api/parameters/shovel/orders/a', { value: {} })];
    expect((await objectDrift(declared, read, 'admin', [], 5_000)).pop()).toEqual({ severity: 'ok', message: 'shovel a (vhost orders): running' });
    reads = -100;
    expect((await objectDrift(declared, read, 'admin', [], 1)).pop()).toEqual({
      severity: 'action', message: 'shovel a (vhost orders): still starting after 0.001 s: it cannot connect (check its URIs, their credentials and the other broker)',
    });
  });
});

describe('runCheck --objects on a synthesized app, resolved through the deployed stack', () => {
  let dir: string;
  let adminSecretId: string;
  let brokerId: string;
  let fake: FakeAwsEndpoint | undefined;
  let management: FakeAwsEndpoint | undefined;

  beforeAll(() => {
    const { app, stack, broker } = ordersBroker();
    const vhost = broker.addVirtualHost('orders');
    vhost.addUser('orders-app', { password: secretsmanager.Secret.fromSecretNameV2(stack, 'AppSecret', 'orders-app'), permissions: { configure: '.*', write: '.*', read: '.*' } });
    vhost.addQueue('orders.in', { type: RabbitMqQueueType.QUORUM });
    const assembly = app.synth();
    dir = assembly.directory;
    const resources = assembly.getStackByName('Messaging').template.Resources as Record<string, { Type: string }>;
    adminSecretId = Object.keys(resources).find((id) => id.startsWith('BrokerAdminSecret'))!;
    brokerId = Object.keys(resources).find((id) => resources[id].Type === 'AWS::AmazonMQ::Broker')!;
  });
  afterEach(async () => {
    await fake?.stop();
    await management?.stop();
    fake = management = undefined;
  });

  /** The broker's management API: the app's objects as declared, answered to the admin only. */
  function managementApi(req: FakeRequest): FakeResponse {
    const answers = {
      ...emptyVhost('orders'),
      '/api/users/orders-app': { name: 'orders-app', tags: [] },
      '/api/permissions/orders/orders-app': { user: 'orders-app', vhost: 'orders', configure: '.*', write: '.*', read: '.*' },
      '/api/queues/orders/orders.in': { name: 'orders.in', type: 'quorum', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum' } },
      '/api/queues/orders?columns=name,exclusive': [{ name: 'orders.in', exclusive: false }],
      '/api/vhosts/orders/permissions': [{ user: 'admin' }, { user: 'orders-app' }],
    } as Record<string, unknown>;
    return req.path in answers ? { body: answers[req.path] } : { status: 404, body: { error: 'Object Not Found' } };
  }

  async function start(world: { consoleUrl?: string; adminSecret?: Record<string, string> } = {}) {
    management = await FakeAwsEndpoint.start(managementApi);
    const route = stackRoute({
      stackName: 'Messaging',
      resources: { [adminSecretId]: ADMIN_ARN, [brokerId]: BROKER_ID },
      secrets: { [ADMIN_ARN]: world.adminSecret ?? ADMIN },
      consoleUrls: { [BROKER_ID]: [world.consoleUrl ?? management.url] },
      pageSize: 1,
    });
    fake = await FakeAwsEndpoint.start((req) => route(req) ?? { status: 404, errorType: 'NotFoundException', body: { message: `no route ${req.path}` } });
    return checkClientsFor(fake.clientConfig());
  }

  async function run(argv: string[], clients: Awaited<ReturnType<typeof start>>) {
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await runCheck(parseArgs(argv, {}), clients, (l) => lines.push(l), (l) => errors.push(l));
    return { code, lines, errors };
  }

  test('the console URL from Amazon MQ (broker ID from ListStackResources, page by page), the admin from Secrets Manager: no drift, exit 0', async () => {
    const clients = await start();
    const { code, lines } = await run(['--assembly', dir, '--objects'], clients);
    expect(lines).toEqual([
      'OK     orders (stack Messaging): 4 of 4 declared object(s) as declared on the broker',
      'INFO   orders (stack Messaging): user orders-app: password not compared (RabbitMQ returns only its hash)',
      'no drift: the brokers hold the declared objects',
    ]);
    expect(code).toBe(0);
    const calls = fake!.requests.map((r) => new URLSearchParams(r.body).get('Action') ?? r.target ?? `${r.method} ${r.path}`);
    expect(calls).toEqual(['ListStackResources', 'ListStackResources', `GET /v1/brokers/${BROKER_ID}`, 'secretsmanager.GetSecretValue']);
    expect(JSON.stringify(lines)).not.toContain(ADMIN.password);
  });

  test('a stack that is not deployed: one ERROR line, exit 2', async () => {
    const clients = await start();
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkout-'));
    fs.cpSync(dir, other, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(other, 'manifest.json'), 'utf-8'));
    manifest.artifacts.Messaging.properties.stackName = 'Elsewhere';
    fs.writeFileSync(path.join(other, 'manifest.json'), JSON.stringify(manifest));
    const { code, lines } = await run(['--assembly', other, '--objects'], clients);
    expect(lines[0]).toMatch(/^ERROR {2}cloudformation:ListStackResources Elsewhere failed \(HTTP 400\): ValidationError: Stack with id Elsewhere does not exist$/);
    expect(code).toBe(2);
  });

  test('an endpoint the stack cannot resolve names the override, the other broker is still compared; two brokers refuse --management-url', async () => {
    const clients = await start();
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkout-'));
    const app = new App({ outdir });
    new Stack(app, 'Imported');
    app.synth();
    const vhost = (endpoint: unknown, name: string) => ({
      Type: 'Custom::AmazonMqRabbitMqObject',
      Properties: { Endpoint: endpoint, AdminSecretArn: ADMIN_ARN, Kind: 'virtual host', Path: `/api/vhosts/${name}`, Body: '{"description":""}' },
    });
    fs.writeFileSync(path.join(outdir, 'Imported.template.json'), JSON.stringify({
      Resources: { Shared: vhost({ 'Fn::ImportValue': 'orders-console' }, 'shared'), Orders: vhost(management!.url, 'orders') },
    }));
    const unresolved = await run(['--assembly', outdir, '--objects'], clients);
    expect(unresolved.lines).toEqual([
      'ERROR  RabbitMQ broker (stack Imported): Endpoint cannot be resolved from the deployed stack: Fn::ImportValue "orders-console"; give --management-url <url>',
      `OK     ${management!.url} (stack Imported): 1 of 1 declared object(s) as declared on the broker`,
      // This app declares the virtual host only: the broker's queue and user permissions in it are extras.
      `ACTION ${management!.url} (stack Imported): queue orders.in (vhost orders): extra (on the broker, not declared, in virtual host orders, which the app declares)`,
      `ACTION ${management!.url} (stack Imported): permissions of user orders-app (vhost orders): extra (on the broker, not declared, in virtual host orders, which the app declares)`,
      'some checks could not run',
    ]);
    expect(unresolved.code).toBe(2);
    const two = await run(['--assembly', outdir, '--objects', '--management-url', management!.url], clients);
    expect(two.lines).toEqual([expect.stringMatching(/^ERROR {2}--management-url names one broker; the assembly declares the objects of 2: /)]);
    expect(two.code).toBe(2);
  });

  test('an assembly without management objects: stderr, exit 3, nothing called', async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkout-'));
    const app = new App({ outdir });
    new Stack(app, 'Empty');
    app.synth();
    const clients = await start();
    const { code, lines, errors } = await run(['--assembly', outdir, '--objects'], clients);
    expect(errors).toEqual([expect.stringContaining(`no Custom::AmazonMqRabbitMqObject (RabbitMQ management object) found in the cloud assembly ${outdir}`)]);
    expect(lines).toEqual([]);
    expect(fake!.requests).toHaveLength(0);
    expect(code).toBe(3);
  });

  test('an admin secret that is not JSON with username and password: the ARN named, the value never shown', async () => {
    const clients = await start({ adminSecret: { user: 'admin', pass: ADMIN.password } });
    const { code, lines } = await run(['--assembly', dir, '--objects'], clients);
    expect(lines[0]).toBe(`ERROR  secret ${ADMIN_ARN} is not JSON with a string username and password (the shape of the broker's admin secret)`);
    expect(JSON.stringify(lines)).not.toContain(ADMIN.password);
    expect(code).toBe(2);
  });
});
