import { activeMqUserPasswordTarget, ActiveMqUsersApi, STAGED_LABEL } from '../../src/activemq/activemq-user-rotation-handler';
import { rotate } from '../../src/broker/rotation/rotation-steps';
import { FakeSecretsManager, runRotation } from '../util/fake-secrets-manager';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-AbCdEf';
const OLD = 'Old-Passw0rd-Orders-1';

/**
 * Amazon MQ for ActiveMQ as the Developer Guide describes user changes: UpdateUser stages the password (DescribeUser
 * shows a pending UPDATE), the broker keeps accepting the old one until a reboot applies it. A reboot takes a few
 * polls of REBOOT_IN_PROGRESS.
 */
class FakeAmazonMq implements ActiveMqUsersApi {
  public readonly calls: string[] = [];
  public state = 'RUNNING';
  /** The password the broker accepts, and the one staged for the next reboot. */
  public accepted: Record<string, string> = { orders: OLD };
  public staged: Record<string, string> = {};
  private rebootPolls = 0;

  public async brokerState() {
    if (this.state === 'REBOOT_IN_PROGRESS' && --this.rebootPolls <= 0) {
      this.applyReboot();
    }
    return this.state;
  }
  public async userPendingChange(_broker: string, username: string) {
    return this.accepted[username] === undefined ? undefined : this.staged[username] !== undefined ? 'UPDATE' : 'none';
  }
  public async updatePassword(_broker: string, username: string, password: string) {
    this.calls.push(`UpdateUser ${username}`);
    this.staged[username] = password;
  }
  public async reboot() {
    this.calls.push('RebootBroker');
    this.state = 'REBOOT_IN_PROGRESS';
    this.rebootPolls = 3;
  }
  /** A reboot or a maintenance window: the staged changes are applied. */
  public applyReboot() {
    Object.assign(this.accepted, this.staged);
    this.staged = {};
    this.state = 'RUNNING';
  }
}

function setup(rebootBroker: boolean, waitMs = 60_000) {
  const sm = new FakeSecretsManager();
  sm.create(SECRET, { username: 'orders', password: OLD });
  const mq = new FakeAmazonMq();
  let clock = 0;
  const logs: string[] = [];
  const target = activeMqUserPasswordTarget({ brokerId: 'b-1234', rebootBroker, waitMs, pollMs: 10_000 }, {
    mq, now: () => clock, sleep: async (ms) => { clock += ms; }, log: (m) => logs.push(m),
  });
  const handler = (e: { Step: string; SecretId: string; ClientRequestToken: string }) => rotate(e, sm, target, (m) => logs.push(m));
  return { sm, mq, handler, logs };
}

describe('with rebootBroker (the default)', () => {
  test('setSecret stages the password once and reboots once; testSecret waits for the reboot; finishSecret makes it AWSCURRENT', async () => {
    const { sm, mq, handler } = setup(true);
    const token = await runRotation(sm, SECRET, handler);
    expect(mq.calls).toEqual(['UpdateUser orders', 'RebootBroker']);
    expect(mq.accepted.orders).toBe(sm.current(SECRET).password);
    expect(sm.stages(SECRET)[token]).toEqual(['AWSCURRENT']); // the staged label is gone
  });

  test('a retried setSecret sends nothing again and does not reboot a broker that is rebooting, nor one that applied it', async () => {
    const { sm, mq, handler, logs } = setup(true);
    const token = sm.startRotation(SECRET);
    const event = (Step: string) => ({ Step, SecretId: SECRET, ClientRequestToken: token });
    await handler(event('createSecret'));
    await handler(event('setSecret'));
    expect(sm.stages(SECRET)[token]).toEqual(['AWSPENDING', STAGED_LABEL]);
    await handler(event('setSecret'));
    expect(logs.some((l) => l.includes('already rebooting'))).toBe(true);
    mq.applyReboot();
    await handler(event('setSecret'));
    expect(logs.some((l) => l.includes('a reboot already applied the password'))).toBe(true);
    expect(mq.calls).toEqual(['UpdateUser orders', 'RebootBroker']);
    await handler(event('testSecret'));
    await handler(event('finishSecret'));
    expect(sm.current(SECRET).password).toBe(mq.accepted.orders);
  });

  test('a reboot that does not finish in time fails testSecret and leaves AWSCURRENT on the old password', async () => {
    const { sm, mq, handler } = setup(true, 20_000);
    mq.reboot = async () => { mq.calls.push('RebootBroker'); mq.state = 'REBOOT_IN_PROGRESS'; (mq as unknown as { rebootPolls: number }).rebootPolls = 1000; };
    await expect(runRotation(sm, SECRET, handler)).rejects.toThrow(/did not apply the new password of user orders within 20 s \(broker REBOOT_IN_PROGRESS, pending change UPDATE\); AWSCURRENT is unchanged/);
    expect(sm.current(SECRET).password).toBe(OLD);
  });

  test('a broker that is not RUNNING is not rebooted: setSecret fails, AWSCURRENT stays', async () => {
    const { sm, mq, handler } = setup(true);
    mq.state = 'UPDATE_IN_PROGRESS';
    await expect(runRotation(sm, SECRET, handler)).rejects.toThrow(/is UPDATE_IN_PROGRESS, not RUNNING/);
    expect(mq.calls).toEqual(['UpdateUser orders']);
    expect(sm.current(SECRET).password).toBe(OLD);
  });
});

describe('without rebootBroker', () => {
  test('testSecret fails while the password waits for a reboot: AWSCURRENT stays the one the broker accepts', async () => {
    const { sm, mq, handler } = setup(false);
    await expect(runRotation(sm, SECRET, handler)).rejects.toThrow(/waits for broker b-1234's next reboot or maintenance window \(pending change UPDATE, broker RUNNING\)/);
    expect(mq.calls).toEqual(['UpdateUser orders']);
    expect(sm.current(SECRET).password).toBe(OLD);
    expect(mq.accepted.orders).toBe(OLD);
  });

  test('after the maintenance window\'s reboot, the next attempt resumes the same version without staging it again, and finishes', async () => {
    const { sm, mq, handler } = setup(false);
    const token = sm.startRotation(SECRET);
    await expect(runRotation(sm, SECRET, handler, token)).rejects.toThrow(/waits for/);
    const pending = (await sm.value(SECRET, { versionId: token }))!.password;
    mq.applyReboot();
    expect(sm.startRotation(SECRET)).toBe(token);
    await runRotation(sm, SECRET, handler, token);
    expect(mq.calls).toEqual(['UpdateUser orders']);
    expect(sm.current(SECRET).password).toBe(pending);
    expect(mq.accepted.orders).toBe(pending);
  });
});

test('a finishSecret retried after AWSCURRENT moved still removes the staged label', async () => {
  const { sm, handler } = setup(true);
  const token = sm.startRotation(SECRET);
  const event = (Step: string) => ({ Step, SecretId: SECRET, ClientRequestToken: token });
  for (const step of ['createSecret', 'setSecret', 'testSecret']) {
    await handler(event(step));
  }
  // The first finishSecret moved AWSCURRENT, then failed before removing the label.
  await sm.moveCurrent(SECRET, token, Object.entries(sm.stages(SECRET)).find(([, s]) => s.includes('AWSCURRENT'))![0]);
  expect(sm.stages(SECRET)[token]).toEqual([STAGED_LABEL, 'AWSCURRENT']);
  await handler(event('finishSecret'));
  expect(sm.stages(SECRET)[token]).toEqual(['AWSCURRENT']);
});

test('a user the broker does not have is not created: setSecret fails', async () => {
  const { sm, mq, handler } = setup(true);
  mq.accepted = {};
  await expect(runRotation(sm, SECRET, handler)).rejects.toThrow(/broker b-1234 has no user orders/);
  expect(mq.calls).toEqual([]);
});

test('testSecret without a staged password (setSecret never finished) fails', async () => {
  const { sm, handler } = setup(true);
  const token = sm.startRotation(SECRET);
  await handler({ Step: 'createSecret', SecretId: SECRET, ClientRequestToken: token });
  await expect(handler({ Step: 'testSecret', SecretId: SECRET, ClientRequestToken: token })).rejects.toThrow(/was never sent to Amazon MQ/);
});

test('no password reaches an error or a log line', async () => {
  const { sm, mq, handler, logs } = setup(true);
  mq.updatePassword = async (_b, _u, password) => { throw new Error(`BadRequestException: password ${password} refused`); };
  const error = await runRotation(sm, SECRET, handler).catch((e: Error) => e);
  const pending = Object.entries(sm.stages(SECRET)).find(([, s]) => s.includes('AWSPENDING'))![0];
  const password = (await sm.value(SECRET, { versionId: pending }))!.password;
  expect(String(error)).toContain('password *** refused');
  expect([String(error), ...logs].join('\n')).not.toContain(password);
});
