/**
 * A network of brokers on real ActiveMQ (Debian's 5.17): two local brokers booted with the configurations
 * ActiveMqNetworkOfBrokers renders for a hub and a spoke. Substituted for the local run, as Amazon MQ does itself:
 * the hub's OpenWire endpoints by its local port (plain TCP), and the network connector's password, which Amazon MQ
 * fills in from the broker's user of the connector's userName.
 */
import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ActiveMqEngine, EngineUser } from './activemq-engine';
import { StompClient } from './stomp-client';
import {
  ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqDestination, ActiveMqEngineVersion, ActiveMqNetworkOfBrokers, ActiveMqNetworkTopology,
} from '../../src';
import { xmllint } from '../util/xmllint';

jest.setTimeout(180_000);

const NETWORK_PASSWORD = 'network-secret-123';
const USERS: EngineUser[] = [
  { username: 'network', password: NETWORK_PASSWORD, groups: ['network'] },
  { username: 'app', password: 'app-secret-123', groups: ['app'] },
];

let hub: ActiveMqEngine | undefined;
let spoke: ActiveMqEngine | undefined;

beforeAll(async () => {
  const stack = new Stack(undefined, 'Network', { env: { account: '123456789012', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  const hubBroker = new ActiveMqBroker(stack, 'Hub', {
    vpc, brokerName: 'hub', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
  });
  const spokeBroker = new ActiveMqBroker(stack, 'Spoke', {
    vpc, brokerName: 'spoke', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE,
  });
  const network = new ActiveMqNetworkOfBrokers(stack, 'Network', {
    brokers: [hubBroker, spokeBroker], topology: ActiveMqNetworkTopology.hubAndSpoke(hubBroker), excludedDestinations: [ActiveMqDestination.queue('audit.>')],
  });
  expect(network.configurationOf(hubBroker)).toBeUndefined();
  const rendered = network.configurationOf(spokeBroker)!.renderXml();

  hub = await ActiveMqEngine.start('<broker xmlns="http://activemq.apache.org/schema/core"/>', USERS, 'hub');
  // The hub pair's two endpoints (masterslave:) both point at the local hub: one instance stands for the pair.
  const endpoints = rendered.replace(/\$\{Token\[[^\]]+\]\}/g, `tcp://127.0.0.1:${hub.openwirePort}`);
  expect(endpoints).toContain(`uri="masterslave:(tcp://127.0.0.1:${hub.openwirePort},tcp://127.0.0.1:${hub.openwirePort})"`);
  // What Amazon MQ gets passes its own XSD; the password is Amazon MQ's addition.
  expect(xmllint(endpoints, '5.19')).toEqual([]);
  const local = endpoints.replace('userName="network"', `userName="network" password="${NETWORK_PASSWORD}"`);
  spoke = await ActiveMqEngine.start(local, USERS, 'spoke');
  await spoke.waitForLog(/Network connection between .* has been established/, 60_000);
});

afterAll(async () => {
  await spoke?.stop();
  await hub?.stop();
});

async function client(engine: ActiveMqEngine): Promise<StompClient> {
  return StompClient.connect(engine.stompPort, 'app', 'app-secret-123');
}

test('a message sent on the spoke is consumed on the hub', async () => {
  const consumer = await client(hub!);
  const producer = await client(spoke!);
  try {
    await consumer.request('SUBSCRIBE', { id: 'orders', destination: '/queue/orders.in', ack: 'auto' });
    // Demand crosses the bridge as an advisory: give the spoke a moment to see the hub's consumer.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await producer.request('SEND', { destination: '/queue/orders.in' }, 'order 1');
    expect(await consumer.bodies('orders', 1)).toEqual(['order 1']);
  } finally {
    consumer.close();
    producer.close();
  }
});

test('the connection is duplex: a message sent on the hub is consumed on the spoke', async () => {
  const consumer = await client(spoke!);
  const producer = await client(hub!);
  try {
    await consumer.request('SUBSCRIBE', { id: 'invoices', destination: '/queue/invoices.in', ack: 'auto' });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await producer.request('SEND', { destination: '/queue/invoices.in' }, 'invoice 1');
    expect(await consumer.bodies('invoices', 1)).toEqual(['invoice 1']);
  } finally {
    consumer.close();
    producer.close();
  }
});

test('an excluded destination is not forwarded: the message stays on the spoke', async () => {
  const remote = await client(hub!);
  const producer = await client(spoke!);
  try {
    await remote.request('SUBSCRIBE', { id: 'audit', destination: '/queue/audit.log', ack: 'auto' });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await producer.request('SEND', { destination: '/queue/audit.log' }, 'audit 1');
    expect(await remote.drain('audit', 3000)).toEqual([]);
  } finally {
    remote.close();
  }
  const local = await client(spoke!);
  try {
    await local.request('SUBSCRIBE', { id: 'audit-local', destination: '/queue/audit.log', ack: 'auto' });
    expect(await local.bodies('audit-local', 1)).toEqual(['audit 1']);
  } finally {
    local.close();
    producer.close();
  }
});
