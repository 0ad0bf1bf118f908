/**
 * A management user's password rotation against real RabbitMQ (4.0.5, Amazon MQ's defaults), with the real rotation
 * handler and an in-memory Secrets Manager that keeps versions and staging labels as the service does. The user is
 * made from a synthesized stack by the real management handler (as CloudFormation would deploy it); a consumer stays
 * connected and a publisher publishes across each rotation; every published message must be consumed once.
 */
import * as amqp from 'amqplib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { managementGet, objectsOf, ordersBroker, TemplateResource } from './management-objects';
import { RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqUserTag } from '../../src';
import { rotate, RotationEvent } from '../../src/broker/rotation/rotation-steps';
import { onEvent } from '../../src/rabbitmq/management/management-handler';
import { rabbitMqUserPasswordTarget } from '../../src/rabbitmq/management/user-rotation-handler';
import { FakeSecretsManager, runRotation } from '../util/fake-secrets-manager';

jest.setTimeout(240_000);

const USER = 'orders-app';
const INITIAL = 'Orders-Initial-Passw0rd-1';
let engine: RabbitMqEngine;
const sm = new FakeSecretsManager();
let secretKey = '';
const logs: string[] = [];
const deployed = new Map<string, string>();

/** The app: the user (management tag) in virtual host orders with queue orders.in, and its password's rotation. */
function synth(passwordVersion?: string) {
  const { app, stack, broker } = ordersBroker();
  const vhost = broker.addVirtualHost('orders');
  const password = secretsmanager.Secret.fromSecretNameV2(stack, 'AppSecret', USER);
  const user = vhost.addUser(USER, { password, passwordVersion, tags: [RabbitMqUserTag.MANAGEMENT], permissions: { configure: '.*', write: '.*', read: '.*' } });
  vhost.addQueue('orders.in');
  user.addRotationSingleUser();
  const template = stack.resolve(app.synth().getStackByName('Messaging').template) as { Resources: Record<string, TemplateResource> };
  return { template, secretKey: JSON.stringify(stack.resolve(password.secretArn)) };
}

/** Creates, or updates what changed, as CloudFormation would; the handler reads secrets as GetSecretValue does (AWSCURRENT). */
async function deploy(template: { Resources: Record<string, TemplateResource> }): Promise<string[]> {
  const updated: string[] = [];
  for (const { id, props } of objectsOf(template, `http://127.0.0.1:${engine.managementPort}`)) {
    const previous = deployed.get(id);
    if (previous !== JSON.stringify(props)) {
      await onEvent({ RequestType: previous ? 'Update' : 'Create', ResourceProperties: props, PhysicalResourceId: previous && props.Path }, {
        secret: async (arn) => arn === secretKey ? sm.current(arn) : { username: 'guest', password: 'guest' },
        sleep: async () => {},
      });
      if (previous) {
        updated.push(props.Kind);
      }
      deployed.set(id, JSON.stringify(props));
    }
  }
  return updated;
}

/** The real rotation handler, with the engine's endpoints (on Amazon MQ: https://<host> and amqps://<host>:5671). */
function rotationHandler(amqpPort = engine.amqpPort) {
  const target = rabbitMqUserPasswordTarget({
    managementEndpoint: `http://127.0.0.1:${engine.managementPort}`, amqpEndpoint: `amqp://127.0.0.1:${amqpPort}`, adminSecretArn: 'admin',
  }, {
    secret: async () => ({ username: 'guest', password: 'guest' }),
    amqpConnect: async (options) => (await amqp.connect({ ...options, heartbeat: 0 }, { timeout: 5_000 })).close(),
    sleep: async () => {},
    log: (m) => logs.push(m),
  });
  return (event: RotationEvent) => rotate(event, sm, target, (m) => logs.push(m));
}

const connect = (password: string) => amqp.connect({ protocol: 'amqp', hostname: '127.0.0.1', port: engine.amqpPort, username: USER, password, vhost: 'orders' });

/** Whether the password signs in: true, or false when RabbitMQ refuses it (403 ACCESS_REFUSED, nothing else). */
async function signsIn(password: string): Promise<boolean> {
  try {
    await (await connect(password)).close();
    return true;
  } catch (e) {
    expect(String(e)).toMatch(/ACCESS.REFUSED/);
    return false;
  }
}

/** A consumer that stays connected, counting each message by its ID. */
async function consumer(password: string) {
  const connection = await connect(password);
  const channel = await connection.createChannel();
  const seen = new Map<string, number>();
  await channel.consume('orders.in', (m) => {
    if (m) {
      seen.set(m.properties.messageId, (seen.get(m.properties.messageId) ?? 0) + 1);
      channel.ack(m);
    }
  });
  return { connection, seen };
}

/** Publishes `count` persistent messages with confirms from `from` on, a few at a time, while `during` runs. */
async function publishDuring(channel: amqp.ConfirmChannel, from: number, count: number, during: Promise<unknown>): Promise<number> {
  let done = false;
  const running = during.finally(() => { done = true; });
  let n = from;
  while (n < from + count) {
    channel.sendToQueue('orders.in', Buffer.from(`order ${n}`), { persistent: true, messageId: `m${n}` });
    n++;
    if (n % 10 === 0) {
      await channel.waitForConfirms();
      await new Promise((r) => setTimeout(r, done ? 0 : 20));
    }
  }
  await channel.waitForConfirms();
  await running;
  return n;
}

/** The consumer saw messages `from` to `to - 1`, each once, and nothing else. */
async function consumedExactly(seen: Map<string, number>, to: number, from = 0): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (seen.size < to - from && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(seen.size).toBe(to - from);
  expect([...seen.values()].every((c) => c === 1)).toBe(true);
  expect([...Array(to - from).keys()].every((i) => seen.has(`m${from + i}`))).toBe(true);
}

let consuming: Awaited<ReturnType<typeof consumer>>;
let publishing: amqp.ChannelModel;
let publisher: amqp.ConfirmChannel;
let published = 0;

beforeAll(async () => {
  engine = await RabbitMqEngine.start('', ['rabbitmq_management']);
  const synthesized = synth();
  secretKey = synthesized.secretKey;
  sm.create(secretKey, { username: USER, password: INITIAL, host: 'b-1.mq.eu-west-1.amazonaws.com' });
  await deploy(synthesized.template);
  consuming = await consumer(INITIAL);
  publishing = await connect(INITIAL);
  publisher = await publishing.createConfirmChannel();
});

afterAll(async () => {
  await publishing?.close().catch(() => {});
  await consuming?.connection.close().catch(() => {});
  await engine?.stop();
});

test('the template schedules the rotation after the user exists on the broker', () => {
  const { template } = synth();
  const [scheduleId, schedule] = Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::SecretsManager::RotationSchedule')!;
  const userId = objectsOf(template, '').find((o) => o.props.Kind === 'user')!.id;
  expect(schedule.DependsOn).toContain(userId);
  expect(scheduleId).toMatch(/AppSecretRotation/);
});

test('a rotation across live traffic: the old password is refused, the new one signs in, every message is consumed once', async () => {
  const handler = rotationHandler();
  published = await publishDuring(publisher, 0, 200, runRotation(sm, secretKey, handler));
  const rotated = sm.current(secretKey);
  expect(rotated.password).not.toBe(INITIAL);
  expect(rotated.host).toBe('b-1.mq.eu-west-1.amazonaws.com');
  expect(await signsIn(INITIAL)).toBe(false);
  expect(await signsIn(rotated.password)).toBe(true);
  // RabbitMQ checks passwords at sign-in only: the connections opened with the old password kept working.
  published = await publishDuring(publisher, published, 20, Promise.resolve());
  await consumedExactly(consuming.seen, published);
  // The tags the user had are kept (the user's custom resource set them; setSecret PUT them back).
  expect((await managementGet<{ tags: string[] }>(engine.managementPort, `/api/users/${USER}`)).body.tags).toEqual(['management']);
  expect(logs.some((l) => l.includes(`user ${USER} signed in to virtual host 'orders' over AMQP with the new password`))).toBe(true);
});

test('a publisher that reconnects with AWSCURRENT goes on; a second rotation works the same way', async () => {
  await publishing.close();
  publishing = await connect(sm.current(secretKey).password);
  publisher = await publishing.createConfirmChannel();
  const first = sm.current(secretKey).password;
  published = await publishDuring(publisher, published, 100, runRotation(sm, secretKey, rotationHandler()));
  const second = sm.current(secretKey).password;
  expect(second).not.toBe(first);
  expect(await signsIn(first)).toBe(false);
  expect(await signsIn(second)).toBe(true);
  await consumedExactly(consuming.seen, published);
});

test('a failed testSecret leaves AWSCURRENT unchanged; the next attempt resumes the same version and finishes', async () => {
  const before = sm.current(secretKey);
  const token = sm.startRotation(secretKey);
  const handler = rotationHandler();
  const event = (Step: string) => ({ Step, SecretId: secretKey, ClientRequestToken: token });
  await handler(event('createSecret'));
  await handler(event('setSecret'));
  // Someone sets another password between setSecret and testSecret: the broker refuses the pending one.
  engine.ctl('change_password', USER, 'Someone-Elses-Passw0rd-9');
  const pending = (await sm.value(secretKey, { versionId: token }))!.password;
  const error = await handler(event('testSecret')).catch((e: Error) => e);
  expect(String(error)).toMatch(/RabbitMQ refused the new password over AMQP .*ACCESS.REFUSED.*AWSCURRENT is unchanged/);
  expect(String(error)).not.toContain(pending);
  expect(sm.current(secretKey)).toEqual(before);
  expect(sm.stages(secretKey)[token]).toEqual(['AWSPENDING']);
  // An unreachable AMQP endpoint fails testSecret too, naming the port, and changes nothing.
  await expect(rotationHandler(1)(event('testSecret'))).rejects.toThrow(/could not be reached to test the new password/);
  expect(sm.current(secretKey)).toEqual(before);
  expect(sm.startRotation(secretKey)).toBe(token);
  await runRotation(sm, secretKey, handler, token);
  expect(sm.current(secretKey).password).toBe(pending);
  expect(await signsIn(pending)).toBe(true);
});

test('a user at its connection limit still rotates: RabbitMQ accepted the password before refusing the connection (530)', async () => {
  // The consumer and the publisher hold the user's 2 connections.
  const limitPath = `http://127.0.0.1:${engine.managementPort}/api/user-limits/${USER}/max-connections`;
  const headers = { 'authorization': `Basic ${Buffer.from('guest:guest').toString('base64')}`, 'content-type': 'application/json' };
  expect((await fetch(limitPath, { method: 'PUT', headers, body: JSON.stringify({ value: 2 }) })).ok).toBe(true);
  const before = sm.current(secretKey).password;
  await runRotation(sm, secretKey, rotationHandler());
  expect(logs.some((l) => /then RabbitMQ closed the connection to 'orders' at connection.open \(530/.test(l))).toBe(true);
  // The user's limits are their own objects: setSecret left them as they were.
  expect((await managementGet<Array<{ value: Record<string, number> }>>(engine.managementPort, `/api/user-limits/${USER}`)).body[0].value).toEqual({ 'max-connections': 2 });
  expect(await signsIn(before)).toBe(false);
  expect((await fetch(limitPath, { method: 'DELETE', headers })).ok).toBe(true);
  expect(await signsIn(sm.current(secretKey).password)).toBe(true);
});

test('a later deploy that updates the user (a new passwordVersion) sets AWSCURRENT, never an old password', async () => {
  const current = sm.current(secretKey).password;
  expect(await deploy(synth('after-rotation').template)).toEqual(['user']);
  expect(await signsIn(current)).toBe(true);
  expect(await signsIn(INITIAL)).toBe(false);
  // A consumer that reconnects with AWSCURRENT gets what is published next, once each.
  await consuming.connection.close();
  consuming = await consumer(current);
  const from = published;
  published = await publishDuring(publisher, published, 10, Promise.resolve());
  await consumedExactly(consuming.seen, published, from);
});
