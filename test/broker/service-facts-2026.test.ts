/**
 * Amazon MQ facts of 2026 as synth-time rules (README rule table): each case fails at synth with the library's error
 * naming the property, and the valid neighbour passes.
 */
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  ActiveMqAuthentication, ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, ActiveMqEventSource, RabbitMqAuthentication,
  RabbitMqBroker, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqEventSource,
  RabbitMqQueueType,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

const RABBIT = { deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE };
const consumer = (scope: import('constructs').Construct) => new lambda.Function(scope, 'Consumer', {
  runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};'),
});

describe('RabbitMQ 4.3', () => {
  test('exists as V4_3 and runs on m7g', () => {
    const { stack, vpc } = stackWithVpc();
    new RabbitMqBroker(stack, 'Broker', { vpc, ...RABBIT, engineVersion: RabbitMqEngineVersion.V4_3 });
    expect(RabbitMqEngineVersion.V4_3.version).toBe('4.3');
    expect(RabbitMqEngineVersion.V4_3.requiresGraviton).toBe(true);
  });

  test.each<[string, (v: ReturnType<RabbitMqBroker['addVirtualHost']>) => void, string]>([
    ['a transient queue', (v) => v.addQueue('q', { type: RabbitMqQueueType.CLASSIC, durable: false }),
      "queue 'q' durable false is not allowed with engineVersion '4.3'; allowed: a durable queue (RabbitMQ 4.3 refuses transient non-exclusive queues)"],
    ['x-queue-version 1', (v) => v.addQueue('q', { type: RabbitMqQueueType.CLASSIC, arguments: { 'x-queue-version': 1 } }),
      "queue 'q' argument 'x-queue-version' value 1 is not allowed; allowed: one of 2"],
    ['x-queue-mode', (v) => v.addQueue('q', { type: RabbitMqQueueType.CLASSIC, arguments: { 'x-queue-mode': 'lazy' } }),
      "queue 'q' argument 'x-queue-mode' is not allowed with engineVersion '4.3'; allowed: RabbitMQ before 4.3"],
    ['a queue-mode policy', (v) => v.addPolicy('lazy', { pattern: '.*', definition: { 'queue-mode': 'lazy' } }),
      "policy 'lazy' definition key 'queue-mode' is not allowed with engineVersion '4.3'; allowed: RabbitMQ before 4.3"],
  ])('refuses %s, which 4.2 accepts', (_name, act, message) => {
    const broker = (version: RabbitMqEngineVersion) => {
      const { stack, vpc } = stackWithVpc();
      return new RabbitMqBroker(stack, 'Broker', { vpc, ...RABBIT, engineVersion: version }).addVirtualHost('app');
    };
    expect(() => act(broker(RabbitMqEngineVersion.V4_3))).toThrow(message);
    act(broker(RabbitMqEngineVersion.V4_2));
  });
});

test('amqp_client.ssl_options.verify is a RabbitMQ 4 configuration key', () => {
  const { stack } = stackWithVpc();
  const text = (engineVersion: RabbitMqEngineVersion, id: string) => new RabbitMqConfiguration(stack, id, {
    engineVersion, data: RabbitMqConfigurationData.fromText('amqp_client.ssl_options.verify = verify_peer'),
  });
  expect(text(RabbitMqEngineVersion.V4_2, 'Four').renderText()).toContain('amqp_client.ssl_options.verify = verify_peer');
  expect(() => text(RabbitMqEngineVersion.V3_13, 'Three')).toThrow("key 'amqp_client.ssl_options.verify' is not allowed with engineVersion '3.13'; allowed: RabbitMQ 4 or later");
  expect(() => new RabbitMqConfiguration(stack, 'Bad', {
    engineVersion: RabbitMqEngineVersion.V4_2, data: RabbitMqConfigurationData.fromText('amqp_client.ssl_options.verify = yes'),
  })).toThrow('verify_peer or verify_none');
});

test('a replication user cannot have console access [ActiveMqReplicationUserConsole]', () => {
  const { stack, vpc } = stackWithVpc();
  expect(() => new ActiveMqBroker(stack, 'Broker', {
    vpc,
    engineVersion: ActiveMqEngineVersion.V5_19,
    deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
    users: [{ username: 'admin', consoleAccess: true }, { username: 'replicator', replicationUser: true, consoleAccess: true }],
  })).toThrow("user 'replicator' with replicationUser true and consoleAccess true is not allowed; allowed: one of them (Amazon MQ refuses both on one user) [ActiveMqReplicationUserConsole]");
});

describe('event sources sign in with a password [MqEventSourceAuthentication]', () => {
  test('not on an LDAP ActiveMQ broker', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new ActiveMqBroker(stack, 'Broker', {
      vpc,
      engineVersion: ActiveMqEngineVersion.V5_19,
      deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE,
      authentication: ActiveMqAuthentication.ldap({
        hosts: ['ldap.example.com'],
        userBase: 'ou=Users,dc=example,dc=com',
        userSearchMatching: '(uid={0})',
        roleBase: 'ou=Groups,dc=example,dc=com',
        roleSearchMatching: '(member:=uid={1})',
        serviceAccountUsername: 'cn=mq,dc=example,dc=com',
        serviceAccountPassword: secretsmanager.Secret.fromSecretNameV2(stack, 'Ldap', 'ldap/service'),
      }),
    });
    const credentials = secretsmanager.Secret.fromSecretNameV2(stack, 'User', 'mq/consumer');
    expect(() => consumer(stack).addEventSource(new ActiveMqEventSource(broker, { queue: 'orders.in', credentials })))
      .toThrow(/ActiveMqEventSource validation failed:[\s\S]*authentication LDAP is not allowed[\s\S]*\[MqEventSourceAuthentication\]/);
  });

  test('not on a certificate-only RabbitMQ broker; with passwords allowed it binds', () => {
    const make = (passwords: boolean) => {
      const { stack, vpc } = stackWithVpc();
      const broker = new RabbitMqBroker(stack, 'Broker', {
        vpc,
        ...RABBIT,
        engineVersion: RabbitMqEngineVersion.V4_2,
        authentication: RabbitMqAuthentication.certificate({ caCertificateArn: 'arn:aws:s3:::mq-tls/clients-ca.pem', passwords }),
      });
      consumer(stack).addEventSource(new RabbitMqEventSource(broker, { queue: 'jobs' }));
    };
    expect(() => make(false)).toThrow(/certificate-only authentication is not allowed: Lambda event sources sign in with PLAIN[\s\S]*\[MqEventSourceAuthentication\]/);
    make(true);
  });
});
