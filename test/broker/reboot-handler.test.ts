import { MqClient } from '@aws-sdk/client-mq';
import { isComplete, onEvent, RebootEvent } from '../../src/broker/reboot/reboot-handler';
import { FakeAwsEndpoint, FakeRequest, FakeResponse } from '../util/fake-aws';

const BROKER = 'b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9';
const props = { BrokerId: BROKER, TimeoutSeconds: '1800' };
const update: RebootEvent = { RequestType: 'Update', PhysicalResourceId: `reboot-${BROKER}`, ResourceProperties: props };

/** Amazon MQ's REST API for the two calls the handlers make: DescribeBroker and RebootBroker. */
function mq(state: () => string, reboot: () => FakeResponse = () => ({ body: {} })) {
  return (req: FakeRequest): FakeResponse => {
    if (req.method === 'GET' && req.path === `/v1/brokers/${BROKER}`) {
      return { body: { brokerId: BROKER, brokerState: state() } };
    }
    if (req.method === 'POST' && req.path === `/v1/brokers/${BROKER}/reboot`) {
      return reboot();
    }
    return { status: 404, errorType: 'NotFoundException', body: { message: `no route ${req.method} ${req.path}` } };
  };
}

let fake: FakeAwsEndpoint;
afterEach(async () => fake?.stop());

async function client(route: (req: FakeRequest) => FakeResponse): Promise<MqClient> {
  fake = await FakeAwsEndpoint.start(route);
  return new MqClient(fake.clientConfig());
}

const calls = () => fake.requests.map((r) => `${r.method} ${r.path}`);

test('an update of a running broker reboots it, then completes once it runs again', async () => {
  let state = 'RUNNING';
  const c = await client(mq(() => state, () => {
    state = 'REBOOT_IN_PROGRESS';
    return { body: {} };
  }));
  const result = await onEvent(update, c, () => 1_000);
  expect(result).toEqual({ PhysicalResourceId: `reboot-${BROKER}`, Data: { RebootRequestedAt: '1000', Rebooted: 'true' } });
  expect(calls()).toEqual([`GET /v1/brokers/${BROKER}`, `POST /v1/brokers/${BROKER}/reboot`]);

  const waiting = { ...update, Data: result.Data };
  expect(await isComplete(waiting, c, () => 61_000)).toEqual({ IsComplete: false });
  state = 'RUNNING';
  expect(await isComplete(waiting, c, () => 121_000)).toEqual({ IsComplete: true });
});

test('a broker already rebooting is not rebooted again, only waited for', async () => {
  const c = await client(mq(() => 'REBOOT_IN_PROGRESS'));
  const result = await onEvent(update, c);
  expect(result.Data.Rebooted).toBe('true');
  expect(calls()).toEqual([`GET /v1/brokers/${BROKER}`]);
});

test('a reboot refused with ConflictException (it started rebooting meanwhile) is waited for', async () => {
  const c = await client(mq(() => 'RUNNING', () => ({ status: 409, errorType: 'ConflictException', body: { message: 'Broker is rebooting' } })));
  await expect(onEvent(update, c)).resolves.toMatchObject({ Data: { Rebooted: 'true' } });
});

test('other API errors fail the deploy with the service message', async () => {
  const c = await client(mq(() => 'RUNNING', () => ({ status: 403, errorType: 'ForbiddenException', body: { message: 'not authorized to mq:RebootBroker' } })));
  await expect(onEvent(update, c)).rejects.toThrow('not authorized to mq:RebootBroker');
});

test('a broker that is not running fails the deploy with its state', async () => {
  const c = await client(mq(() => 'CRITICAL_ACTION_REQUIRED'));
  await expect(onEvent(update, c)).rejects.toThrow(`Broker ${BROKER} is CRITICAL_ACTION_REQUIRED, not RUNNING`);
});

test('a broker that does not run again within the timeout fails the deploy with its state', async () => {
  const c = await client(mq(() => 'REBOOT_IN_PROGRESS'));
  const waiting = { ...update, Data: { RebootRequestedAt: '0' } };
  await expect(isComplete(waiting, c, () => 1_799_000)).resolves.toEqual({ IsComplete: false });
  await expect(isComplete(waiting, c, () => 1_801_000))
    .rejects.toThrow(`Broker ${BROKER} did not return to RUNNING within 30 minutes of the reboot (state: REBOOT_IN_PROGRESS)`);
});

test.each(['Create', 'Delete'] as const)('%s makes no call: a new broker already runs with its configuration', async (type) => {
  const c = await client(mq(() => 'RUNNING'));
  const event: RebootEvent = { RequestType: type, ResourceProperties: props };
  expect(await onEvent(event, c)).toEqual({ PhysicalResourceId: `reboot-${BROKER}`, Data: { Rebooted: 'false' } });
  expect(await isComplete(event, c)).toEqual({ IsComplete: true });
  expect(fake.requests).toEqual([]);
});

test('the bundled handlers stay small and leave the SDK to the Lambda runtime', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  for (const name of ['reboot-on-event', 'reboot-is-complete']) {
    const code = fs.readFileSync(`${__dirname}/../../assets/broker/reboot/${name}.lambda/index.js`, 'utf-8');
    expect(code.length).toBeLessThan(10_000);
    expect(code).toContain('require("@aws-sdk/client-mq")');
  }
});
