/**
 * OAuth 2.0 on a real RabbitMQ (RabbitMQ 4.0.5 from Debian 13, with rabbitmq_auth_backend_oauth2), configured from the keys
 * RabbitMqAuthentication.oauth2() renders. The identity provider is local: an HTTPS JWKS endpoint on 127.0.0.1 with a
 * self-signed certificate, and JWTs signed here. Substituted for the local run, as aws.arns values are by local
 * files: the JWKS URL's host and port, and `auth_oauth2.https.peer_verification = verify_none` for the self-signed
 * certificate (Amazon MQ refuses a private CA anyway, F-AU09). Keys RabbitMQ 4.0.5 does not know are printed.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as amqp from 'amqplib';
import { Stack } from 'aws-cdk-lib';
import { roundTrip } from './amqp-round-trip';
import { pem, selfSigned } from './certificates';
import { knownRabbitMqKeys, RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqAuthentication, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqEngineVersion } from '../../src';

jest.setTimeout(180_000);

const RESOURCE_SERVER = 'rabbitmq';
const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });

function jwt(claims: object, key: crypto.KeyObject = signingKey.privateKey, kid = 'k1'): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const body = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  return `${body}.${crypto.sign('sha256', Buffer.from(body), key).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const token = (scope: string[], extra: object = {}) => jwt({
  sub: 'orders-service', aud: [RESOURCE_SERVER], scope: scope.join(' '), iat: now(), exp: now() + 600, ...extra,
});
const FULL = [`${RESOURCE_SERVER}.configure:*/*`, `${RESOURCE_SERVER}.write:*/*`, `${RESOURCE_SERVER}.read:*/*`];

let engine: RabbitMqEngine | undefined;
let idp: https.Server | undefined;
let url: (password: string) => string;

beforeAll(async () => {
  const tls = pem(selfSigned(fs.mkdtempSync(path.join(os.tmpdir(), 'idp-')), 'server'));
  const jwks = JSON.stringify({ keys: [{ ...signingKey.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  idp = https.createServer(tls,
    (_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => idp!.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `https://localhost:${(idp.address() as AddressInfo).port}/jwks`;

  const configuration = new RabbitMqConfiguration(new Stack(), 'Configuration', {
    engineVersion: RabbitMqEngineVersion.V3_13,
    data: RabbitMqConfigurationData.fromText(''),
    authentication: RabbitMqAuthentication.oauth2({
      resourceServerId: RESOURCE_SERVER, jwksUrl: 'https://idp.example.com/jwks', preferredUsernameClaims: ['sub'], internalUsers: true,
    }),
  });
  const known = knownRabbitMqKeys();
  const lines = configuration.renderText().split('\n').filter(Boolean);
  const isKnown = (key: string) => known.has(key) || [...known].some((k) => k.includes('$') && new RegExp(`^${k.replace(/\./g, '\\.').replace(/\$[a-z_]+/g, '[^.]+')}$`).test(key));
  const newer = lines.filter((line) => !isKnown(line.split(' = ')[0]));
  // RabbitMQ 4.0.5 knows every key rendered here (3.10 lacked preferred_username_claims): nothing is left out.
  expect(newer).toEqual([]);
  const local = lines.filter((line) => !newer.includes(line)).map((line) => line.replace('https://idp.example.com/jwks', jwksUrl));
  expect(local).toEqual(expect.arrayContaining(['auth_backends.1 = rabbit_auth_backend_oauth2', 'auth_backends.2 = internal', `auth_oauth2.resource_server_id = ${RESOURCE_SERVER}`]));
  engine = await RabbitMqEngine.start([...local, 'auth_oauth2.https.peer_verification = verify_none'].join('\n'),
    ['rabbitmq_management', 'rabbitmq_auth_backend_oauth2']);
  url = (password: string) => `amqp://${encodeURIComponent('token')}:${encodeURIComponent(password)}@127.0.0.1:${engine!.amqpPort}/%2F`;
});

afterAll(async () => {
  await engine?.stop();
  idp?.close();
});

test('a token with the resource server\'s scopes connects, declares, publishes and consumes', async () => {
  expect(await roundTrip(await amqp.connect(url(token(FULL))), 'orders.in', 'order 1')).toBe('order 1');
});

test('a token with only the read scope connects but may not declare (no configure scope)', async () => {
  const connection = await amqp.connect(url(token([`${RESOURCE_SERVER}.read:*/*`])));
  connection.on('error', () => undefined);
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  await expect(channel.assertExchange('orders', 'topic')).rejects.toThrow(/ACCESS_REFUSED - configure access to exchange 'orders' in vhost '\/' refused for user 'orders-service'/);
  await connection.close().catch(() => undefined);
});

test.each<[string, () => string]>([
  ['signed by another key', () => jwt({ sub: 'x', aud: [RESOURCE_SERVER], scope: FULL.join(' '), exp: now() + 600 }, otherKey.privateKey)],
  ['for another audience', () => token(FULL, { aud: ['other-server'] })],
  ['expired', () => token(FULL, { exp: now() - 60 })],
  ['scoped to another resource server', () => token(['other.configure:*/*', 'other.write:*/*', 'other.read:*/*'])],
])('a token %s is refused at connection', async (_, make) => {
  await expect(amqp.connect(url(make()))).rejects.toThrow(/ACCESS_REFUSED|ConnectionClose|not_allowed|403/);
});

test('internal users still sign in with auth_backends.2 = internal', async () => {
  engine!.ctl('add_user', 'admin', 'admin-password-1234');
  engine!.ctl('set_permissions', '-p', '/', 'admin', '.*', '.*', '.*');
  const connection = await amqp.connect(`amqp://admin:admin-password-1234@127.0.0.1:${engine!.amqpPort}/%2F`);
  await connection.close();
  await expect(amqp.connect(`amqp://admin:wrong-password-123@127.0.0.1:${engine!.amqpPort}/%2F`)).rejects.toThrow(/ACCESS_REFUSED/);
});
