/**
 * The queue metrics collector's handler against real RabbitMQ 4.0.5 with Amazon MQ's defaults: messages published
 * and one consumer attached, then the data it would put to CloudWatch are asserted (CloudWatch is the only fake).
 */
import * as amqp from 'amqplib';
import { RabbitMqEngine } from './rabbitmq-engine';
import { collectQueueMetrics, QueueMetricDatum } from '../../src/rabbitmq/monitoring/queue-metrics-handler';

jest.setTimeout(180_000);

let engine: RabbitMqEngine;
let connection: amqp.ChannelModel;

beforeAll(async () => {
  engine = await RabbitMqEngine.start('', ['rabbitmq_management']);
  connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${engine.amqpPort}/%2F`);
  const channel = await connection.createConfirmChannel();
  // Quorum by default on Amazon MQ's RabbitMQ 4 (the engine's default queue type here too).
  await channel.assertQueue('jobs', { durable: true });
  await channel.assertQueue('idle', { durable: true });
  for (let i = 0; i < 5; i++) {
    channel.sendToQueue('jobs', Buffer.from(`job ${i}`), { persistent: true });
  }
  await channel.waitForConfirms();
  // One consumer holding two unacknowledged messages.
  await channel.prefetch(2);
  await channel.consume('jobs', () => undefined, { noAck: false });
});
afterAll(async () => {
  await connection?.close();
  await engine?.stop();
});

async function collect(queues?: string[]): Promise<QueueMetricDatum[]> {
  const published: QueueMetricDatum[] = [];
  const config = { endpoint: `http://127.0.0.1:${engine.managementPort}`, adminSecretArn: 'arn:admin', brokerName: 'jobs-broker', namespace: 'CdkAmazonMq/RabbitMQ', queues };
  // The management statistics lag the broker by a few seconds: read until the counts settle.
  const deadline = Date.now() + 30_000;
  for (;;) {
    published.length = 0;
    await collectQueueMetrics(config, {
      secret: async () => ({ username: 'guest', password: 'guest' }),
      putMetricData: async (_namespace, data) => { published.push(...data); },
    });
    const value = (name: string) => published.find((d) => d.MetricName === name && d.Dimensions[2].Value === 'jobs')?.Value;
    if ((value('MessageCount') === 5 && value('MessageUnacknowledgedCount') === 2) || Date.now() > deadline) {
      return [...published];
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

test('it publishes each queue\'s counts with Broker, VirtualHost and Queue', async () => {
  const data = await collect();
  const of = (queue: string) => Object.fromEntries(data.filter((d) => d.Dimensions[2].Value === queue).map((d) => [d.MetricName, d.Value]));
  expect(of('jobs')).toEqual({ MessageCount: 5, MessageReadyCount: 3, MessageUnacknowledgedCount: 2, ConsumerCount: 1 });
  expect(of('idle')).toEqual({ MessageCount: 0, MessageReadyCount: 0, MessageUnacknowledgedCount: 0, ConsumerCount: 0 });
  expect(data[0].Dimensions).toEqual([{ Name: 'Broker', Value: 'jobs-broker' }, { Name: 'VirtualHost', Value: '/' }, { Name: 'Queue', Value: data[0].Dimensions[2].Value }]);
  expect(data.every((d) => d.Unit === 'Count')).toBe(true);
});

test('with a queue list it publishes only those queues', async () => {
  const data = await collect(['//jobs']);
  expect([...new Set(data.map((d) => d.Dimensions[2].Value))]).toEqual(['jobs']);
});

test('a refused admin fails the run with the status, not a silent zero', async () => {
  await expect(collectQueueMetrics({ endpoint: `http://127.0.0.1:${engine.managementPort}`, adminSecretArn: 'x', brokerName: 'b', namespace: 'n' }, {
    secret: async () => ({ username: 'guest', password: 'wrong' }),
    putMetricData: async () => undefined,
  })).rejects.toThrow('GET /api/queues answered 401');
});
