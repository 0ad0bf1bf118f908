/**
 * A management user's password change against real RabbitMQ (4.0.5, Amazon MQ's defaults): the custom resource holds
 * only the secret's ARN, so a new secret value reaches the broker when `passwordVersion` (or the secret) changes and
 * CloudFormation calls Update. Each deploy here is what CloudFormation does: Create for new resources, Update for
 * those whose properties changed, nothing for the others.
 */
import * as amqp from 'amqplib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { ordersBroker } from './management-objects';
import { RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqQueueType } from '../../src';
import { ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';

jest.setTimeout(240_000);

const [PASSWORD_A, PASSWORD_B, PASSWORD_C] = ['Orders-Passw0rd-A1', 'Orders-Passw0rd-B2', 'Orders-Passw0rd-C3'];
type CfnResource = { Type: string; Properties: Record<string, unknown> };

let engine: RabbitMqEngine;
/** The fake Secrets Manager: values by the resolved secret ARN; anything else is the admin (RabbitMQ's loopback guest). */
const secretValues: Record<string, Record<string, string>> = {};
/** What CloudFormation last deployed: the management objects' properties by logical ID. */
let deployed: Record<string, ManagementProperties> = {};

/** The app under test, with the user's password in the secret `secretName`. */
function synth(secretName: string, passwordVersion?: string) {
  const { app, stack, broker } = ordersBroker();
  const vhost = broker.addVirtualHost('orders');
  const password = secretsmanager.Secret.fromSecretNameV2(stack, 'AppSecret', secretName);
  vhost.addUser('orders-app', { password, passwordVersion, permissions: { configure: '.*', write: '.*', read: '.*' } });
  vhost.addQueue('orders.in', { type: RabbitMqQueueType.QUORUM });
  const template = stack.resolve(app.synth().getStackByName('Messaging').template) as { Resources: Record<string, CfnResource> };
  return { template, secretKey: JSON.stringify(stack.resolve(password.secretArn)) };
}

/** Intrinsics become strings: the endpoint becomes the engine's, secret ARNs their JSON (the fake store's keys). */
function resolve(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return JSON.stringify(value).includes('ConsoleURLs') ? `http://127.0.0.1:${engine.managementPort}` : JSON.stringify(value);
  }
  return Array.isArray(value) ? value.map(resolve) : value;
}

/** Deploys the template as CloudFormation would; returns the kinds of the objects it updated. */
async function deploy(template: { Resources: Record<string, CfnResource> }): Promise<string[]> {
  const next: Record<string, ManagementProperties> = {};
  const updated: string[] = [];
  // Objects in declaration order: the virtual host, then the user, its permissions and the queue.
  for (const [id, resource] of Object.entries(template.Resources).filter(([, r]) => r.Type === 'Custom::AmazonMqRabbitMqObject')) {
    const { ServiceToken: _token, ...raw } = resource.Properties;
    const props = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, resolve(v)])) as unknown as ManagementProperties;
    const previous = deployed[id];
    if (previous === undefined || JSON.stringify(previous) !== JSON.stringify(props)) {
      await onEvent({ RequestType: previous ? 'Update' : 'Create', ResourceProperties: props, PhysicalResourceId: previous?.Path }, {
        secret: async (arn) => secretValues[arn] ?? { username: 'guest', password: 'guest' },
        sleep: async () => {},
      });
      if (previous) {
        updated.push(props.Kind);
      }
    }
    next[id] = props;
  }
  deployed = next;
  return updated;
}

const connect = (password: string) => amqp.connect(`amqp://orders-app:${encodeURIComponent(password)}@127.0.0.1:${engine.amqpPort}/orders`);

/** Says whether the password signs in (and closes the connection). */
async function signsIn(password: string): Promise<boolean> {
  try {
    await (await connect(password)).close();
    return true;
  } catch (e) {
    expect(String(e)).toMatch(/ACCESS_REFUSED/);
    return false;
  }
}

beforeAll(async () => {
  engine = await RabbitMqEngine.start('', ['rabbitmq_management']);
});
afterAll(async () => engine?.stop());

test('the user is created with password A, which signs in; a message waits in orders.in', async () => {
  const { template, secretKey } = synth('orders-app', '1');
  secretValues[secretKey] = { username: 'orders-app', password: PASSWORD_A };
  expect(await deploy(template)).toEqual([]);
  expect(await signsIn(PASSWORD_A)).toBe(true);
  const connection = await connect(PASSWORD_A);
  const channel = await connection.createConfirmChannel();
  channel.sendToQueue('orders.in', Buffer.from('order 1'), { persistent: true });
  await channel.waitForConfirms();
  await connection.close();
});

test('a new secret value alone changes nothing CloudFormation sees: A still signs in, B does not', async () => {
  const { template, secretKey } = synth('orders-app', '1');
  secretValues[secretKey] = { username: 'orders-app', password: PASSWORD_B };
  expect(await deploy(template)).toEqual([]);
  expect(await signsIn(PASSWORD_A)).toBe(true);
  expect(await signsIn(PASSWORD_B)).toBe(false);
});

test('a new passwordVersion updates the user only: A is refused, B signs in, the queued message is still there', async () => {
  const open = await connect(PASSWORD_A);
  expect(await deploy(synth('orders-app', '2').template)).toEqual(['user']);
  expect(await signsIn(PASSWORD_A)).toBe(false);
  expect(await signsIn(PASSWORD_B)).toBe(true);
  // RabbitMQ checks passwords at sign-in only: a connection opened with A keeps working until it reconnects.
  expect((await (await open.createChannel()).checkQueue('orders.in')).messageCount).toBe(1);
  await open.close();
  const connection = await connect(PASSWORD_B);
  const channel = await connection.createChannel();
  const message = await channel.get('orders.in', { noAck: true });
  expect(message && message.content.toString()).toBe('order 1');
  await connection.close();
});

test('another password secret updates the user too: B is refused, C signs in', async () => {
  const { template, secretKey } = synth('orders-app-next', '2');
  secretValues[secretKey] = { username: 'orders-app', password: PASSWORD_C };
  expect(await deploy(template)).toEqual(['user']);
  expect(await signsIn(PASSWORD_B)).toBe(false);
  expect(await signsIn(PASSWORD_C)).toBe(true);
});
