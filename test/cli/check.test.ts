import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import { defaultClients, parseArgs, runCheck } from '../../src/cli/check-command';
import { checkClientsFor, FakeAwsEndpoint, FakeRequest, FakeResponse } from '../util/fake-aws';

const ID = 'b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

interface World {
  broker: Record<string, unknown>;
  users: Array<Record<string, unknown>>;
  keyState: string;
  rotating: boolean;
  alarms: Array<Record<string, unknown>>;
  deny?: string;
  /** More brokers by ID, answering like `broker`. */
  otherBrokers?: Record<string, Record<string, unknown>>;
  /** Calls answered with HTTP 429 / ThrottlingException before the real answer. */
  throttles?: number;
}

const healthy = (): World => ({
  broker: {
    brokerId: ID,
    brokerName: 'orders',
    brokerState: 'RUNNING',
    engineVersion: '5.19',
    hostInstanceType: 'mq.m5.large',
    configurations: { current: { id: 'c-1', revision: 3 } },
    encryptionOptions: { kmsKeyId: KEY, useAwsOwnedKey: false },
  },
  users: [{ username: 'admin' }],
  keyState: 'Enabled',
  rotating: true,
  alarms: [
    { AlarmName: 'orders-CpuUtilization', StateValue: 'OK', Dimensions: [{ Name: 'Broker', Value: 'orders-1' }] },
    { AlarmName: 'orders-HeapUsage', StateValue: 'OK', Dimensions: [{ Name: 'Broker', Value: 'orders-1' }] },
  ],
});

/** Answers a page at a time: the first call gets the first `size` items and a token, the next the rest. */
function paged<T>(items: T[], token: string | undefined, size = 1): { page: T[]; next?: string } {
  const start = token ? Number(token) : 0;
  const page = items.slice(start, start + size);
  return { page, next: start + size < items.length ? String(start + size) : undefined };
}

/** Amazon MQ (REST-JSON), KMS (JSON 1.1) and CloudWatch (JSON 1.0) on one loopback endpoint. */
function services(world: World) {
  return (req: FakeRequest): FakeResponse => {
    if (world.throttles && world.throttles > 0) {
      world.throttles--;
      return req.target
        ? { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } }
        : { status: 429, errorType: 'TooManyRequestsException', body: { message: 'Rate exceeded' } };
    }
    if (world.deny && (req.path.startsWith(world.deny) || req.target === world.deny)) {
      return { status: 403, errorType: 'AccessDeniedException', body: { message: 'User: arn:aws:iam::123456789012:user/ci is not authorized' } };
    }
    if (req.target === 'TrentService.DescribeKey') {
      return { body: { KeyMetadata: { KeyId: KEY, KeyState: world.keyState } } };
    }
    if (req.target === 'TrentService.GetKeyRotationStatus') {
      return { body: { KeyRotationEnabled: world.rotating } };
    }
    if (req.target === 'GraniteServiceVersion20100801.DescribeAlarms') {
      const { AlarmNamePrefix, NextToken } = JSON.parse(req.body);
      const { page, next } = paged(world.alarms.filter((a) => String(a.AlarmName).startsWith(AlarmNamePrefix)), NextToken);
      return { body: { MetricAlarms: page, NextToken: next } };
    }
    if (req.method === 'GET' && req.path.startsWith('/v1/brokers?')) {
      return { body: { brokerSummaries: [{ brokerId: ID, brokerName: 'orders' }] } };
    }
    const url = new URL(req.path, 'http://fake');
    const broker = world.otherBrokers?.[url.pathname.split('/')[3]] ?? world.broker;
    if (url.pathname.endsWith('/users')) {
      const { page, next } = paged(world.users, url.searchParams.get('nextToken') ?? undefined);
      return { body: { brokerId: broker.brokerId, users: page, nextToken: next } };
    }
    if (url.pathname === `/v1/brokers/${broker.brokerId}`) {
      return { body: broker };
    }
    return { status: 404, errorType: 'NotFoundException', body: { message: `no route ${req.method} ${req.path} ${req.target ?? ''}` } };
  };
}


let fake: FakeAwsEndpoint | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function check(world: World, argv: string[]): Promise<{ code: number; lines: string[]; errors: string[] }> {
  fake = await FakeAwsEndpoint.start(services(world));
  const config = fake.clientConfig();
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCheck(parseArgs(argv, {}), checkClientsFor(config), (l) => lines.push(l), (l) => errors.push(l));
  return { code, lines, errors };
}

/** Synthesizes an app into a temporary cdk.out, as `cdk synth` would; returns the directory. */
function synth(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkout-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

function addBroker(scope: Stage, stackId: string, brokerName: string): void {
  new CfnBroker(new Stack(scope, stackId), 'Broker', {
    brokerName, deploymentMode: 'SINGLE_INSTANCE', engineType: 'ACTIVEMQ', hostInstanceType: 'mq.m5.large', publiclyAccessible: false,
  });
}

test('a healthy broker: exit 0, every check reported', async () => {
  const { code, lines } = await check(healthy(), ['--broker', ID]);
  expect(lines).toEqual([
    `OK     orders (${ID}): state RUNNING`,
    `OK     orders (${ID}): KMS key ${KEY} enabled, rotating`,
    `OK     orders (${ID}): alarm orders-CpuUtilization is OK`,
    `OK     orders (${ID}): alarm orders-HeapUsage is OK`,
    'nothing needs action',
  ]);
  expect(code).toBe(0);
});

test('pending revisions, engine versions and users, a key not rotating and an alarm firing: exit 1', async () => {
  const world = healthy();
  world.broker = {
    ...world.broker,
    pendingEngineVersion: '5.19.1',
    configurations: { current: { id: 'c-1', revision: 3 }, pending: { id: 'c-1', revision: 4 } },
    actionsRequired: [{ actionRequiredCode: 'CONFIGURATION_REBOOT_REQUIRED', actionRequiredInfo: 'reboot to apply' }],
  };
  world.users = [{ username: 'app', pendingChange: 'UPDATE' }];
  world.rotating = false;
  world.alarms[1] = { ...world.alarms[1], StateValue: 'ALARM', StateReason: 'Threshold Crossed: 3 datapoints > 80' };
  const { code, lines } = await check(world, ['--broker', `arn:aws:mq:us-east-1:123456789012:broker:orders:${ID}`]);
  expect(lines.filter((l) => l.startsWith('ACTION'))).toEqual([
    `ACTION orders (${ID}): action required: CONFIGURATION_REBOOT_REQUIRED: reboot to apply`,
    `ACTION orders (${ID}): engine version 5.19.1 (running 5.19) waits for a reboot or the maintenance window`,
    `ACTION orders (${ID}): configuration c-1 revision 4 (running c-1 revision 3) waits for a reboot or the maintenance window`,
    `ACTION orders (${ID}): user app: UPDATE waits for a reboot or the maintenance window`,
    `ACTION orders (${ID}): KMS key ${KEY} enabled but not rotating: turn automatic rotation on`,
    `ACTION orders (${ID}): alarm orders-HeapUsage is ALARM: Threshold Crossed: 3 datapoints > 80`,
  ]);
  expect(lines[lines.length - 1]).toBe('something needs action');
  expect(code).toBe(1);
});

test('cross-region data replication: the role and counterpart are reported', async () => {
  const world = healthy();
  world.broker = {
    ...world.broker,
    dataReplicationMode: 'CRDR',
    dataReplicationMetadata: { dataReplicationRole: 'REPLICA', dataReplicationCounterpart: { brokerId: 'b-primary', region: 'us-east-1' } },
  };
  const replica = await check(world, ['--broker', ID]);
  expect(replica.lines).toContain(`INFO   orders (${ID}): data replication CRDR: REPLICA, counterpart b-primary in us-east-1`);
  expect(replica.code).toBe(0);
});

test('a primary whose switch to CRDR still waits for a reboot needs action', async () => {
  const world = healthy();
  world.broker = { ...world.broker, dataReplicationMode: 'NONE', pendingDataReplicationMode: 'CRDR' };
  const primary = await check(world, ['--broker', ID]);
  expect(primary.lines).toContain(`ACTION orders (${ID}): data replication mode CRDR (running NONE) waits for a reboot or the maintenance window`);
  expect(primary.code).toBe(1);
});

test('a disabled key and a broker in trouble need action', async () => {
  const world = healthy();
  world.broker = { ...world.broker, brokerState: 'CRITICAL_ACTION_REQUIRED' };
  world.keyState = 'Disabled';
  const { code, lines } = await check(world, ['--broker', ID]);
  expect(lines).toContain(`ACTION orders (${ID}): state CRITICAL_ACTION_REQUIRED`);
  expect(lines).toContain(`ACTION orders (${ID}): KMS key ${KEY} is Disabled: the broker cannot use it`);
  expect(code).toBe(1);
});

test('brokers named in a synthesized cloud assembly are found by name', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkout-'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    version: '48.0.0',
    artifacts: { Prod: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Prod.template.json' } } },
  }));
  fs.writeFileSync(path.join(dir, 'Prod.template.json'), JSON.stringify({
    Resources: {
      Broker: { Type: 'AWS::AmazonMQ::Broker', Properties: { BrokerName: 'orders' } },
      Other: { Type: 'AWS::AmazonMQ::Broker', Properties: { BrokerName: 'billing' } },
    },
  }));
  const { code, lines } = await check(healthy(), ['--assembly', dir, '--region', 'us-east-1']);
  expect(lines[0]).toBe('ACTION billing: not found in this account and region (deployed?)');
  expect(lines).toContain(`OK     orders (${ID}): state RUNNING`);
  expect(code).toBe(1);
});

test('a broker in a Stage (a nested cloud assembly) is found', async () => {
  const dir = synth((app) => addBroker(new Stage(app, 'Prod'), 'Orders', 'orders'));
  const { code, lines } = await check(healthy(), ['--assembly', dir, '--region', 'us-east-1']);
  expect(lines).toContain(`OK     orders (${ID}): state RUNNING`);
  expect(lines[lines.length - 1]).toBe('nothing needs action');
  expect(code).toBe(0);
});

test('brokers in a Stage in a Stage are found, at every depth', async () => {
  const dir = synth((app) => {
    const prod = new Stage(app, 'Prod');
    addBroker(prod, 'Billing', 'billing');
    addBroker(new Stage(prod, 'Eu'), 'Orders', 'orders');
  });
  const { code, lines } = await check(healthy(), ['--assembly', dir, '--region', 'us-east-1']);
  expect(lines).toContain('ACTION billing: not found in this account and region (deployed?)');
  expect(lines).toContain(`OK     orders (${ID}): state RUNNING`);
  expect(code).toBe(1);
});

test('an assembly with no broker is an error on stderr naming the directory, exit 3, and nothing is called', async () => {
  const dir = synth((app) => new Stack(new Stage(app, 'Prod'), 'Empty'));
  const { code, lines, errors } = await check(healthy(), ['--assembly', dir, '--region', 'us-east-1']);
  expect(errors).toEqual([expect.stringContaining(`no AWS::AmazonMQ::Broker found in the cloud assembly ${dir}`)]);
  expect(lines).toEqual([]);
  expect(fake!.requests).toHaveLength(0);
  expect(code).toBe(3);
});

test('an unauthorized call is one clear line and exit 2, never a stack trace', async () => {
  const { code, lines } = await check({ ...healthy(), deny: 'TrentService.DescribeKey' }, ['--broker', ID]);
  expect(lines).toEqual([
    `ERROR  kms:DescribeKey ${KEY} failed (not authorized): AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized`,
    'some checks could not run',
  ]);
  expect(code).toBe(2);
});

test('an unreachable endpoint is one clear line and exit 2', async () => {
  const lines: string[] = [];
  const config = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 };
  const code = await runCheck(parseArgs(['--broker', ID]), checkClientsFor(config), (l) => lines.push(l));
  expect(code).toBe(2);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(new RegExp(`^ERROR  mq:DescribeBroker ${ID} failed \\(unreachable\\): .*ECONNREFUSED`));
});

test.each([[[]], [['--broker']], [['--bogus', 'x']]])('bad arguments %j: usage, not a stack trace', (argv) => {
  expect(() => parseArgs(argv)).toThrow(/usage: cdk-amazon-mq-check/);
});

test('alarms and users are read page by page, and only this broker\'s alarms count (orders is not orders-eu)', async () => {
  const world = healthy();
  world.alarms.push(
    { AlarmName: 'orders-QueueSize-orders.in', StateValue: 'ALARM', StateReason: 'page 3', Metrics: [{ Id: 'm', MetricStat: { Metric: { Dimensions: [{ Name: 'Broker', Value: 'orders-2' }] } } }] },
    { AlarmName: 'orders-eu-CpuUtilization', StateValue: 'ALARM', StateReason: 'another broker', Dimensions: [{ Name: 'Broker', Value: 'orders-eu-1' }] },
  );
  world.users = [{ username: 'admin' }, { username: 'late', pendingChange: 'CREATE' }];
  const { code, lines } = await check(world, ['--broker', ID]);
  expect(lines).toContain(`ACTION orders (${ID}): alarm orders-QueueSize-orders.in is ALARM: page 3`);
  expect(lines).toContain(`ACTION orders (${ID}): user late: CREATE waits for a reboot or the maintenance window`);
  expect(lines.join('\n')).not.toContain('orders-eu');
  const alarmPages = fake!.requests.filter((r) => r.target?.endsWith('DescribeAlarms')).map((r) => JSON.parse(r.body).NextToken ?? null);
  expect(alarmPages).toEqual([null, '1', '2', '3']);
  const userPages = fake!.requests.filter((r) => r.path.includes('/users')).map((r) => new URL(r.path, 'http://x').searchParams.get('nextToken'));
  expect(userPages).toEqual([null, '1']);
  expect(code).toBe(1);
});

test('throttled calls are retried by the shipped clients (HTTP 429 from Amazon MQ, ThrottlingException from CloudWatch)', async () => {
  fake = await FakeAwsEndpoint.start(services({ ...healthy(), throttles: 3 }));
  const { maxAttempts: _one, ...config } = fake.clientConfig();
  const lines: string[] = [];
  const code = await runCheck(parseArgs(['--broker', ID]), defaultClients(config), (l) => lines.push(l));
  expect(lines[lines.length - 1]).toBe('nothing needs action');
  expect(code).toBe(0);
}, 30_000);

test('a denied call on one broker is reported, and the other brokers are still checked', async () => {
  const OTHER = 'b-9999a5b6-78cd-901e-2fab-3c45d6e178f9';
  const world = { ...healthy(), deny: `/v1/brokers/${ID}` };
  world.otherBrokers = { [OTHER]: { ...world.broker, brokerId: OTHER } };
  const { code, lines } = await check(world, ['--broker', ID, '--broker', OTHER]);
  expect(lines[0]).toMatch(new RegExp(`^ERROR  mq:DescribeBroker ${ID} failed \\(not authorized\\)`));
  expect(lines).toContain(`OK     orders (${OTHER}): state RUNNING`);
  expect(lines[lines.length - 1]).toBe('some checks could not run');
  expect(code).toBe(2);
});

test('--help prints the usage and exits 0', async () => {
  const { code, stdout } = await runBin(['--help'], {});
  expect(stdout).toContain('usage: cdk-amazon-mq-check');
  expect(stdout).toContain('Exit code 0');
  expect(code).toBe(0);
});

const BIN = path.join(__dirname, '..', '..', 'assets', 'cli', 'check-command', 'check.js');

function runBin(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(BIN, argv, { env: { PATH: process.env.PATH!, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

test('the packaged bin runs the same check, with endpoints from AWS_ENDPOINT_URL, and no SDK Node.js version noise', async () => {
  fake = await FakeAwsEndpoint.start(services(healthy()));
  const { code, stdout, stderr } = await runBin(['--broker', ID, '--region', 'us-east-1'],
    { AWS_ENDPOINT_URL: fake.url, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test', AWS_EC2_METADATA_DISABLED: 'true' });
  expect(stdout).toContain(`OK     orders (${ID}): state RUNNING`);
  expect(stdout.trim().split('\n').pop()).toBe('nothing needs action');
  expect(stderr).toBe('');
  expect(code).toBe(0);
});

test('the packaged bin: an assembly with no broker is one line on stderr and exit 3', async () => {
  const dir = synth((app) => new Stack(app, 'Empty'));
  const { code, stdout, stderr } = await runBin(['--assembly', dir, '--region', 'us-east-1'], {});
  expect(stderr.trim()).toMatch(new RegExp(`^no AWS::AmazonMQ::Broker found in the cloud assembly ${dir}[^\n]*$`));
  expect(stdout).toBe('');
  expect(code).toBe(3);
});
