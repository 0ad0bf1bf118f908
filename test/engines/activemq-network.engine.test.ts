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

/**
 * Subscribes on `consumerSide`, sends one message on `producerSide`, and returns what the subscriber received within
 * 3 seconds (demand crosses the bridge as an advisory first, hence the pause before sending).
 */
async function forward(producerSide: ActiveMqEngine, consumerSide: ActiveMqEngine, queue: string, body: string): Promise<string[]> {
  const consumer = await client(consumerSide);
  const producer = await client(producerSide);
  try {
    await consumer.request('SUBSCRIBE', { id: queue, destination: `/queue/${queue}`, ack: 'auto' });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await producer.request('SEND', { destination: `/queue/${queue}` }, body);
    return (await consumer.drain(queue, 3000)).map((f) => f.body);
  } finally {
    consumer.close();
    producer.close();
  }
}

test('a message sent on the spoke is consumed on the hub', async () => {
  expect(await forward(spoke!, hub!, 'orders.in', 'order 1')).toEqual(['order 1']);
});

test('the connection is duplex: a message sent on the hub is consumed on the spoke', async () => {
  expect(await forward(hub!, spoke!, 'invoices.in', 'invoice 1')).toEqual(['invoice 1']);
});

test('an excluded destination is not forwarded: the message stays on the spoke', async () => {
  expect(await forward(spoke!, hub!, 'audit.log', 'audit 1')).toEqual([]);
  const local = await client(spoke!);
  try {
    await local.request('SUBSCRIBE', { id: 'audit-local', destination: '/queue/audit.log', ack: 'auto' });
    expect(await local.bodies('audit-local', 1)).toEqual(['audit 1']);
  } finally {
    local.close();
  }
});
