/**
 * Typed parity with the messaging topology operator and the Terraform provider (issue 19, item 3), on real RabbitMQ
 * 4.0.5 with Amazon MQ's defaults and Amazon MQ's plugin set (amazon-mq-defaults.ts), 127.0.0.1 only: a synthesized
 * stack's objects are applied by the real handler, each is read back from the management API, and what it promises is
 * proven with amqplib: virtual host metadata and limits, user tags and limits, a topic permission refusing a routing
 * key, a shovel moving N messages and deleting itself (and one over AMQP 1.0), federation upstream parameters reaching
 * the upstream queue, a consistent hash exchange routing. Then where the rules come from: what the engine does with
 * what they refuse (a local shovel, a topic permission on a direct exchange).
 */
import * as amqp from 'amqplib';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AMAZON_MQ_PLUGINS } from './amazon-mq-defaults';
import { eventually, managementGet, ManagementObject, objectsOf, TemplateResource } from './management-objects';
import { RabbitMqEngine } from './rabbitmq-engine';
import {
  RabbitMqAckMode, RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqExchangeType, RabbitMqPolicyApplyTo, RabbitMqQueueType,
  RabbitMqShovelDeleteAfter, RabbitMqShovelProtocol, RabbitMqUserTag, RabbitMqVirtualHost,
} from '../../src';
import { ManagementEvent, ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';

jest.setTimeout(300_000);

const APP_PASSWORD = 'Parity-App-Passw0rd';
const VHOST = 'parity';
const QUEUES = ['parity.topic.in', 'parity.shovel.src', 'parity.shovel.dst', 'parity.amqp10.src', 'parity.amqp10.dst', 'parity.hash.a', 'parity.hash.b'];
/** Room for the queues above and one declared by a client without a type: the next one is refused. */
const MAX_QUEUES = QUEUES.length + 1;
const MOVED = 3;

function newStack(): { stack: Stack; broker: RabbitMqBroker } {
  const stack = new Stack(new App(), 'Parity', { env: { account: '123456789012', region: 'eu-west-1' } });
  const broker = new RabbitMqBroker(stack, 'Broker', {
    vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 }),
    brokerName: 'parity',
    engineVersion: RabbitMqEngineVersion.V4_2,
    deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
  });
  return { stack, broker };
}

/** The app under test: what a user writes. The engine's AMQP port is known once it runs (AMQP 1.0 and federation URIs). */
function declare(amqpPort: number) {
  const { stack, broker } = newStack();
  // RabbitMQ's loopback guest, for the ends that connect over the network.
  const loopback = secretsmanager.Secret.fromSecretNameV2(stack, 'Loopback', 'loopback-user');
  const vhost = broker.addVirtualHost(VHOST, {
    description: 'Parity checks',
    tags: ['team-a', 'orders'],
    defaultQueueType: RabbitMqQueueType.CLASSIC,
    tracing: true,
    limits: { maxConnections: 40, maxQueues: MAX_QUEUES },
  });
  const user = vhost.addUser('parity-app', {
    tags: [RabbitMqUserTag.MANAGEMENT],
    limits: { maxConnections: 4, maxChannels: 2 },
    permissions: { configure: '.*', write: '.*', read: '.*' },
  });
  QUEUES.forEach((q) => vhost.addQueue(q, { type: RabbitMqQueueType.CLASSIC }));

  vhost.addExchange('parity.topic', { type: RabbitMqExchangeType.TOPIC });
  vhost.addBinding({ source: 'parity.topic', destinationQueue: 'parity.topic.in', routingKey: '#' });
  vhost.grantTopic(user, { exchange: 'parity.topic', write: '^allowed\\.', read: '.*' });

  vhost.addShovel('parity-move', {
    source: { queue: 'parity.shovel.src' },
    destination: { queue: 'parity.shovel.dst' },
    prefetchCount: 5,
    reconnectDelay: Duration.seconds(2),
    deleteAfter: RabbitMqShovelDeleteAfter.messages(MOVED),
    addForwardHeaders: true,
    addTimestampHeader: true,
  });
  vhost.addShovel('parity-amqp10', {
    source: {
      protocol: RabbitMqShovelProtocol.AMQP10,
      uri: `amqp://127.0.0.1:${amqpPort}/?hostname=vhost:${VHOST}`,
      credentials: loopback,
      address: '/queues/parity.amqp10.src',
    },
    destination: { queue: 'parity.amqp10.dst' },
  });

  // The upstream's virtual host is '/' (without one in the URI, the link connects to this one's name there).
  vhost.addFederationUpstream('parity-up', {
    uri: `amqp://127.0.0.1:${amqpPort}/%2F`,
    credentials: loopback,
    exchange: 'amq.topic',
    prefetchCount: 50,
    reconnectDelay: Duration.seconds(3),
    ackMode: RabbitMqAckMode.ON_PUBLISH,
    trustUserId: true,
    expires: Duration.hours(1),
    messageTtl: Duration.minutes(10),
    maxHops: 2,
    queueType: RabbitMqQueueType.QUORUM,
    settings: { 'consumer-tag': 'parity-link' },
  });
  vhost.addExchange('parity.fed', { type: RabbitMqExchangeType.TOPIC });
  vhost.addPolicy('parity-federate', { pattern: '^parity\\.fed$', definition: { 'federation-upstream': 'parity-up' }, applyTo: RabbitMqPolicyApplyTo.EXCHANGES });

  vhost.addExchange('parity.hash', { type: RabbitMqExchangeType.CONSISTENT_HASH });
  vhost.addBinding({ source: 'parity.hash', destinationQueue: 'parity.hash.a', routingKey: '1' });
  vhost.addBinding({ source: 'parity.hash', destinationQueue: 'parity.hash.b', routingKey: '1' });
  vhost.addExchange('parity.jms', { type: RabbitMqExchangeType.JMS_TOPIC });
  return { stack, user };
}

let engine: RabbitMqEngine;
let objects: ManagementObject[];
let userSecretKey: string;

async function apply(type: ManagementEvent['RequestType'], props: ManagementProperties) {
  return onEvent({ RequestType: type, ResourceProperties: props, PhysicalResourceId: type === 'Create' ? undefined : props.Path }, {
    secret: async (arn) => arn === userSecretKey ? { username: 'parity-app', password: APP_PASSWORD } : { username: 'guest', password: 'guest' },
    sleep: async () => {},
  });
}

const api = <T>(path: string) => managementGet<T>(engine.managementPort, path);


const find = (kind: string, path: string) => objects.find((o) => o.props.Kind === kind && decodeURIComponent(o.props.Path) === path)!.props;

/** A connection of the app's user to the virtual host, closed after `use`. */
async function asUser<T>(use: (connection: amqp.ChannelModel) => Promise<T>): Promise<T> {
  const connection = await amqp.connect(`amqp://parity-app:${APP_PASSWORD}@127.0.0.1:${engine.amqpPort}/${VHOST}`);
  connection.on('error', () => {});
  try {
    return await use(connection);
  } finally {
    await connection.close().catch(() => {});
  }
}

/** How many messages a queue holds now (queue.declare passive; the management statistics lag). */
const depth = (channel: amqp.Channel, queue: string) => channel.checkQueue(queue).then((q) => q.messageCount);

beforeAll(async () => {
  engine = await RabbitMqEngine.start('', AMAZON_MQ_PLUGINS);
  const { stack, user } = declare(engine.amqpPort);
  userSecretKey = JSON.stringify(stack.resolve((user.secret as secretsmanager.Secret).secretArn));
  const template = stack.resolve(App.of(stack)!.synth().getStackByName('Parity').template) as { Resources: Record<string, TemplateResource> };
  objects = objectsOf(template, `http://127.0.0.1:${engine.managementPort}`);
  for (const { props } of objects) {
    await apply('Create', props);
  }
});
afterAll(async () => engine?.stop());

test('the stack declares its limits, user limits and topic permissions as objects of their own', () => {
  expect(objects.map((o) => `${o.props.Kind} ${decodeURIComponent(o.props.Path)}`)).toEqual(expect.arrayContaining([
    'virtual host limit /api/vhost-limits/parity/max-connections', 'virtual host limit /api/vhost-limits/parity/max-queues',
    'user limit /api/user-limits/parity-app/max-connections', 'user limit /api/user-limits/parity-app/max-channels',
    'topic permissions /api/topic-permissions/parity/parity-app/parity.topic',
  ]));
  expect(JSON.stringify(objects)).not.toContain(APP_PASSWORD);
});

describe('virtual host: description, tags, default queue type, tracing, limits', () => {
  test('RabbitMQ reports the metadata and the limits back as declared', async () => {
    expect((await api('/api/vhosts/parity')).body).toMatchObject({
      description: 'Parity checks', tags: ['team-a', 'orders'], default_queue_type: 'classic', tracing: true,
    });
    expect((await api('/api/vhost-limits/parity')).body).toEqual([{ vhost: VHOST, value: { 'max-connections': 40, 'max-queues': MAX_QUEUES } }]);
  });

  test('a queue declared without a type is classic, and the one beyond maxQueues is refused', async () => {
    await asUser(async (connection) => {
      const channel = await connection.createChannel();
      await channel.assertQueue('parity.untyped');
      expect((await api<{ type: string }>('/api/queues/parity/parity.untyped')).body.type).toBe('classic');
      await expect(channel.assertQueue('parity.one-too-many')).rejects.toThrow(`queue limit in vhost 'parity' (${MAX_QUEUES}) is reached`);
    });
  });
});

describe('user: tags, connection and channel limits', () => {
  test('RabbitMQ reports the tags and limits back as declared', async () => {
    expect((await api<{ tags: string[] }>('/api/users/parity-app')).body.tags).toEqual(['management']);
    expect((await api('/api/user-limits/parity-app')).body).toEqual([{ user: 'parity-app', value: { 'max-connections': 4, 'max-channels': 2 } }]);
  });

  test('a third channel is refused (maxChannels 2): RabbitMQ closes the connection', async () => {
    await asUser(async (connection) => {
      const closed = new Promise<Error>((done) => connection.on('error', done));
      await connection.createChannel();
      await connection.createChannel();
      await expect(connection.createChannel()).rejects.toThrow(/Channel ended/);
      // RabbitMQ 4.0.5 names the node where the user belongs in this message.
      expect(String(await closed)).toMatch(/NOT_ALLOWED - number of channels opened for user '[^']+' has reached the maximum allowed user limit of \(2\)/);
    });
  });
});

describe('topic permissions', () => {
  test('RabbitMQ reports them back, and refuses a publish with a routing key they do not allow', async () => {
    expect((await api('/api/topic-permissions/parity/parity-app')).body)
      .toEqual([{ user: 'parity-app', vhost: VHOST, exchange: 'parity.topic', write: '^allowed\\.', read: '.*' }]);
    await asUser(async (connection) => {
      const channel = await connection.createConfirmChannel();
      channel.publish('parity.topic', 'allowed.order', Buffer.from('allowed'));
      await channel.waitForConfirms();
      expect(await depth(channel, 'parity.topic.in')).toBe(1);
      const closed = new Promise<Error>((done) => channel.on('error', done));
      channel.publish('parity.topic', 'denied.order', Buffer.from('denied'));
      expect(String(await closed)).toMatch(/ACCESS_REFUSED.*write access to topic 'denied.order' in exchange 'parity.topic'/);
    });
  });

  test('on a direct exchange RabbitMQ stores them and checks nothing: why RabbitMqTopicPermissions wants a topic exchange', async () => {
    const props = find('topic permissions', '/api/topic-permissions/parity/parity-app/parity.topic');
    await apply('Create', { ...props, Path: '/api/topic-permissions/parity/parity-app/amq.direct', Body: JSON.stringify({ exchange: 'amq.direct', write: '^$', read: '^$' }) });
    expect((await api<Array<{ exchange: string }>>('/api/topic-permissions/parity/parity-app')).body.map((p) => p.exchange).sort()).toEqual(['amq.direct', 'parity.topic']);
    await asUser(async (connection) => {
      const channel = await connection.createConfirmChannel();
      channel.publish('amq.direct', 'parity.topic.in', Buffer.from('not checked'));
      await channel.waitForConfirms();
    });
    await apply('Delete', { ...props, Path: '/api/topic-permissions/parity/parity-app/amq.direct' });
  });
});

describe('shovels: prefetch, reconnect delay, delete-after, headers, AMQP 1.0', () => {
  test('RabbitMQ reports the shovel\'s parameters back as declared', async () => {
    expect((await api<{ value: object }>('/api/parameters/shovel/parity/parity-move')).body.value).toEqual({
      'src-uri': 'amqp:///parity',
      'src-queue': 'parity.shovel.src',
      'dest-uri': 'amqp:///parity',
      'dest-queue': 'parity.shovel.dst',
      'ack-mode': 'on-confirm',
      'src-prefetch-count': 5,
      'src-delete-after': MOVED,
      'reconnect-delay': 2,
      'dest-add-forward-headers': true,
      'dest-add-timestamp-header': true,
    });
  });

  test(`the shovel moves ${MOVED} messages with its headers, then deletes itself`, async () => {
    await eventually(() => api<Array<{ name: string; state: string }>>('/api/shovels/parity'), (r) => r.body?.some((s) => s.name === 'parity-move' && s.state === 'running'), 'the shovel to run');
    await asUser(async (connection) => {
      const channel = await connection.createConfirmChannel();
      for (let i = 1; i <= 5; i++) {
        channel.sendToQueue('parity.shovel.src', Buffer.from(`move ${i}`));
      }
      await channel.waitForConfirms();
      await eventually(() => api('/api/parameters/shovel/parity/parity-move'), (r) => r.status === 404, 'the shovel to delete itself');
      await eventually(async () => [await depth(channel, 'parity.shovel.dst'), await depth(channel, 'parity.shovel.src')], ([d, s]) => d === MOVED && s === 5 - MOVED, 'the messages to settle');
      const moved = await channel.get('parity.shovel.dst', { noAck: true });
      expect(moved && moved.content.toString()).toBe('move 1');
      const headers = (moved as amqp.GetMessage).properties.headers!;
      expect(headers['x-shovelled']).toEqual([expect.objectContaining({ 'shovel-name': 'parity-move', 'shovel-vhost': VHOST, 'src-queue': 'parity.shovel.src' })]);
      expect(typeof headers['x-shovelled-timestamp']).toBe('number');
    });
  });

  test('an AMQP 1.0 shovel reads its source by address and moves a message', async () => {
    expect((await api<{ value: Record<string, unknown> }>('/api/parameters/shovel/parity/parity-amqp10')).body.value)
      .toMatchObject({ 'src-protocol': 'amqp10', 'src-address': '/queues/parity.amqp10.src', 'dest-queue': 'parity.amqp10.dst' });
    await eventually(() => api<Array<{ name: string; state: string }>>('/api/shovels/parity'), (r) => r.body?.some((s) => s.name === 'parity-amqp10' && s.state === 'running'), 'the AMQP 1.0 shovel to run');
    await asUser(async (connection) => {
      const channel = await connection.createConfirmChannel();
      channel.sendToQueue('parity.amqp10.src', Buffer.from('over AMQP 1.0'));
      await channel.waitForConfirms();
      const message = await eventually(() => channel.get('parity.amqp10.dst', { noAck: true }), (m) => m !== false, 'the message to arrive');
      expect((message as amqp.GetMessage).content.toString()).toBe('over AMQP 1.0');
    });
  });
});

describe('federation upstream parameters', () => {
  test('RabbitMQ reports them back as declared, credentials filled in', async () => {
    expect((await api<{ value: object }>('/api/parameters/federation-upstream/parity/parity-up')).body.value).toEqual({
      'consumer-tag': 'parity-link',
      'exchange': 'amq.topic',
      'prefetch-count': 50,
      'reconnect-delay': 3,
      'ack-mode': 'on-publish',
      'trust-user-id': true,
      'expires': 3_600_000,
      'message-ttl': 600_000,
      'max-hops': 2,
      'queue-type': 'quorum',
      'uri': `amqp://guest:guest@127.0.0.1:${engine.amqpPort}/%2F`,
    });
  });

  test('the link runs, and its upstream queue has the expiry, TTL and type given', async () => {
    await eventually(() => api<Array<{ upstream: string; status: string }>>('/api/federation-links/parity'), (r) => r.body?.some((l) => l.upstream === 'parity-up' && l.status === 'running'), 'the link to run');
    const queues = await eventually(() => api<Array<{ name: string; type: string; arguments: Record<string, unknown> }>>('/api/queues/%2F'),
      (r) => r.body?.some((q) => q.arguments['x-internal-purpose'] === 'federation'), 'the upstream queue');
    expect(queues.body.find((q) => q.arguments['x-internal-purpose'] === 'federation')).toMatchObject({
      type: 'quorum', arguments: { 'x-expires': 3_600_000, 'x-message-ttl': 600_000, 'x-queue-type': 'quorum' },
    });
  });
});

describe('exchange types beyond the four', () => {
  test('the engine, with Amazon MQ\'s plugins, has the library\'s types and x-local-random, which Amazon MQ does not support', async () => {
    const types = (await api<{ exchange_types: Array<{ name: string }> }>('/api/overview')).body.exchange_types.map((t) => t.name)
      .filter((t) => t !== 'x-federation-upstream'); // the federation plugin's own, internal
    expect(types.sort()).toEqual([...Object.values(RabbitMqExchangeType), 'x-local-random'].sort());
    expect((await api<{ type: string }>('/api/exchanges/parity/parity.jms')).body.type).toBe('x-jms-topic');
  });

  test('a consistent hash exchange spreads routing keys over its queues, and one key always to the same queue', async () => {
    await asUser(async (connection) => {
      const channel = await connection.createConfirmChannel();
      for (let i = 0; i < 200; i++) {
        channel.publish('parity.hash', `order-${i}`, Buffer.from(String(i)));
      }
      await channel.waitForConfirms();
      const spread = [await depth(channel, 'parity.hash.a'), await depth(channel, 'parity.hash.b')];
      expect(spread[0] + spread[1]).toBe(200);
      expect(Math.min(...spread)).toBeGreaterThan(40);
      for (let i = 0; i < 20; i++) {
        channel.publish('parity.hash', 'order-42', Buffer.from('again'));
      }
      await channel.waitForConfirms();
      const after = [await depth(channel, 'parity.hash.a'), await depth(channel, 'parity.hash.b')];
      expect([after[0] - spread[0], after[1] - spread[1]].sort((a, b) => a - b)).toEqual([0, 20]);
    });
  });
});

describe('where the version rules come from', () => {
  test('a local shovel, which the rules take from RabbitMQ 4.2, is refused by RabbitMQ 4.0.5; the rules refuse it for a 4.0 broker', async () => {
    const { stack, broker } = newStack();
    broker.addVirtualHost(VHOST).addShovel('parity-local', {
      source: { protocol: RabbitMqShovelProtocol.LOCAL, queue: 'parity.shovel.src' }, destination: { queue: 'parity.shovel.dst' },
    });
    const template = stack.resolve(App.of(stack)!.synth().getStackByName('Parity').template) as { Resources: Record<string, TemplateResource> };
    const shovel = objectsOf(template, `http://127.0.0.1:${engine.managementPort}`).find((o) => o.props.Kind === 'shovel')!.props;
    await expect(apply('Create', shovel)).rejects.toThrow(/shovel \/api\/parameters\/shovel\/parity\/parity-local: RabbitMQ answered 500/);
    expect((await api('/api/parameters/shovel/parity/parity-local')).status).toBe(404);

    const imported = new Stack(new App(), 'Imported', { env: { account: '123456789012', region: 'eu-west-1' } });
    const adminSecret = secretsmanager.Secret.fromSecretNameV2(imported, 'Admin', 'admin');
    const engineBroker = RabbitMqBroker.fromBrokerAttributes(imported, 'Engine', {
      brokerArn: 'arn:aws:mq:eu-west-1:123456789012:broker:parity:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9', adminSecret, engineVersion: '4.0',
    });
    const vhost = new RabbitMqVirtualHost(imported, 'Vhost', { broker: engineBroker, name: VHOST });
    expect(() => vhost.addShovel('parity-local', { source: { protocol: RabbitMqShovelProtocol.LOCAL, queue: 'a' }, destination: { queue: 'b' } }))
      .toThrow(/source.protocol 'local' is not allowed with engineVersion '4.0'.*\[RabbitMqShovelSettings\]/);
  });
});

describe('deletes', () => {
  test('removing the objects removes the limits, user limits and topic permissions; the retained queues keep the virtual host', async () => {
    for (const { props } of [...objects].reverse()) {
      await apply('Delete', props);
    }
    expect((await api('/api/vhost-limits/parity')).body).toEqual([]);
    expect((await api('/api/users/parity-app')).status).toBe(404);
    expect((await api('/api/topic-permissions/parity/parity-app')).status).toBe(404);
    expect((await api('/api/parameters/federation-upstream/parity/parity-up')).status).toBe(404);
    expect((await api('/api/parameters/shovel/parity/parity-amqp10')).status).toBe(404);
    expect((await api('/api/vhosts/parity')).status).toBe(200);
    // A second delete (a retried stack delete) finds nothing left to do, the self-deleted shovel included.
    for (const { props } of [...objects].reverse()) {
      await apply('Delete', props);
    }
  });
});
