/**
 * HTTP authentication on real RabbitMQ 4.0.5 (rabbitmq_auth_backend_http; Amazon MQ offers it from RabbitMQ 4),
 * configured from the keys RabbitMqAuthentication.http() renders, against a local HTTPS service that decides as the
 * README describes. Substituted for the local run, as Amazon MQ does with the ARN: the service's host and port
 * (127.0.0.1), and the CA's S3 object ARN by the local file (`aws.arns.auth_http.ssl_options.cacertfile` becomes
 * `auth_http.ssl_options.cacertfile`); Erlang 27 verifies the service's certificate against it.
 */
import * as fs from 'fs';
import * as https from 'https';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as amqp from 'amqplib';
import { Stack } from 'aws-cdk-lib';
import { roundTrip } from './amqp-round-trip';
import { pem, selfSigned, signedBy } from './certificates';
import { knownRabbitMqKeys, RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqAuthentication, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqEngineVersion } from '../../src';

jest.setTimeout(180_000);

const PASSWORDS: Record<string, string> = { 'orders-service': 'orders-password-1', 'stranger': 'stranger-password-1' };
const requests: Array<{ path: string; params: Record<string, string> }> = [];
const CA_ARN = 'arn:aws:s3:::example-certificates/auth-service-ca.pem';

/** The auth service: users by password, '/' only for orders-service, and only `orders.*` resources (and the default exchange). */
function decide(route: string, p: Record<string, string>): string {
  switch (route) {
    case '/auth/user': return PASSWORDS[p.username] !== undefined && PASSWORDS[p.username] === p.password ? 'allow' : 'deny';
    case '/auth/vhost': return p.username === 'orders-service' && p.vhost === '/' ? 'allow' : 'deny';
    case '/auth/resource': return p.resource !== 'queue' && p.resource !== 'exchange' ? 'deny' : p.name === 'amq.default' || p.name.startsWith('orders.') ? 'allow' : 'deny';
    case '/auth/topic': return 'deny';
    default: return 'deny';
  }
}

let engine: RabbitMqEngine | undefined;
let service: https.Server | undefined;
const url = (user: string) => `amqp://${user}:${PASSWORDS[user]}@127.0.0.1:${engine!.amqpPort}/%2F`;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'authsvc-'));
  const ca = selfSigned(dir, 'ca', 'Auth service test CA');
  const tls = pem(signedBy(ca, dir, 'server', 'localhost'));
  service = https.createServer(tls, (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      requests.push({ path: req.url ?? '', params });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(decide(req.url ?? '', params));
    });
  });
  await new Promise<void>((resolve) => service!.listen(0, '127.0.0.1', resolve));
  const localUrl = `https://127.0.0.1:${(service.address() as AddressInfo).port}`;

  const configuration = new RabbitMqConfiguration(new Stack(), 'Configuration', {
    engineVersion: RabbitMqEngineVersion.V4_2,
    data: RabbitMqConfigurationData.fromText(''),
    authentication: RabbitMqAuthentication.http({
      userPath: 'https://auth.example.com/auth/user',
      vhostPath: 'https://auth.example.com/auth/vhost',
      resourcePath: 'https://auth.example.com/auth/resource',
      topicPath: 'https://auth.example.com/auth/topic',
      tls: { caCertificateArn: CA_ARN },
    }),
  });
  const rendered = configuration.renderText().split('\n');
  const known = knownRabbitMqKeys();
  const unknown = rendered.map((line) => line.split(' = ')[0]).filter((key) => !known.has(key) && !known.has(key.replace(/\.\d+$/, '.$num')));
  // Amazon MQ's own keys (aws.arns.*) are the ones RabbitMQ does not know.
  expect(unknown.filter((key) => !key.startsWith('aws.arns.'))).toEqual([]);
  const local = rendered
    .map((line) => line.replace('https://auth.example.com', localUrl))
    .map((line) => line.startsWith('aws.arns.assume_role_arn') ? '' : line.replace(`aws.arns.auth_http.ssl_options.cacertfile = ${CA_ARN}`,
      `auth_http.ssl_options.cacertfile = ${ca.cert}`));
  expect(local.join('\n')).toContain(`auth_http.ssl_options.cacertfile = ${ca.cert}`);
  engine = await RabbitMqEngine.start(local.join('\n'),
    ['rabbitmq_management', 'rabbitmq_auth_backend_http']);
});

afterAll(async () => {
  await engine?.stop();
  service?.close();
});

test('the service signs a user in with its password (POST, as rendered) and grants what it allows', async () => {
  expect(await roundTrip(await amqp.connect(url('orders-service')), 'orders.in', 'order 1')).toBe('order 1');
  const userCall = requests.find((r) => r.path === '/auth/user');
  expect(userCall?.params).toMatchObject({ username: 'orders-service', password: PASSWORDS['orders-service'] });
  expect(requests.some((r) => r.path === '/auth/resource' && r.params.name === 'orders.in' && r.params.permission === 'configure')).toBe(true);
});

test('what the service denies is refused: a wrong password, a virtual host, a resource', async () => {
  await expect(amqp.connect(`amqp://orders-service:wrong-password-1@127.0.0.1:${engine!.amqpPort}/%2F`)).rejects.toThrow(/ACCESS_REFUSED/);
  await expect(amqp.connect(url('stranger'))).rejects.toThrow(/NOT_ALLOWED|ConnectionClose/);
  const connection = await amqp.connect(url('orders-service'));
  connection.on('error', () => undefined);
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  await expect(channel.assertQueue('payments.in')).rejects.toThrow(/ACCESS_REFUSED - configure access to queue 'payments.in' in vhost '\/' refused for user 'orders-service'/);
  await connection.close().catch(() => undefined);
});
