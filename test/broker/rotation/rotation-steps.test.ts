import { PASSWORD_EXCLUDE_CHARACTERS } from '../../../src/broker/password-rules';
import { PendingVersion, rotate, UserPasswordTarget } from '../../../src/broker/rotation/rotation-steps';
import { FakeSecretsManager, runRotation } from '../../util/fake-secrets-manager';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-AbCdEf';
const OLD = 'Old-Passw0rd-Orders-1';

/** A broker that holds one password per user, as the target sets it; test fails unless it holds the pending one. */
function fakeBroker() {
  const passwords: Record<string, string> = { orders: OLD };
  const calls: string[] = [];
  const target: UserPasswordTarget = {
    setPassword: async (p: PendingVersion) => {
      calls.push(`set ${p.username}`); passwords[p.username] = p.password;
    },
    testPassword: async (p: PendingVersion) => {
      calls.push(`test ${p.username}`);
      if (passwords[p.username] !== p.password) {
        throw new Error(`broker refused ${p.username}:${p.password}`);
      }
    },
  };
  return { passwords, calls, target };
}

function setup(value: Record<string, string> = { username: 'orders', password: OLD, host: 'b-1.mq.us-east-1.amazonaws.com' }) {
  const sm = new FakeSecretsManager();
  sm.create(SECRET, value);
  const broker = fakeBroker();
  const logs: string[] = [];
  const handler = (e: { Step: string; SecretId: string; ClientRequestToken: string }) => rotate(e, sm, broker.target, (m) => logs.push(m));
  return { sm, broker, logs, handler };
}

test('a rotation puts a new password in AWSPENDING with every other key, sets it, tests it, then makes it AWSCURRENT', async () => {
  const { sm, broker, handler } = setup();
  const token = await runRotation(sm, SECRET, handler);
  const current = sm.current(SECRET);
  expect(current).toEqual({ username: 'orders', password: expect.any(String), host: 'b-1.mq.us-east-1.amazonaws.com' });
  expect(current.password).not.toBe(OLD);
  expect(current.password).toHaveLength(32);
  expect([...current.password].filter((c) => PASSWORD_EXCLUDE_CHARACTERS.includes(c))).toEqual([]);
  expect(broker.passwords.orders).toBe(current.password);
  expect(broker.calls).toEqual(['set orders', 'test orders']);
  const stages = sm.stages(SECRET);
  expect(stages[token]).toEqual(['AWSCURRENT']);
  expect(Object.values(stages).filter((s) => s.includes('AWSPREVIOUS'))).toHaveLength(1);
  expect(Object.values(stages).flat()).not.toContain('AWSPENDING');
});

test('every step is idempotent: a retried createSecret keeps the pending password, a second finishSecret does nothing', async () => {
  const { sm, handler, logs } = setup();
  const token = sm.startRotation(SECRET);
  const event = (Step: string) => ({ Step, SecretId: SECRET, ClientRequestToken: token });
  await handler(event('createSecret'));
  const pending = await sm.value(SECRET, { versionId: token, stage: 'AWSPENDING' });
  await handler(event('createSecret'));
  expect(await sm.value(SECRET, { versionId: token, stage: 'AWSPENDING' })).toEqual(pending);
  expect(logs.some((l) => l.includes('already exists'))).toBe(true);
  await handler(event('setSecret'));
  await handler(event('setSecret'));
  await handler(event('testSecret'));
  await handler(event('finishSecret'));
  await handler(event('finishSecret'));
  expect(sm.current(SECRET)).toEqual(pending);
  expect(logs.filter((l) => l.includes('already AWSCURRENT'))).toHaveLength(1);
});

test('a failed testSecret leaves AWSCURRENT as it was; the rotation resumes with the same version and finishes', async () => {
  const { sm, broker, handler } = setup();
  const before = sm.current(SECRET);
  broker.target.setPassword = async () => {}; // the broker did not take it
  await expect(runRotation(sm, SECRET, handler)).rejects.toThrow(/broker refused orders/);
  expect(sm.current(SECRET)).toEqual(before);
  broker.target.setPassword = async (p) => { broker.passwords[p.username] = p.password; };
  const first = sm.startRotation(SECRET);
  await runRotation(sm, SECRET, handler, first);
  expect(sm.current(SECRET).password).toBe(broker.passwords.orders);
});

test('no password reaches an error: the target\'s message is redacted', async () => {
  const { sm, broker, handler } = setup();
  broker.target.setPassword = async () => {};
  const error = await runRotation(sm, SECRET, handler).catch((e: Error) => e);
  const pending = Object.entries(sm.stages(SECRET)).find(([, s]) => s.includes('AWSPENDING'))![0];
  const password = (await sm.value(SECRET, { versionId: pending }))!.password;
  expect(String(error)).toContain('broker refused orders:***');
  expect(String(error)).not.toContain(password);
});

test('the version is checked first: rotation off, an unknown token, a version that is not AWSPENDING, an unknown step', async () => {
  const sm = new FakeSecretsManager();
  sm.create(SECRET, { username: 'orders', password: OLD }, false);
  const { target } = fakeBroker();
  await expect(rotate({ Step: 'createSecret', SecretId: SECRET, ClientRequestToken: 't' }, sm, target)).rejects.toThrow(/does not have rotation enabled/);
  const { sm: on, handler } = setup();
  await expect(handler({ Step: 'createSecret', SecretId: SECRET, ClientRequestToken: 'nope' })).rejects.toThrow(/has no version nope/);
  const token = on.startRotation(SECRET);
  await on.label(SECRET, 'AWSPENDING', token, true);
  await expect(handler({ Step: 'setSecret', SecretId: SECRET, ClientRequestToken: token })).rejects.toThrow(/is not AWSPENDING/);
  const next = on.startRotation(SECRET);
  await expect(handler({ Step: 'rollback', SecretId: SECRET, ClientRequestToken: next })).rejects.toThrow(/unknown rotation step 'rollback'/);
});

test('a secret without a username is refused by createSecret (a broker user secret has one)', async () => {
  const { sm, handler } = setup({ password: OLD });
  await expect(runRotation(sm, SECRET, handler)).rejects.toThrow(/has no 'username' key/);
});

test('a pending version that names another user is refused by setSecret: a rotation keeps the user', async () => {
  const { sm, handler, broker } = setup();
  const token = sm.startRotation(SECRET);
  await sm.putPending(SECRET, token, { username: 'someone-else', password: 'Other-Passw0rd-22' });
  await expect(handler({ Step: 'setSecret', SecretId: SECRET, ClientRequestToken: token })).rejects.toThrow(/names user 'someone-else', AWSCURRENT names 'orders'/);
  expect(broker.calls).toEqual([]);
});
