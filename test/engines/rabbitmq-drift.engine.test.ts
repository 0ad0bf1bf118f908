/**
 * `cdk-amazon-mq-check --objects` against real RabbitMQ (4.0.5, Amazon MQ's defaults, shovel and federation plugins):
 * an app's cloud assembly is written to a temporary directory and "deployed" onto the engine with the real handler;
 * the check then finds no drift. Changes made by hand through the management API (a queue deleted, a permission
 * changed, a queue added, a shovel pointed at nothing) are each reported, with exit code 1. The admin secret is
 * resolved as in real use: its Ref through CloudFormation's ListStackResources, its value from Secrets Manager (a
 * loopback fake of both); the management URL is the engine's (--management-url).
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { eventually, managementGet, objectsOf, ordersBroker, TemplateResource } from './management-objects';
import { RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqExchangeType, RabbitMqPolicyApplyTo, RabbitMqQueueType } from '../../src';
import { parseArgs, runCheck } from '../../src/cli/check-command';
import { onEvent } from '../../src/rabbitmq/management/management-handler';
import { checkClientsFor, FakeAwsEndpoint } from '../util/fake-aws';
import { stackRoute } from '../util/fake-stack';

jest.setTimeout(240_000);

const APP_PASSWORD = 'Orders-App-Passw0rd';
const ADMIN_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-admin-AbCdEf';
const BIN = path.join(__dirname, '..', '..', 'assets', 'cli', 'check-command', 'check.js');

let engine: RabbitMqEngine;
let fake: FakeAwsEndpoint;
let assemblyDir: string;

/** The app: what a user writes, one object of each kind the check compares. */
function synth(): { dir: string; template: { Resources: Record<string, TemplateResource> }; adminSecretId: string; userSecretKey: string } {
  const { app, stack, broker } = ordersBroker();
  const federation = secretsmanager.Secret.fromSecretNameV2(stack, 'FederationUser', 'federation-user');
  const vhost = broker.addVirtualHost('orders', { description: 'Order processing', limits: { maxQueues: 100 } });
  const user = vhost.addUser('orders-app', { tags: ['monitoring', 'management'], permissions: { configure: '^orders\\.', write: '^orders\\.', read: '^orders\\.' } });
  vhost.addExchange('orders.events', { type: RabbitMqExchangeType.TOPIC });
  vhost.addExchange('orders.dlx', { type: RabbitMqExchangeType.FANOUT });
  vhost.grantTopic(user, { exchange: 'orders.events', write: '^order\\.', read: '.*' });
  vhost.addQueue('orders.in', { type: RabbitMqQueueType.QUORUM, deliveryLimit: 5, messageTtl: Duration.hours(1), deadLetterExchange: 'orders.dlx' });
  vhost.addQueue('orders.dead', { type: RabbitMqQueueType.CLASSIC, arguments: { 'x-max-priority': 5 } });
  vhost.addQueue('orders.outbox', { type: RabbitMqQueueType.CLASSIC });
  vhost.addQueue('orders.archive', { type: RabbitMqQueueType.CLASSIC });
  vhost.addBinding({ source: 'orders.events', destinationQueue: 'orders.in', routingKey: 'order.*' });
  vhost.addBinding({ source: 'orders.dlx', destinationQueue: 'orders.dead' });
  vhost.addPolicy('orders-outbox', { pattern: '^orders\\.outbox$', definition: { 'max-length': 10000 }, applyTo: RabbitMqPolicyApplyTo.QUEUES, priority: 3 });
  vhost.addShovel('to-archive', { source: { queue: 'orders.outbox' }, destination: { queue: 'orders.archive' } });
  vhost.addFederationUpstream('eu', { uri: 'amqp://127.0.0.1:5672/orders', credentials: federation });
  const assembly = app.synth();
  const template = assembly.getStackByName('Messaging').template as { Resources: Record<string, TemplateResource> };
  const adminSecretId = Object.keys(template.Resources).find((id) => id.startsWith('BrokerAdminSecret'))!;
  const userSecretKey = JSON.stringify(stack.resolve((user.secret as secretsmanager.Secret).secretArn));
  return { dir: assembly.directory, template, adminSecretId, userSecretKey };
}

const url = () => `http://127.0.0.1:${engine.managementPort}`;

async function admin(method: string, apiPath: string, body?: unknown): Promise<void> {
  const response = await fetch(`${url()}${apiPath}`, {
    method,
    headers: { 'authorization': `Basic ${Buffer.from('guest:guest').toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
}

function clients() {
  return checkClientsFor(fake.clientConfig());
}

/** The check in process: the admin secret resolved through the fake CloudFormation and Secrets Manager. */
async function check(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCheck(parseArgs(['--assembly', assemblyDir, '--objects', '--management-url', url()], {}), clients(), (l) => lines.push(l));
  return { code, lines };
}

beforeAll(async () => {
  const { dir, template, adminSecretId, userSecretKey } = synth();
  assemblyDir = dir;
  engine = await RabbitMqEngine.start('', ['rabbitmq_management', 'rabbitmq_shovel', 'rabbitmq_shovel_management', 'rabbitmq_federation']);
  // The deploy: each object created by the real handler, as CloudFormation would call it.
  const secrets: Record<string, Record<string, string>> = { [userSecretKey]: { username: 'orders-app', password: APP_PASSWORD } };
  for (const { props } of objectsOf(template, url())) {
    await onEvent({ RequestType: 'Create', ResourceProperties: props }, {
      secret: async (arn) => secrets[arn] ?? { username: 'guest', password: 'guest' },
      sleep: async () => {},
    });
  }
  const route = stackRoute({
    stackName: 'Messaging',
    resources: { [adminSecretId]: ADMIN_SECRET_ARN, BrokerE1355FD6: 'b-1234a5b6-78cd-901e-2fab-3c45d6e178f9' },
    // RabbitMQ's loopback guest plays the broker's admin.
    secrets: { [ADMIN_SECRET_ARN]: { username: 'guest', password: 'guest' } },
  });
  fake = await FakeAwsEndpoint.start((req) => route(req) ?? { status: 404, body: { message: `no route ${req.method} ${req.path}` } });
  await eventually(() => managementGet<Array<{ name: string; state: string }>>(engine.managementPort, '/api/shovels/orders'),
    (r) => r.body?.some((s) => s.name === 'to-archive' && s.state === 'running'), 'the shovel to run');
});
afterAll(async () => {
  await fake?.stop();
  await engine?.stop();
});

test('right after the deploy: no drift, exit 0; the admin secret was resolved through CloudFormation and Secrets Manager', async () => {
  const { code, lines } = await check();
  expect(lines.filter((l) => !l.startsWith('OK') && !l.startsWith('INFO'))).toEqual(['no drift: the brokers hold the declared objects']);
  expect(lines).toContain('OK     orders (stack Messaging): shovel to-archive (vhost orders): running');
  expect(lines).toContain('INFO   orders (stack Messaging): user orders-app: password not compared (RabbitMQ returns only its hash)');
  expect(lines[0]).toMatch(/^OK {5}orders \(stack Messaging\): (\d+) of \1 declared object\(s\) as declared on the broker$/);
  expect(code).toBe(0);
  expect(fake.requests.map((r) => new URLSearchParams(r.body).get('Action') ?? r.target)).toEqual(['ListStackResources', 'secretsmanager.GetSecretValue']);
  expect(lines.join('\n')).not.toContain('guest');
});

test('a queue deleted, a permission changed, a queue added and a shovel pointed at nothing by hand: each reported, exit 1', async () => {
  await admin('DELETE', '/api/queues/orders/orders.dead');
  await admin('PUT', '/api/permissions/orders/orders-app', { configure: '.*', write: '^orders\\.', read: '^orders\\.' });
  await admin('PUT', '/api/queues/orders/scratch', { durable: true, arguments: { 'x-queue-type': 'classic' } });
  await admin('PUT', '/api/parameters/shovel/orders/to-archive', {
    value: { 'src-uri': 'amqp:///orders', 'src-queue': 'orders.outbox', 'dest-uri': 'amqp://nobody:secret-word@127.0.0.1:1/orders', 'dest-queue': 'orders.archive', 'ack-mode': 'on-confirm' },
  });
  await eventually(() => managementGet<Array<{ name: string; state: string }>>(engine.managementPort, '/api/shovels/orders'),
    (r) => r.body?.some((s) => s.name === 'to-archive' && s.state !== 'running'), 'the shovel to stop running');

  const { code, lines } = await check();
  const actions = lines.filter((l) => l.startsWith('ACTION'));
  expect(actions).toEqual(expect.arrayContaining([
    'ACTION orders (stack Messaging): queue orders.dead (vhost orders): missing (declared, absent on the broker)',
    'ACTION orders (stack Messaging): permissions of user orders-app (vhost orders): different: configure is "^orders\\\\." in the template, ".*" on the broker',
    'ACTION orders (stack Messaging): queue scratch (vhost orders): extra (on the broker, not declared, in virtual host orders, which the app declares)',
    'ACTION orders (stack Messaging): shovel to-archive (vhost orders): different: value.dest-uri is "amqp:///orders" in the template, "amqp://***:***@127.0.0.1:1/orders" on the broker',
    // RabbitMQ retries the connection: the shovel stays starting, or cycles through terminated (with a reason) and
    // no status row at all between restarts (seen once in CI on 4.0.5).
    expect.stringMatching(/^ACTION orders \(stack Messaging\): shovel to-archive \(vhost orders\): (still starting after 15 s: it cannot connect|terminated: |no status: not running on any node)/),
  ]));
  // The binding to the deleted queue went with it: reported as missing too (it is declared).
  expect(actions).toContain('ACTION orders (stack Messaging): binding orders.dlx -> queue orders.dead, routing key \'\' (vhost orders): missing (declared, absent on the broker)');
  expect(actions).toHaveLength(6);
  expect(lines.join('\n')).not.toContain('secret-word');
  expect(lines[lines.length - 1]).toBe('drift found');
  expect(code).toBe(1);
});

test('the shipped bin (assets/cli/check-command/check.js) reports the same drift, with the admin from the environment and --flag=value', async () => {
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(BIN, ['--assembly', assemblyDir, '--objects', `--management-url=${url()}`],
      { env: { PATH: process.env.PATH!, RABBITMQ_ADMIN_USERNAME: 'guest', RABBITMQ_ADMIN_PASSWORD: 'guest' } },
      (error, out, err) => resolve({ code: error ? Number(error.code) : 0, stdout: out, stderr: err }));
  });
  expect(stderr).toBe('');
  expect(stdout).toContain('ACTION orders (stack Messaging): queue orders.dead (vhost orders): missing (declared, absent on the broker)');
  expect(stdout).toContain('ACTION orders (stack Messaging): queue scratch (vhost orders): extra (on the broker, not declared, in virtual host orders, which the app declares)');
  expect(stdout.trim().split('\n').pop()).toBe('drift found');
  expect(code).toBe(1);
});
