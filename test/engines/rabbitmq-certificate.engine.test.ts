/**
 * Client certificates on a real RabbitMQ (RabbitMQ 4.0.5 from Debian 13, with rabbitmq_auth_mechanism_ssl), configured from the keys
 * RabbitMqAuthentication.certificate() renders. Substituted for the local run, as Amazon MQ does itself: the CA ARN by
 * a local file, and the broker's own server certificate (Amazon MQ's) by one signed here, on a TLS listener.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as amqp from 'amqplib';
import { Stack } from 'aws-cdk-lib';
import { freePort } from './activemq-engine';
import { roundTrip } from './amqp-round-trip';
import { pem, PemFiles, selfSigned, signedBy } from './certificates';
import { knownRabbitMqKeys, RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqAuthentication, RabbitMqCertificateLogin, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqEngineVersion } from '../../src';

jest.setTimeout(180_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtls-'));
const certificates: Record<string, PemFiles> = {};

let engine: RabbitMqEngine | undefined;
let tlsPort: number;

beforeAll(async () => {
  const clientsCa = certificates['clients-ca'] = selfSigned(dir, 'clients-ca', 'clients-ca');
  const rogueCa = selfSigned(dir, 'rogue-ca', 'rogue-ca');
  certificates.server = signedBy(clientsCa, dir, 'server', 'localhost');
  certificates.orders = signedBy(clientsCa, dir, 'orders', 'orders-service');
  certificates.stranger = signedBy(clientsCa, dir, 'stranger', 'stranger');
  certificates.forged = signedBy(rogueCa, dir, 'forged', 'orders-service');

  const configuration = new RabbitMqConfiguration(new Stack(), 'Configuration', {
    engineVersion: RabbitMqEngineVersion.V4_2,
    data: RabbitMqConfigurationData.fromText(''),
    authentication: RabbitMqAuthentication.certificate({ caCertificateArn: 'arn:aws:s3:::example-mq-tls/clients-ca.pem', loginFrom: RabbitMqCertificateLogin.COMMON_NAME }),
  });
  const rendered = configuration.renderText().split('\n');
  const known = knownRabbitMqKeys();
  const unknown = rendered.map((line) => line.split(' = ')[0])
    .filter((key) => !key.startsWith('aws.arns.') && !known.has(key) && !known.has(key.replace(/\.\d+$/, '.$name')));
  console.log(`Rendered certificate keys RabbitMQ 4.0.5 does not know: ${unknown.length === 0 ? 'none' : unknown.join(', ')}`);
  expect(unknown).toEqual([]);
  const local = rendered
    .filter((line) => !line.startsWith('aws.arns.assume_role_arn'))
    .map((line) => line.replace(/^aws\.arns\.ssl_options\.cacertfile = .*/, `ssl_options.cacertfile = ${clientsCa.cert}`));
  tlsPort = await freePort();
  engine = await RabbitMqEngine.start([
    ...local,
    `listeners.ssl.1 = 127.0.0.1:${tlsPort}`,
    `ssl_options.certfile = ${certificates.server.cert}`,
    `ssl_options.keyfile = ${certificates.server.key}`,
  ].join('\n'), ['rabbitmq_management', 'rabbitmq_auth_mechanism_ssl']);
  // The certificate names an internal user; its permissions apply, its password is never asked for.
  engine.ctl('add_user', 'orders-service', 'unused-password-1');
  engine.ctl('set_permissions', '-p', '/', 'orders-service', '.*', '.*', '.*');
});

afterAll(async () => engine?.stop());

function connect(client: string | undefined, credentials = amqp.credentials.external()) {
  return amqp.connect({ protocol: 'amqps', hostname: '127.0.0.1', port: tlsPort, vhost: '/' }, {
    ca: [fs.readFileSync(certificates['clients-ca'].cert)],
    servername: 'localhost',
    credentials,
    ...client ? pem(certificates[client]) : {},
  });
}

test('a client with a certificate from the CA signs in as its common name, without a password, and uses the broker', async () => {
  expect(await roundTrip(await connect('orders'), 'orders.in', 'order 1')).toBe('order 1');
});

test('a certificate from another CA, no certificate, and a certificate for an unknown user are refused', async () => {
  await expect(connect('forged')).rejects.toThrow();
  await expect(connect(undefined, amqp.credentials.plain('orders-service', 'unused-password-1'))).rejects.toThrow();
  await expect(connect('stranger')).rejects.toThrow(/ACCESS_REFUSED|ConnectionClose|403/);
});
