/**
 * LDAP on a real RabbitMQ (RabbitMQ 4.0.5 from Debian 13, with rabbitmq_auth_backend_ldap) against a real OpenLDAP (Debian's slapd)
 * over LDAPS on 127.0.0.1, configured from the keys RabbitMqAuthentication.ldap() renders. Substituted for the local
 * run, as Amazon MQ itself resolves them: the aws.arns bind password by the secret's value, the directory's host and
 * port, and `auth_ldap.ssl_options.verify = verify_none` for slapd's self-signed certificate.
 */
import * as amqp from 'amqplib';
import { Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { roundTrip } from './amqp-round-trip';
import { LdapEngine } from './ldap-engine';
import { knownRabbitMqKeys, RabbitMqEngine } from './rabbitmq-engine';
import {
  RabbitMqAuthentication, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqEngineVersion, RabbitMqLdapPermissions,
} from '../../src';

jest.setTimeout(180_000);

const SUFFIX = 'dc=example,dc=com';
const BIND_DN = `cn=rabbitmq,ou=services,${SUFFIX}`;
const BIND_PASSWORD = 'rabbitmq-bind-password-1';
const person = (uid: string, password: string) => ({
  dn: `uid=${uid},ou=users,${SUFFIX}`,
  attributes: { objectClass: 'inetOrgPerson', uid, cn: uid, sn: uid, userPassword: password },
});

let ldap: LdapEngine | undefined;
let rabbit: RabbitMqEngine | undefined;
const url = (user: string, password: string) => `amqp://${user}:${encodeURIComponent(password)}@127.0.0.1:${rabbit!.amqpPort}/%2F`;

beforeAll(async () => {
  ldap = await LdapEngine.start(SUFFIX, [
    { dn: SUFFIX, attributes: { objectClass: ['dcObject', 'organization'], dc: 'example', o: 'Example' } },
    { dn: `ou=users,${SUFFIX}`, attributes: { objectClass: 'organizationalUnit', ou: 'users' } },
    { dn: `ou=services,${SUFFIX}`, attributes: { objectClass: 'organizationalUnit', ou: 'services' } },
    { dn: BIND_DN, attributes: { objectClass: ['organizationalRole', 'simpleSecurityObject'], cn: 'rabbitmq', userPassword: BIND_PASSWORD } },
    person('alice', 'alice-password-1'),
    person('bob', 'bob-password-12'),
    person('carol', 'carol-password-1'),
  ], [BIND_DN]);

  const stack = new Stack();
  const configuration = new RabbitMqConfiguration(stack, 'Configuration', {
    engineVersion: RabbitMqEngineVersion.V3_13,
    data: RabbitMqConfigurationData.fromText(''),
    authentication: RabbitMqAuthentication.ldap({
      servers: ['ldap.example.com'],
      dnLookupBase: `ou=users,${SUFFIX}`,
      dnLookupAttribute: 'uid',
      lookupBindDn: BIND_DN,
      lookupBindPassword: new secretsmanager.Secret(stack, 'BindPassword'),
      permissions: RabbitMqLdapPermissions.INTERNAL,
    }),
  });
  const rendered = configuration.renderText().split('\n').filter(Boolean);
  const known = knownRabbitMqKeys();
  const unknown = rendered.map((line) => line.split(' = ')[0]).filter((key) => !key.startsWith('aws.arns.')
    && !known.has(key) && !known.has(key.replace(/\.\d+(\.|$)/, '.$num$1')) && !known.has(key.replace(/\.\d+$/, '.$server')));
  console.log(`Rendered LDAP keys RabbitMQ 4.0.5 does not know: ${unknown.length === 0 ? 'none' : unknown.join(', ')}; aws.arns keys are resolved by Amazon MQ`);
  expect(unknown).toEqual([]);
  const local = rendered
    .filter((line) => !line.startsWith('aws.arns.assume_role_arn'))
    .map((line) => line
      .replace(/^aws\.arns\.auth_ldap\.dn_lookup_bind\.password = .*/, `auth_ldap.dn_lookup_bind.password = ${BIND_PASSWORD}`)
      .replace(/^auth_ldap\.servers\.1 = .*/, 'auth_ldap.servers.1 = 127.0.0.1')
      .replace(/^auth_ldap\.port = .*/, `auth_ldap.port = ${ldap!.port}`));
  expect(local).toEqual(expect.arrayContaining(['auth_backends.1.authn = ldap', 'auth_backends.1.authz = internal', 'auth_ldap.use_ssl = true']));
  rabbit = await RabbitMqEngine.start([...local, 'auth_ldap.ssl_options.verify = verify_none'].join('\n'),
    ['rabbitmq_management', 'rabbitmq_auth_backend_ldap']);
  // Internal permissions belong to an internal user of the same name (as RabbitMqVirtualHost.addUser makes one). Alice
  // may use '/', bob exists with no permission, carol is only in the directory. Internal passwords never sign in.
  rabbit.ctl('add_user', 'alice', 'internal-password-1');
  rabbit.ctl('set_permissions', '-p', '/', 'alice', '.*', '.*', '.*');
  rabbit.ctl('add_user', 'bob', 'internal-password-2');
});

afterAll(async () => {
  await rabbit?.stop();
  await ldap?.stop();
});

test('a directory user with permissions logs in (found through the bind DN lookup) and uses the broker', async () => {
  expect(await roundTrip(await amqp.connect(url('alice', 'alice-password-1')), 'orders.in', 'order 1')).toBe('order 1');
});

test('a wrong password, the internal password and an unknown user are refused', async () => {
  await expect(amqp.connect(url('alice', 'wrong-password-1'))).rejects.toThrow(/ACCESS_REFUSED - Login was refused/);
  await expect(amqp.connect(url('alice', 'internal-password-1'))).rejects.toThrow(/ACCESS_REFUSED - Login was refused/);
  await expect(amqp.connect(url('mallory', 'alice-password-1'))).rejects.toThrow(/ACCESS_REFUSED - Login was refused/);
});

test('internal permissions apply to directory users: none on the virtual host, or no internal user at all, is refused', async () => {
  await expect(amqp.connect(url('bob', 'bob-password-12'))).rejects.toThrow(/NOT_ALLOWED|ConnectionClose/);
  await rabbit!.waitForLog(/access to vhost '\/' refused for user 'bob'/);
  // Carol's directory password is right, but internal authorization knows no carol (RabbitMQ logs "invalid credentials").
  await expect(amqp.connect(url('carol', 'carol-password-1'))).rejects.toThrow(/ACCESS_REFUSED/);
  await rabbit!.waitForLog(/PLAIN login refused: user 'carol'/);
});
