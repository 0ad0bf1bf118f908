/**
 * Typed parity with the messaging topology operator and the Terraform provider (issue 19, item 3): what each new
 * option renders, and what the rules refuse. test/engines/rabbitmq-parity.engine.test.ts applies the same to RabbitMQ.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  RabbitMqAckMode, RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqExchangeType, RabbitMqQueueType,
  RabbitMqShovelDeleteAfter, RabbitMqShovelProtocol, RabbitMqUserTag, RabbitMqVirtualHost, RabbitMqVirtualHostOptions,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

const PERMS = { configure: '.*', write: '.*', read: '.*' };
const ARN = 'arn:aws:mq:us-east-1:123456789012:broker:events:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9';

function broker(engineVersion = RabbitMqEngineVersion.V4_2) {
  const { stack, vpc } = stackWithVpc();
  return { stack, broker: new RabbitMqBroker(stack, 'Broker', { vpc, engineVersion, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE }) };
}

/** A virtual host on an imported broker of this version (versions Amazon MQ does not list, such as the test engine's). */
function importedVhost(engineVersion: string, options: RabbitMqVirtualHostOptions = {}): { stack: Stack; vhost: RabbitMqVirtualHost } {
  const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
  const adminSecret = secretsmanager.Secret.fromSecretNameV2(stack, 'Admin', 'admin');
  const imported = RabbitMqBroker.fromBrokerAttributes(stack, 'Events', { brokerArn: ARN, adminSecret, engineVersion });
  return { stack, vhost: new RabbitMqVirtualHost(stack, 'Vhost', { broker: imported, name: 'app', ...options }) };
}

/** The management objects of the stack, by kind and decoded path. */
function objects(stack: Stack): Record<string, { body: any; dependsOn: string[]; id: string }> {
  const resources = Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject');
  return Object.fromEntries(Object.entries(resources).map(([id, r]) => [`${r.Properties.Kind} ${decodeURIComponent(r.Properties.Path)}`,
    { body: r.Properties.Body && JSON.parse(r.Properties.Body), dependsOn: r.DependsOn ?? [], id }]));
}

describe('virtual hosts: description, tags, default queue type, tracing, limits', () => {
  test('the body holds the metadata given, and each limit is its own object after the virtual host', () => {
    const { stack, broker: b } = broker();
    b.addVirtualHost('orders', {
      description: 'Orders',
      tags: ['team-a', 'pci'],
      defaultQueueType: RabbitMqQueueType.CLASSIC,
      tracing: true,
      limits: { maxConnections: 100, maxQueues: 0 },
    });
    const o = objects(stack);
    expect(o['virtual host /api/vhosts/orders'].body).toEqual({ description: 'Orders', tags: 'team-a,pci', default_queue_type: 'classic', tracing: true });
    expect(o['virtual host limit /api/vhost-limits/orders/max-connections'].body).toEqual({ value: 100 });
    expect(o['virtual host limit /api/vhost-limits/orders/max-queues'].body).toEqual({ value: 0 });
    expect(o['virtual host limit /api/vhost-limits/orders/max-queues'].dependsOn).toContain(o['virtual host /api/vhosts/orders'].id);
  });

  test('what is left out is not sent, so a virtual host of earlier versions renders as it did', () => {
    const { stack, broker: b } = broker();
    b.addVirtualHost('plain');
    expect(objects(stack)['virtual host /api/vhosts/plain'].body).toEqual({ description: '' });
    expect(Object.keys(objects(stack)).filter((k) => k.startsWith('virtual host limit'))).toEqual([]);
  });

  test.each<[string, RabbitMqVirtualHostOptions, string]>([
    ['a tag with a comma', { tags: ['a,b'] }, "virtual host 'v' tag 'a,b' is not allowed"],
    ['a tag with spaces around it', { tags: [' a'] }, "virtual host 'v' tag ' a' is not allowed"],
    ['an empty tag', { tags: [''] }, "virtual host 'v' tag '' is not allowed"],
    ['a tag twice', { tags: ['a', 'a'] }, "virtual host 'v' tag 'a' is given twice; allowed: each tag once [RabbitMqVirtualHostMetadata]"],
    ['streams by default', { defaultQueueType: 'stream' as RabbitMqQueueType }, "virtual host 'v' defaultQueueType 'stream' is not allowed; allowed: quorum or classic (Amazon MQ does not support streams) [RabbitMqVirtualHostMetadata]"],
    ['a negative limit', { limits: { maxConnections: -1 } }, "virtual host 'v' limit max-connections -1 is not allowed; allowed: a whole number, 0 or more (leave it out for no limit) [RabbitMqLimits]"],
    ['a fractional limit', { limits: { maxQueues: 2.5 } }, "virtual host 'v' limit max-queues 2.5 is not allowed"],
  ])('refuses %s, and creates nothing', (_, options, message) => {
    const { stack, broker: b } = broker();
    expect(() => b.addVirtualHost('v', options)).toThrow(message);
    expect(Object.keys(objects(stack))).toEqual([]);
  });

  test('maxQueues counts the queues the app declares there: one more is refused', () => {
    const { broker: b } = broker();
    const vhost = b.addVirtualHost('small', { limits: { maxQueues: 2 } });
    vhost.addQueue('a');
    vhost.addQueue('b');
    expect(() => vhost.addQueue('c')).toThrow("queue 'c' is one more than the virtual host's limits.maxQueues 2 (it declares 2 already); allowed: at most 2 queues, or a higher maxQueues [RabbitMqQueueLimit]");
  });
});

describe('users: tags as a set, connection and channel limits', () => {
  test('tags are sent once each, and each limit is its own object after the user', () => {
    const { stack, broker: b } = broker();
    b.addVirtualHost('app').addUser('app-user', {
      permissions: PERMS, tags: [RabbitMqUserTag.MANAGEMENT, RabbitMqUserTag.POLICYMAKER], limits: { maxConnections: 5, maxChannels: 20 },
    });
    const o = objects(stack);
    expect(o['user /api/users/app-user'].body.tags).toBe('management,policymaker');
    expect(o['user limit /api/user-limits/app-user/max-connections'].body).toEqual({ value: 5 });
    expect(o['user limit /api/user-limits/app-user/max-channels'].body).toEqual({ value: 20 });
    expect(o['user limit /api/user-limits/app-user/max-channels'].dependsOn).toContain(o['user /api/users/app-user'].id);
  });

  test('a tag given twice is refused (RabbitMQ would store it twice)', () => {
    const { broker: b } = broker();
    expect(() => b.addVirtualHost('app').addUser('app-user', { permissions: PERMS, tags: ['monitoring', 'monitoring'] }))
      .toThrow("user 'app-user' tag 'monitoring' is given twice; allowed: each tag once (the tags are a set) [RabbitMqUserTags]");
  });
});

describe('topic permissions', () => {
  test('grantTopic() puts the exchange in the path and the body, after the user and the exchange', () => {
    const { stack, broker: b } = broker();
    const vhost = b.addVirtualHost('app');
    const user = vhost.addUser('app-user', { permissions: PERMS });
    vhost.addExchange('app.events', { type: RabbitMqExchangeType.TOPIC });
    vhost.grantTopic(user, { exchange: 'app.events', write: '^orders\\.', read: '^orders\\.{username}\\.' });
    vhost.grantTopic(user, { exchange: 'amq.topic', write: '^$', read: '.*' });
    const o = objects(stack);
    const grant = o['topic permissions /api/topic-permissions/app/app-user/app.events'];
    expect(grant.body).toEqual({ exchange: 'app.events', write: '^orders\\.', read: '^orders\\.{username}\\.' });
    expect(grant.dependsOn).toEqual(expect.arrayContaining([o['user /api/users/app-user'].id, o['exchange /api/exchanges/app/app.events'].id]));
    expect(o['topic permissions /api/topic-permissions/app/app-user/amq.topic'].body.exchange).toBe('amq.topic');
  });

  test.each<[string, (v: RabbitMqVirtualHost) => void, string]>([
    ['a pattern that does not compile', (v) => v.grantTopic(v.addUser('u', { permissions: PERMS }), { exchange: 'amq.topic', write: '([', read: '.*' }),
      "'topic permissions.write' '([' is not a regular expression"],
    ['a declared exchange of another type', (v) => {
      v.addExchange('app.fan', { type: RabbitMqExchangeType.FANOUT });
      v.grantTopic(v.addUser('u', { permissions: PERMS }), { exchange: 'app.fan', write: '.*', read: '.*' });
    }, "topic permissions of user 'u' on exchange 'app.fan' (type fanout) are not allowed"],
    ['the default exchange', (v) => v.grantTopic(v.addUser('u', { permissions: PERMS }), { exchange: '', write: '.*', read: '.*' }),
      "topic permissions of user 'u' on exchange '' (type direct) are not allowed"],
    ['the same exchange twice', (v) => {
      const u = v.addUser('u', { permissions: PERMS });
      v.grantTopic(u, { exchange: 'amq.topic', write: '.*', read: '.*' });
      v.grantTopic(u, { exchange: 'amq.topic', write: '^$', read: '.*' });
    }, "topic permissions of user 'u' on exchange 'amq.topic' are already defined in this virtual host; allowed: one grantTopic() per user, exchange and virtual host [RabbitMqObjectUnique]"],
  ])('refuses %s', (_, act, message) => {
    expect(() => act(broker().broker.addVirtualHost('app'))).toThrow(message);
  });
});

describe('shovels: protocols, prefetch, reconnect delay, delete-after, headers', () => {
  test('the typed options reach the shovel plugin\'s keys', () => {
    const { stack, broker: b } = broker();
    const remote = secretsmanager.Secret.fromSecretNameV2(stack, 'Remote', 'remote');
    const vhost = b.addVirtualHost('app');
    vhost.addShovel('move', {
      source: { queue: 'a' },
      destination: { queue: 'b' },
      ackMode: RabbitMqAckMode.ON_PUBLISH,
      prefetchCount: 50,
      reconnectDelay: Duration.millis(2500),
      deleteAfter: RabbitMqShovelDeleteAfter.messages(10),
      addForwardHeaders: true,
      addTimestampHeader: true,
    });
    vhost.addShovel('drain', { source: { queue: 'a' }, destination: { queue: 'b' }, deleteAfter: RabbitMqShovelDeleteAfter.QUEUE_LENGTH });
    vhost.addShovel('amqp10', {
      source: { protocol: RabbitMqShovelProtocol.AMQP10, uri: 'amqps://b-1.mq.eu-west-1.amazonaws.com:5671/?hostname=vhost:app', credentials: remote, address: '/queues/a' },
      destination: { protocol: RabbitMqShovelProtocol.LOCAL, queue: 'b' },
    });
    const o = objects(stack);
    expect(o['shovel /api/parameters/shovel/app/move'].body.value).toEqual({
      'src-uri': 'amqp:///app',
      'src-queue': 'a',
      'dest-uri': 'amqp:///app',
      'dest-queue': 'b',
      'ack-mode': 'on-publish',
      'src-prefetch-count': 50,
      'src-delete-after': 10,
      'reconnect-delay': 2.5,
      'dest-add-forward-headers': true,
      'dest-add-timestamp-header': true,
    });
    expect(o['shovel /api/parameters/shovel/app/drain'].body.value['src-delete-after']).toBe('queue-length');
    expect(o['shovel /api/parameters/shovel/app/amqp10'].body.value).toEqual({
      'src-protocol': 'amqp10',
      'src-uri': 'amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@b-1.mq.eu-west-1.amazonaws.com:5671/?hostname=vhost:app',
      'src-address': '/queues/a',
      'dest-protocol': 'local',
      'dest-uri': 'amqp:///app',
      'dest-queue': 'b',
      'ack-mode': 'on-confirm',
    });
  });

  test.each<[string, object, string]>([
    ['a prefetch count of 0', { prefetchCount: 0 }, "shovel 's' prefetchCount 0 is not allowed; allowed: a whole number from 1 to 65535 [RabbitMqShovelSettings]"],
    ['a negative delete-after', { deleteAfter: RabbitMqShovelDeleteAfter.messages(-1) }, "shovel 's' deleteAfter -1 messages is not allowed; allowed: a whole number, 0 or more"],
    ['a delete-after count with no-ack', { deleteAfter: RabbitMqShovelDeleteAfter.messages(3), ackMode: RabbitMqAckMode.NO_ACK },
      "shovel 's' deleteAfter 3 messages is not allowed with ackMode no-ack"],
    ['an unknown protocol', { source: { queue: 'a', protocol: 'amqp' } }, "shovel 's' source.protocol 'amqp' is not allowed; allowed: amqp091, amqp10, local"],
    ['a local end with a URI', { source: { queue: 'a', protocol: RabbitMqShovelProtocol.LOCAL, uri: 'amqps://host' } },
      "shovel 's' source.uri is not allowed with protocol 'local'; allowed: no uri"],
    ['a prefetch count with a local source', { source: { queue: 'a', protocol: RabbitMqShovelProtocol.LOCAL }, prefetchCount: 10 },
      "shovel 's' prefetchCount is not allowed with source.protocol 'local'"],
    ['an AMQP 1.0 end with a queue', { source: { queue: 'a', protocol: RabbitMqShovelProtocol.AMQP10, uri: 'amqps://host', credentials: {} } },
      "'source' with protocol 'amqp10' names no address; allowed: an address (such as '/queues/<name>'), no queue or exchange [RabbitMqShovelEnds]"],
    ['an AMQP 1.0 end without a URI', { source: { address: '/queues/a', protocol: RabbitMqShovelProtocol.AMQP10 } },
      "'source.uri' is missing: an AMQP 1.0 end connects over the network"],
    ['an address on an AMQP 0-9-1 end', { source: { queue: 'a', address: '/queues/a' } }, "'source.address' is not allowed with protocol 'amqp091'"],
  ])('refuses %s', (_, options, message) => {
    const vhost = broker().broker.addVirtualHost('app');
    expect(() => vhost.addShovel('s', { source: { queue: 'a' }, destination: { queue: 'b' }, ...options } as any)).toThrow(message);
  });

  test('local shovels are refused below RabbitMQ 4.2, which brought them (the test engine, 4.0.5, answers 500), and taken from 4.2', () => {
    const local = { source: { queue: 'a', protocol: RabbitMqShovelProtocol.LOCAL }, destination: { queue: 'b' } };
    expect(() => broker(RabbitMqEngineVersion.V3_13).broker.addVirtualHost('app').addShovel('s', local))
      .toThrow("shovel 's' source.protocol 'local' is not allowed with engineVersion '3.13'; allowed: amqp091 or amqp10 (local shovels came with RabbitMQ 4.2) [RabbitMqShovelSettings]");
    expect(() => importedVhost('4.0').vhost.addShovel('s', local)).toThrow(/with engineVersion '4.0'.*\[RabbitMqShovelSettings\]/);
    expect(() => broker(RabbitMqEngineVersion.V4_2).broker.addVirtualHost('app').addShovel('s', local)).not.toThrow();
  });
});

describe('federation upstreams: typed parameters', () => {
  test('the typed options reach the upstream\'s keys, beside the settings', () => {
    const { stack, broker: b } = broker();
    const credentials = secretsmanager.Secret.fromSecretNameV2(stack, 'Up', 'up');
    b.addVirtualHost('app').addFederationUpstream('eu', {
      uri: 'amqps://b-2.mq.eu-west-1.amazonaws.com:5671',
      credentials,
      exchange: 'orders',
      prefetchCount: 200,
      reconnectDelay: Duration.seconds(10),
      ackMode: RabbitMqAckMode.ON_PUBLISH,
      trustUserId: true,
      expires: Duration.hours(1),
      messageTtl: Duration.minutes(5),
      maxHops: 2,
      queueType: RabbitMqQueueType.QUORUM,
      settings: { 'consumer-tag': 'eu-link' },
    });
    expect(objects(stack)['federation upstream /api/parameters/federation-upstream/app/eu'].body.value).toEqual({
      'consumer-tag': 'eu-link',
      'exchange': 'orders',
      'prefetch-count': 200,
      'reconnect-delay': 10,
      'ack-mode': 'on-publish',
      'trust-user-id': true,
      'expires': 3_600_000,
      'message-ttl': 300_000,
      'max-hops': 2,
      'queue-type': 'quorum',
      'uri': 'amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@b-2.mq.eu-west-1.amazonaws.com:5671',
    });
  });

  test.each<[string, object, string]>([
    ['an expiry of 0', { expires: Duration.millis(0) }, "federation upstream 'eu' expires 0 is not allowed; allowed: a whole number from 1 to 4294967295 (milliseconds)"],
    ['a message TTL beyond 2^32 - 1 ms', { messageTtl: Duration.days(50) }, "federation upstream 'eu' messageTtl 4320000000 is not allowed"],
    ['a prefetch count beyond 65535', { prefetchCount: 70000 }, "federation upstream 'eu' prefetchCount 70000 is not allowed; allowed: a whole number from 1 to 65535"],
    ['streams for the upstream queue', { queueType: 'stream' }, "federation upstream 'eu' queueType \"stream\" is not allowed; allowed: one of \"quorum\", \"classic\""],
    ['an unknown ack mode', { ackMode: 'on_confirm' }, "federation upstream 'eu' ackMode \"on_confirm\" is not allowed"],
    ['an unknown settings key', { settings: { 'ha-policy': 'all' } }, "federation upstream 'eu' settings key 'ha-policy' is not a federation upstream key"],
    ['a key given twice', { maxHops: 2, settings: { 'max-hops': 3 } }, "federation upstream 'eu' settings key 'max-hops' is also given as maxHops; allowed: one of them"],
    ['a bad value in the settings', { settings: { expires: -5 } }, "federation upstream 'eu' settings 'expires' -5 is not allowed"],
    ['the uri in the settings', { settings: { uri: 'amqps://x' } }, "federation upstream 'eu' settings key 'uri' is not allowed"],
  ])('refuses %s', (_, options, message) => {
    const vhost = broker().broker.addVirtualHost('app');
    const credentials = secretsmanager.Secret.fromSecretNameV2(vhost, 'Up', 'up');
    expect(() => vhost.addFederationUpstream('eu', { uri: 'amqps://b-2.mq.eu-west-1.amazonaws.com:5671', credentials, ...options } as any))
      .toThrow(message);
  });

  test('settings of earlier versions (expires, max-hops) still render as given', () => {
    const { stack, broker: b } = broker();
    const credentials = secretsmanager.Secret.fromSecretNameV2(stack, 'Up', 'up');
    b.addVirtualHost('app').addFederationUpstream('eu', { uri: 'amqps://host', credentials, settings: { 'expires': 60000, 'max-hops': 2 } });
    expect(objects(stack)['federation upstream /api/parameters/federation-upstream/app/eu'].body.value)
      .toEqual({ 'expires': 60000, 'max-hops': 2, 'uri': 'amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@host' });
  });
});

describe('exchange types beyond the four', () => {
  test('consistent hash and JMS topic exchanges render their type; bindings to a consistent hash exchange carry weights', () => {
    const { stack, broker: b } = broker();
    const vhost = b.addVirtualHost('app');
    vhost.addExchange('app.hash', { type: RabbitMqExchangeType.CONSISTENT_HASH, arguments: { 'hash-header': 'order-id' } });
    vhost.addExchange('app.jms', { type: RabbitMqExchangeType.JMS_TOPIC });
    vhost.addBinding({ source: 'app.hash', destinationQueue: 'app.a', routingKey: '2' });
    const o = objects(stack);
    expect(o['exchange /api/exchanges/app/app.hash'].body).toMatchObject({ type: 'x-consistent-hash', arguments: { 'hash-header': 'order-id' } });
    expect(o['exchange /api/exchanges/app/app.jms'].body.type).toBe('x-jms-topic');
    expect(o['binding /api/bindings/app/e/app.hash/q/app.a'].body.routing_key).toBe('2');
  });

  test.each<[string, (v: RabbitMqVirtualHost) => void, string]>([
    ['a local random exchange (Amazon MQ does not support it)', (v) => v.addExchange('x', { type: 'x-local-random' as RabbitMqExchangeType }),
      "exchange 'x' type 'x-local-random' is not allowed; allowed: direct, fanout, topic, headers, x-consistent-hash, x-jms-topic (Amazon MQ does not support local random exchanges: its nodes are behind a load balancer) [RabbitMqExchangeType]"],
    ['hash-header and hash-property together', (v) => v.addExchange('x', { type: RabbitMqExchangeType.CONSISTENT_HASH, arguments: { 'hash-header': 'h', 'hash-property': 'message_id' } }),
      "exchange 'x' arguments hash-header and hash-property are not allowed together; allowed: one of them [RabbitMqExchangeArguments]"],
    ['a number as hash-header', (v) => v.addExchange('x', { type: RabbitMqExchangeType.CONSISTENT_HASH, arguments: { 'hash-header': 5 } }),
      "exchange 'x' argument hash-header 5 is not allowed; allowed: a header name (a string)"],
    ['a weight of 0', (v) => {
      v.addExchange('x', { type: RabbitMqExchangeType.CONSISTENT_HASH });
      v.addBinding({ source: 'x', destinationQueue: 'q', routingKey: '0' });
    }, "binding from consistent hash exchange 'x' routingKey '0' is not allowed"],
    ['a weight that is not a whole number', (v) => {
      v.addExchange('x', { type: RabbitMqExchangeType.CONSISTENT_HASH });
      v.addBinding({ source: 'x', destinationQueue: 'q', routingKey: '1.5' });
    }, "binding from consistent hash exchange 'x' routingKey '1.5' is not allowed"],
  ])('refuses %s', (_, act, message) => {
    expect(() => act(broker().broker.addVirtualHost('app'))).toThrow(message);
  });

  test('JMS topic exchanges need RabbitMQ 4 (Amazon MQ enables the plugin from 4)', () => {
    expect(() => broker(RabbitMqEngineVersion.V3_13).broker.addVirtualHost('app').addExchange('j', { type: RabbitMqExchangeType.JMS_TOPIC }))
      .toThrow("exchange 'j' type 'x-jms-topic' is not allowed with engineVersion '3.13'; allowed: RabbitMQ 4 (Amazon MQ enables the JMS topic exchange plugin from RabbitMQ 4) [RabbitMqExchangeType]");
  });
});

test('the README\'s example of the typed options synthesizes on a RabbitMQ 4.2 broker', () => {
  const { stack, broker: b } = broker();
  const upstreamCredentials = secretsmanager.Secret.fromSecretNameV2(stack, 'Upstream', 'upstream');
  const billing = b.addVirtualHost('billing', {
    description: 'Invoices',
    tags: ['team-billing'],
    defaultQueueType: RabbitMqQueueType.QUORUM,
    limits: { maxConnections: 200, maxQueues: 50 },
  });
  const biller = billing.addUser('biller', {
    tags: [RabbitMqUserTag.MANAGEMENT],
    limits: { maxConnections: 10, maxChannels: 100 },
    permissions: { configure: '^billing\\.', write: '^billing\\.', read: '^billing\\.' },
  });
  billing.addExchange('billing.events', { type: RabbitMqExchangeType.TOPIC });
  billing.grantTopic(biller, { exchange: 'billing.events', write: '^invoice\\.', read: '.*' });
  billing.addExchange('billing.partitions', { type: RabbitMqExchangeType.CONSISTENT_HASH });
  billing.addQueue('billing.p1');
  billing.addBinding({ source: 'billing.partitions', destinationQueue: 'billing.p1', routingKey: '1' });
  billing.addShovel('replay', {
    source: { queue: 'billing.p1' },
    destination: { protocol: RabbitMqShovelProtocol.LOCAL, queue: 'billing.replayed' },
    prefetchCount: 100,
    deleteAfter: RabbitMqShovelDeleteAfter.QUEUE_LENGTH,
    addForwardHeaders: true,
  });
  billing.addFederationUpstream('eu', {
    uri: 'amqps://b-5678.mq.eu-west-1.amazonaws.com:5671/billing',
    credentials: upstreamCredentials,
    expires: Duration.hours(1),
    messageTtl: Duration.minutes(30),
    maxHops: 1,
    ackMode: RabbitMqAckMode.ON_CONFIRM,
    queueType: RabbitMqQueueType.QUORUM,
  });
  expect(() => App.of(stack)!.synth()).not.toThrow();
  expect(Object.keys(objects(stack))).toHaveLength(14);
});
