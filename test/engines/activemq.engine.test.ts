/**
 * Real ActiveMQ (Debian's 5.17 package) booted with configurations this library renders: proves the elements and
 * attributes we emit are ones ActiveMQ understands, and that they behave as configured. scripts/test.sh installs
 * the package; without it these tests fail, they are never skipped.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { ActiveMqEngine, EngineUser } from './activemq-engine';
import { StompClient } from './stomp-client';
import {
  ActiveMqConfiguration, ActiveMqConfigurationData, ActiveMqConfigurationModel, ActiveMqDeadLetterStrategy, ActiveMqDestination,
  ActiveMqEngineVersion, ActiveMqVirtualDestination,
} from '../../src';
import { KITCHEN_SINK } from '../activemq/configuration/kitchen-sink';
import { xmllint } from '../util/xmllint';

jest.setTimeout(120_000);

/** Renders a model exactly as the construct sends it to Amazon MQ, after our synth-time checks. */
function render(model: ActiveMqConfigurationModel): string {
  const xml = new ActiveMqConfiguration(new Stack(), 'Config', {
    engineVersion: ActiveMqEngineVersion.of('5.17'),
    data: ActiveMqConfigurationData.fromModel(model),
  }).renderXml();
  expect(xmllint(xml, '5.17')).toEqual([]);
  return xml;
}

const USERS: EngineUser[] = [
  { username: 'admin', password: 'admin-secret-1', groups: ['admins'] },
  { username: 'app', password: 'app-secret-123', groups: ['app'] },
  { username: 'intruder', password: 'intruder-secret', groups: ['guests'] },
];

/** A realistic order-processing broker: least-privilege authorization, a fan-out queue, broker-side redelivery. */
const ORDERS: ActiveMqConfigurationModel = {
  authorizationEntries: [
    { destination: ActiveMqDestination.allQueues(), read: ['admins'], write: ['admins'], admin: ['admins'] },
    { destination: ActiveMqDestination.allTopics(), read: ['admins'], write: ['admins'], admin: ['admins'] },
    { destination: ActiveMqDestination.queue('orders.>'), read: ['app'], write: ['app'], admin: ['app'] },
    { destination: ActiveMqDestination.queue('Consumer.*.VirtualTopic.>'), read: ['app'], write: ['app'], admin: ['app'] },
    { destination: ActiveMqDestination.topic('VirtualTopic.>'), read: ['app'], write: ['app'], admin: ['app'] },
    { destination: ActiveMqDestination.queue('DLQ.>'), read: ['app'], write: ['app'], admin: ['app'] },
    { destination: ActiveMqDestination.advisoryTopics(), read: ['app', 'admins'], write: ['app', 'admins'], admin: ['app', 'admins'] },
  ],
  policyEntries: [
    { destination: ActiveMqDestination.queue('orders.>'), deadLetterStrategy: ActiveMqDeadLetterStrategy.individual({ queuePrefix: 'DLQ.', useQueueForQueueMessages: true }) },
  ],
  redelivery: {
    sendToDlqIfMaxRetriesExceeded: true,
    defaultPolicy: { maximumRedeliveries: 2, initialRedeliveryDelay: Duration.seconds(1), redeliveryDelay: Duration.seconds(1) },
  },
  virtualDestinations: [
    ActiveMqVirtualDestination.virtualTopic({ name: 'VirtualTopic.>', prefix: 'Consumer.*.' }),
    ActiveMqVirtualDestination.compositeQueue({
      name: 'orders.incoming',
      forwardTo: [ActiveMqDestination.queue('orders.audit'), ActiveMqDestination.queue('orders.process')],
      filteredForwardTo: [{ destination: ActiveMqDestination.queue('orders.eu'), selector: "region = 'EU'" }],
    }),
  ],
};

describe('ActiveMQ 5.17 running the orders configuration', () => {
  let engine: ActiveMqEngine;
  const clients: StompClient[] = [];
  const connect = async (user: EngineUser) => {
    const client = await StompClient.connect(engine.stompPort, user.username, user.password);
    clients.push(client);
    return client;
  };
  const subscribe = async (client: StompClient, destination: string, id: string, ack = 'auto') => client.request('SUBSCRIBE', { destination, id, ack });

  beforeAll(async () => {
    engine = await ActiveMqEngine.start(render(ORDERS), USERS);
  });
  // Consumers left connected would compete for the next test's messages.
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => engine?.stop());

  test('a user in the permitted group sends to and receives from a queue', async () => {
    const app = await connect(USERS[1]);
    await subscribe(app, '/queue/orders.process', 'process');
    await app.request('SEND', { destination: '/queue/orders.process' }, 'order-1');
    expect((await app.next((f) => f.command === 'MESSAGE')).body).toBe('order-1');
  });

  test('a user outside the group is refused, to write and to read', async () => {
    await expect((await connect(USERS[2])).request('SEND', { destination: '/queue/orders.process' }, 'x'))
      .rejects.toThrow('User intruder is not authorized to write to: queue://orders.process');
    await expect((await connect(USERS[2])).request('SUBSCRIBE', { destination: '/queue/orders.process', id: 's' }))
      .rejects.toThrow('User intruder is not authorized to read from: queue://orders.process');
  });

  test('a wrong password is refused', async () => {
    await expect(StompClient.connect(engine.stompPort, 'app', 'wrong')).rejects.toThrow('User name [app] or password is invalid.');
  });

  test('the composite queue copies to every target, and to the filtered one only what its selector matches', async () => {
    const app = await connect(USERS[1]);
    for (const q of ['audit', 'process', 'eu']) {
      await subscribe(app, `/queue/orders.${q}`, q);
    }
    await app.request('SEND', { destination: '/queue/orders.incoming', region: 'EU' }, 'eu-order');
    await app.request('SEND', { destination: '/queue/orders.incoming', region: 'US' }, 'us-order');
    expect(await app.bodies('audit', 2)).toEqual(['eu-order', 'us-order']);
    expect(await app.bodies('process', 2)).toEqual(['eu-order', 'us-order']);
    expect(await app.bodies('eu', 1)).toEqual(['eu-order']);
  });

  test('the virtual topic gives each consumer group its own queue copy', async () => {
    const app = await connect(USERS[1]);
    await subscribe(app, '/queue/Consumer.billing.VirtualTopic.orders', 'billing');
    await subscribe(app, '/queue/Consumer.shipping.VirtualTopic.orders', 'shipping');
    await app.request('SEND', { destination: '/topic/VirtualTopic.orders' }, 'placed');
    expect(await app.bodies('billing', 1)).toEqual(['placed']);
    expect(await app.bodies('shipping', 1)).toEqual(['placed']);
  });

  test('a rejected message is redelivered by the broker as the policy says (2 times), then dead-lettered to DLQ.<queue>', async () => {
    const app = await connect(USERS[1]);
    await subscribe(app, '/queue/orders.retry', 'retry', 'client-individual');
    await app.request('SEND', { destination: '/queue/orders.retry', persistent: 'true' }, 'poison');
    // The first delivery and the policy's 2 redeliveries (1 s apart), each rejected...
    for (let delivery = 1; delivery <= 3; delivery++) {
      const frame = await app.next((f) => f.command === 'MESSAGE' && f.headers.subscription === 'retry', 20_000);
      expect(frame.body).toBe('poison');
      app.send('NACK', { id: frame.headers.ack });
    }
    // ...and no fourth.
    expect(await app.drain('retry', 4_000)).toEqual([]);
    const reader = await connect(USERS[1]);
    await subscribe(reader, '/queue/DLQ.orders.retry', 'dlq');
    expect((await reader.next((f) => f.command === 'MESSAGE')).body).toBe('poison');
  });
});

test('ActiveMQ 5.17 boots with every element and attribute of the typed model (the kitchen sink)', async () => {
  // The network connector points nowhere reachable; it only has to be accepted.
  const engine = await ActiveMqEngine.start(render(KITCHEN_SINK), USERS);
  try {
    const admin = await StompClient.connect(engine.stompPort, 'admin', 'admin-secret-1');
    await admin.request('SEND', { destination: '/queue/smoke' }, 'ok');
    admin.close();
    const log = await engine.waitForLog(/Apache ActiveMQ 5\.17\.\d+ .* started/);
    // Spring/xbean would have refused an unknown element or property; nothing else may complain either.
    expect(log.split('\n').filter((l) => /\bERROR\b/.test(l))).toEqual([]);
  } finally {
    await engine.stop();
  }
});

test('a configuration Amazon MQ would reject never reaches a broker: our validation refuses it at synth', () => {
  const xml = '<broker xmlns="http://activemq.apache.org/schema/core"><plugins><jaasAuthenticationPlugin configuration="activemq"/></plugins></broker>';
  expect(() => new ActiveMqConfiguration(new Stack(), 'Config', { engineVersion: ActiveMqEngineVersion.V5_19, data: ActiveMqConfigurationData.fromXml(xml) }))
    .toThrow('/broker/plugins: element <jaasAuthenticationPlugin> is not allowed here');
});
