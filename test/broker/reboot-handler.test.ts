import * as fs from 'fs';
import { isComplete, newCloudFormationClient, newMqClient, onEvent, RebootDependencies, RebootEvent, START_WAIT_MS } from '../../src/broker/reboot/reboot-handler';
import { isReplicationModeComplete, isReplicationModeEvent, onReplicationModeEvent } from '../../src/broker/reboot/replication-mode';
import { FakeAwsEndpoint, FakeRequest, FakeResponse } from '../util/fake-aws';

const BROKER = 'b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9';
const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/prod/0a1b2c3d';
const props = { BrokerId: BROKER, TimeoutSeconds: '1800' };
const update: RebootEvent = { RequestType: 'Update', StackId: STACK_ID, PhysicalResourceId: `reboot-${BROKER}`, ResourceProperties: props };

/**
 * A broker as Amazon MQ reports it: after a reboot request it stays RUNNING for `startDelay` more descriptions
 * (the delay before REBOOT_IN_PROGRESS), reboots for `rebootLength` descriptions, then runs with nothing pending.
 */
class FakeBroker {
  public state = 'RUNNING';
  public pendingUser = true;
  public stackStatus = 'UPDATE_IN_PROGRESS';
  /** Answers with HTTP 429 (TooManyRequestsException) this many times first. */
  public throttles = 0;
  public reboots = 0;
  public rebootAnswer?: FakeResponse;
  public dataReplicationMode = 'NONE';
  public pendingDataReplicationMode?: string;
  public updates: unknown[] = [];
  /** Amazon MQ no longer knows the broker (NotFoundException). */
  public gone = false;
  private countdown?: { start: number; length: number };

  constructor(private readonly startDelay = 0, private readonly rebootLength = 2) {}

  public route = (req: FakeRequest): FakeResponse => {
    if (this.throttles > 0) {
      this.throttles--;
      return { status: 429, errorType: 'TooManyRequestsException', body: { message: 'Rate exceeded' } };
    }
    if (req.method === 'POST' && req.body.includes('Action=DescribeStacks')) {
      return {
        body: `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>
        <StackName>prod</StackName><StackId>${STACK_ID}</StackId><CreationTime>2026-01-01T00:00:00Z</CreationTime><StackStatus>${this.stackStatus}</StackStatus>
        </member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStacksResponse>`,
      };
    }
    if (this.gone && req.path.startsWith(`/v1/brokers/${BROKER}`)) {
      return { status: 404, errorType: 'NotFoundException', body: { message: `Can't find requested broker [${BROKER}].` } };
    }
    if (req.method === 'GET' && req.path === `/v1/brokers/${BROKER}`) {
      this.advance();
      return {
        body: {
          brokerId: BROKER,
          brokerState: this.state,
          users: [{ username: 'app', pendingChange: this.pendingUser ? 'CREATE' : undefined }],
          dataReplicationMode: this.dataReplicationMode,
          pendingDataReplicationMode: this.pendingDataReplicationMode,
        },
      };
    }
    if (req.method === 'PUT' && req.path === `/v1/brokers/${BROKER}`) {
      const body = JSON.parse(req.body);
      this.updates.push(body);
      this.pendingDataReplicationMode = body.dataReplicationMode;
      return { body: { brokerId: BROKER } };
    }
    if (req.method === 'POST' && req.path === `/v1/brokers/${BROKER}/reboot`) {
      if (this.rebootAnswer) {
        return this.rebootAnswer;
      }
      this.reboots++;
      this.countdown = { start: this.startDelay, length: this.rebootLength };
      return { body: {} };
    }
    return { status: 404, errorType: 'NotFoundException', body: { message: `no route ${req.method} ${req.path}` } };
  };

  private advance(): void {
    if (!this.countdown) {
      return;
    }
    if (this.countdown.start > 0) {
      this.countdown.start--;
    } else if (this.countdown.length > 0) {
      this.state = 'REBOOT_IN_PROGRESS';
      this.countdown.length--;
    } else {
      this.state = 'RUNNING';
      this.pendingUser = false;
      if (this.pendingDataReplicationMode) {
        this.dataReplicationMode = this.pendingDataReplicationMode;
        this.pendingDataReplicationMode = undefined;
      }
      this.countdown = undefined;
    }
  }
}

let fake: FakeAwsEndpoint;
afterEach(async () => fake?.stop());

/** The shipped client factories (with their retry settings) pointed at the fake, and a virtual clock. */
async function deps(broker: FakeBroker): Promise<RebootDependencies & { clock: { t: number } }> {
  fake = await FakeAwsEndpoint.start(broker.route);
  const { maxAttempts: _one, ...config } = fake.clientConfig();
  const clock = { t: 1_000 };
  return {
    mq: newMqClient(config),
    cloudformation: newCloudFormationClient(config),
    now: () => clock.t,
    sleep: async (ms) => {
      clock.t += ms;
    },
    clock,
  };
}

const calls = () => fake.requests.map((r) => (r.body.includes('Action=DescribeStacks') ? 'DescribeStacks' : `${r.method} ${r.path.replace(`/v1/brokers/${BROKER}`, '')}`));

test('an update reboots a running broker, waits for the reboot to start (after a delay), then for RUNNING', async () => {
  const broker = new FakeBroker(3, 2);
  const d = await deps(broker);
  const result = await onEvent(update, d);
  expect(result).toEqual({
    PhysicalResourceId: `reboot-${BROKER}`,
    Data: { Rebooted: 'true', RebootRequestedAt: '1000', RebootStarted: 'true', PendingAtReboot: '1' },
  });
  // Three descriptions still RUNNING after the request, the fourth shows the reboot.
  expect(calls()).toEqual(['DescribeStacks', 'GET ', 'POST /reboot', 'GET ', 'GET ', 'GET ', 'GET ']);
  const waiting = { ...update, Data: result.Data };
  expect(await isComplete(waiting, d)).toEqual({ IsComplete: false });
  expect(await isComplete(waiting, d)).toEqual({ IsComplete: true });
  expect(broker.state).toBe('RUNNING');
});

test('isComplete never completes on a RUNNING broker whose reboot has not been seen and whose changes are still pending', async () => {
  const broker = new FakeBroker();
  const d = await deps(broker);
  const waiting = { ...update, Data: { Rebooted: 'true', RebootRequestedAt: '1000', RebootStarted: 'false', PendingAtReboot: '1' } };
  expect(await isComplete(waiting, d)).toEqual({ IsComplete: false });
  // Once the pending change has cleared, the reboot is proven.
  broker.pendingUser = false;
  expect(await isComplete(waiting, d)).toEqual({ IsComplete: true });
});

test('a reboot that never starts, with nothing pending to prove it, fails the deploy after the start window', async () => {
  const broker = new FakeBroker(Number.MAX_SAFE_INTEGER);
  broker.pendingUser = false;
  const d = await deps(broker);
  await expect(onEvent(update, d)).rejects.toThrow(`Broker ${BROKER} did not start rebooting within 5 minutes of the reboot request`);
  expect(d.clock.t - 1_000).toBeGreaterThanOrEqual(START_WAIT_MS);
});

test('throttled calls (HTTP 429) are retried by the shipped clients', async () => {
  const broker = new FakeBroker(0, 1);
  broker.throttles = 2;
  const d = await deps(broker);
  await expect(onEvent(update, d)).resolves.toMatchObject({ Data: { Rebooted: 'true', RebootStarted: 'true' } });
  expect(fake.requests.length).toBeGreaterThan(4);
}, 30_000);

test('a rollback (an Update with the old properties) never reboots, and never fails on a broker that is not RUNNING', async () => {
  const broker = new FakeBroker();
  broker.stackStatus = 'UPDATE_ROLLBACK_IN_PROGRESS';
  broker.state = 'CRITICAL_ACTION_REQUIRED';
  const d = await deps(broker);
  const result = await onEvent(update, d);
  expect(result.Data).toEqual({ Rebooted: 'false' });
  expect(await isComplete({ ...update, Data: result.Data }, d)).toEqual({ IsComplete: true });
  expect(broker.reboots).toBe(0);
  expect(calls()).toEqual(['DescribeStacks']);
});

test('a broker already rebooting is not rebooted again, only waited for', async () => {
  const broker = new FakeBroker();
  broker.state = 'REBOOT_IN_PROGRESS';
  const d = await deps(broker);
  const result = await onEvent(update, d);
  expect(result.Data).toMatchObject({ Rebooted: 'true', RebootStarted: 'true' });
  expect(broker.reboots).toBe(0);
});

test('a ConflictException counts as "already rebooting" only when the broker is rebooting', async () => {
  const broker = new FakeBroker();
  broker.rebootAnswer = { status: 409, errorType: 'ConflictException', body: { message: 'Broker is being updated' } };
  const d = await deps(broker);
  await expect(onEvent(update, d)).rejects.toThrow(`Broker ${BROKER} refused the reboot (Broker is being updated) and is RUNNING, not rebooting`);

  broker.state = 'REBOOT_IN_PROGRESS';
  // The first description (before the request) says RUNNING; the one after the conflict says rebooting.
  let first = true;
  const route = broker.route;
  broker.route = (req) => {
    if (req.method === 'GET' && first) {
      first = false;
      return { body: { brokerId: BROKER, brokerState: 'RUNNING' } };
    }
    return route(req);
  };
  await fake.stop();
  const d2 = await deps(broker);
  await expect(onEvent(update, d2)).resolves.toMatchObject({ Data: { Rebooted: 'true' } });
});

test('other API errors fail the deploy with the service message', async () => {
  const broker = new FakeBroker();
  broker.rebootAnswer = { status: 403, errorType: 'ForbiddenException', body: { message: 'not authorized to mq:RebootBroker' } };
  const d = await deps(broker);
  await expect(onEvent(update, d)).rejects.toThrow('not authorized to mq:RebootBroker');
});

test('a broker that is not running fails an update (not a rollback) with its state', async () => {
  const broker = new FakeBroker();
  broker.state = 'CRITICAL_ACTION_REQUIRED';
  const d = await deps(broker);
  await expect(onEvent(update, d)).rejects.toThrow(`Broker ${BROKER} is CRITICAL_ACTION_REQUIRED, not RUNNING`);
});

test('a broker that does not run again within the timeout fails the deploy with its state', async () => {
  const broker = new FakeBroker();
  broker.state = 'REBOOT_IN_PROGRESS';
  const d = await deps(broker);
  const waiting = { ...update, Data: { Rebooted: 'true', RebootRequestedAt: '0', RebootStarted: 'true', PendingAtReboot: '0' } };
  d.clock.t = 1_799_000;
  await expect(isComplete(waiting, d)).resolves.toEqual({ IsComplete: false });
  d.clock.t = 1_801_000;
  await expect(isComplete(waiting, d))
    .rejects.toThrow(`Broker ${BROKER} did not finish a reboot within 30 minutes of the request (state: REBOOT_IN_PROGRESS)`);
});

test.each(['Create', 'Delete'] as const)('%s makes no call: a new broker already runs with its configuration', async (type) => {
  const d = await deps(new FakeBroker());
  const event: RebootEvent = { RequestType: type, ResourceProperties: props };
  expect(await onEvent(event, d)).toEqual({ PhysicalResourceId: `reboot-${BROKER}`, Data: { Rebooted: 'false' } });
  expect(await isComplete(event, d)).toEqual({ IsComplete: true });
  expect(fake.requests).toEqual([]);
});

test('a new configuration association (RebootOnCreate) reboots on create and waits for RUNNING; its delete makes no call', async () => {
  const broker = new FakeBroker(0, 1);
  const d = await deps(broker);
  const create: RebootEvent = { RequestType: 'Create', StackId: STACK_ID, ResourceProperties: { ...props, RebootOnCreate: 'true' } };
  const result = await onEvent(create, d);
  expect(result.Data).toMatchObject({ Rebooted: 'true', RebootStarted: 'true' });
  expect(calls()).toEqual(['GET ', 'POST /reboot', 'GET ']);
  const waiting = { ...create, Data: result.Data };
  expect(await isComplete(waiting, d)).toEqual({ IsComplete: true });
  expect(broker.reboots).toBe(1);
  const requests = fake.requests.length;
  expect(await onEvent({ ...create, RequestType: 'Delete' }, d)).toEqual({ PhysicalResourceId: `reboot-${BROKER}`, Data: { Rebooted: 'false' } });
  expect(fake.requests.length).toBe(requests);
});

const crdr = { ...props, RebootOnCreate: 'true', DataReplicationMode: 'CRDR', DataReplicationModeOnDelete: 'NONE', Region: 'us-east-2' };
const crdrCreate: RebootEvent = { RequestType: 'Create', StackId: STACK_ID, ResourceProperties: crdr };
const crdrDelete: RebootEvent = { ...crdrCreate, RequestType: 'Delete', PhysicalResourceId: `reboot-${BROKER}` };

/** Runs the replication switch as the Provider framework does: onEvent, then isComplete until it completes. */
async function converge(event: RebootEvent, d: RebootDependencies, polls = 10): Promise<number> {
  const started = await onReplicationModeEvent(event, d);
  for (let poll = 1; poll <= polls; poll++) {
    if ((await isReplicationModeComplete({ ...event, Data: started.Data }, d)).IsComplete) {
      return poll;
    }
  }
  throw new Error(`not complete after ${polls} polls`);
}

test('CRDR: the primary is switched to CRDR (UpdateBroker) and rebooted on create; back to NONE, rebooted, on delete', async () => {
  const broker = new FakeBroker(0, 1);
  broker.pendingUser = false;
  const d = await deps(broker);
  expect(isReplicationModeEvent(crdrCreate)).toBe(true);
  await converge(crdrCreate, d);
  expect(broker.updates).toEqual([{ dataReplicationMode: 'CRDR' }]);
  expect(broker.dataReplicationMode).toBe('CRDR');
  // A retried create, or an update, finds CRDR in force: no second update, no reboot.
  await converge({ ...crdrCreate, RequestType: 'Update', PhysicalResourceId: `reboot-${BROKER}` }, d);
  expect(broker.updates).toHaveLength(1);
  expect(broker.reboots).toBe(1);
  await converge(crdrDelete, d);
  expect(broker.updates).toEqual([{ dataReplicationMode: 'CRDR' }, { dataReplicationMode: 'NONE' }]);
  expect(broker.dataReplicationMode).toBe('NONE');
  expect(broker.reboots).toBe(2);
});

test('CRDR: a primary already rebooting (a maintenance window) is not taken for our reboot: the mode is set once it runs', async () => {
  const broker = new FakeBroker(0, 1);
  broker.state = 'REBOOT_IN_PROGRESS';
  const d = await deps(broker);
  const started = await onReplicationModeEvent(crdrCreate, d);
  expect(broker.updates).toEqual([]);
  // Before the fix, the maintenance reboot counted: complete while PendingDataReplicationMode was still CRDR.
  broker.state = 'RUNNING';
  expect(await isReplicationModeComplete({ ...crdrCreate, Data: started.Data }, d)).toEqual({ IsComplete: false });
  expect(broker.updates).toEqual([{ dataReplicationMode: 'CRDR' }]);
  expect(broker.reboots).toBe(1);
  expect(await isReplicationModeComplete({ ...crdrCreate, Data: started.Data }, d)).toEqual({ IsComplete: true });
  expect(broker.dataReplicationMode).toBe('CRDR');
});

test('CRDR: deleting the replica when the primary is gone, or being deleted, is done (no DELETE_FAILED)', async () => {
  const broker = new FakeBroker();
  broker.gone = true;
  const d = await deps(broker);
  expect(await converge(crdrDelete, d)).toBe(1);
  broker.gone = false;
  broker.state = 'DELETION_IN_PROGRESS';
  expect(await converge(crdrDelete, d)).toBe(1);
  expect(broker.updates).toEqual([]);
  // A create still needs its primary.
  broker.gone = true;
  await expect(onReplicationModeEvent(crdrCreate, d)).rejects.toThrow(/not found: the primary of a cross-region pair must exist/);
});

test.each(['CRITICAL_ACTION_REQUIRED', 'UPDATE_IN_PROGRESS'])('CRDR: deleting the replica waits for a primary that is %s, then resets it', async (state) => {
  const broker = new FakeBroker(0, 1);
  broker.dataReplicationMode = 'CRDR';
  broker.state = state;
  const d = await deps(broker);
  const started = await onReplicationModeEvent(crdrDelete, d);
  expect(await isReplicationModeComplete({ ...crdrDelete, Data: started.Data }, d)).toEqual({ IsComplete: false });
  broker.state = 'RUNNING';
  expect(await isReplicationModeComplete({ ...crdrDelete, Data: started.Data }, d)).toEqual({ IsComplete: false });
  expect(await isReplicationModeComplete({ ...crdrDelete, Data: started.Data }, d)).toEqual({ IsComplete: true });
  expect(broker.dataReplicationMode).toBe('NONE');
});

test('CRDR: a primary that never runs again fails after the timeout with its state and what to do', async () => {
  const broker = new FakeBroker();
  broker.dataReplicationMode = 'CRDR';
  broker.state = 'CRITICAL_ACTION_REQUIRED';
  const d = await deps(broker);
  const started = await onReplicationModeEvent(crdrDelete, d);
  d.clock.t += 1801_000;
  await expect(isReplicationModeComplete({ ...crdrDelete, Data: started.Data }, d)).rejects.toThrow(
    /does not run data replication mode NONE 30 minutes after the request \(state CRITICAL_ACTION_REQUIRED, mode CRDR, pending none\).*update-broker --data-replication-mode/);
});

test('the bundled handlers stay small and leave the SDK to the Lambda runtime', () => {
  for (const name of ['reboot-on-event', 'reboot-is-complete']) {
    const code = fs.readFileSync(`${__dirname}/../../assets/broker/reboot/${name}.lambda/index.js`, 'utf-8');
    expect(code.length).toBeLessThan(12_000);
    expect(code).toContain('require("@aws-sdk/client-mq")');
    expect(code).toContain('require("@aws-sdk/client-cloudformation")');
  }
});
