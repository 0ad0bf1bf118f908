/**
 * No secret in stack events (issue 17, High 1): RabbitMQ 4.0.5 quotes a shovel or federation URI it cannot parse in
 * its 400 reason, with the credentials the handler filled in. The handler's error, which CloudFormation shows as the
 * resource's Reason and the function logs, must hold neither the password (raw, URI-encoded or HTML-escaped) nor a
 * URI's `user:password@`.
 */
import { RabbitMqEngine } from './rabbitmq-engine';
import { ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';

jest.setTimeout(180_000);

const PASSWORD = 'Sh0vel/Pass&word#1';
let engine: RabbitMqEngine;

beforeAll(async () => {
  engine = await RabbitMqEngine.start('', ['rabbitmq_management', 'rabbitmq_shovel', 'rabbitmq_shovel_management', 'rabbitmq_federation']);
});
afterAll(async () => engine?.stop());

const secret = async (arn: string) => (arn === 'admin' ? { username: 'guest', password: 'guest' } : { username: 'partner', password: PASSWORD });

test.each([
  ['a shovel, port out of range', 'parameters/shovel/%2F/out', { value: { 'src-uri': 'amqp://', 'src-queue': 'a', 'dest-uri': 'amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@host:99999/x', 'dest-queue': 'b' } }],
  ['a shovel, bad percent escape', 'parameters/shovel/%2F/out2', { value: { 'src-uri': 'amqp://', 'src-queue': 'a', 'dest-uri': 'amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@host:5671/%zz', 'dest-queue': 'b' } }],
  ['a federation upstream, port out of range', 'parameters/federation-upstream/%2F/eu', { value: { uri: 'amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@host:99999' } }],
])('%s: RabbitMQ refuses it, and the error names the object but no secret', async (_name, path, body) => {
  const props: ManagementProperties = {
    Endpoint: `http://127.0.0.1:${engine.managementPort}`,
    AdminSecretArn: 'admin',
    Kind: 'shovel',
    Path: `/api/${path}`,
    Body: JSON.stringify(body),
    Secrets: ['partner'],
  };
  const error = await onEvent({ RequestType: 'Create', ResourceProperties: props }, { secret }).then(() => undefined, (e: Error) => e);
  expect(error?.message).toMatch(/RabbitMQ answered 400/);
  for (const form of [PASSWORD, encodeURIComponent(PASSWORD), PASSWORD.replace(/&/g, '&amp;')]) {
    expect(error!.message).not.toContain(form);
  }
  expect(error!.message).not.toMatch(/partner:[^*]/);
  console.log(`RabbitMQ's reason, as the handler reports it: ${error!.message}`);
});
