import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import {
  ActiveMqBroker, ActiveMqBrokerBase, ActiveMqDeploymentMode, ActiveMqDestination, ActiveMqEngineVersion, IActiveMqBroker, IRabbitMqBroker,
  RabbitMqBroker, RabbitMqBrokerBase, RabbitMqDeploymentMode, RabbitMqEngineVersion,
} from '../../src';
import {
  ACTIVEMQ_BROKER_METRICS, ACTIVEMQ_CONNECTOR_METRICS, ACTIVEMQ_DESTINATION_METRICS, ACTIVEMQ_QUEUE_METRICS,
} from '../../src/activemq/monitoring/activemq-metric-table';
import { RABBITMQ_BROKER_METRICS, RABBITMQ_NODE_METRICS, RABBITMQ_QUEUE_METRICS } from '../../src/rabbitmq/monitoring/rabbitmq-metric-table';
import { stackWithVpc } from '../util/stacks';

// The tables the metric methods read (src/*/monitoring/*-metric-table.ts): the tests below check that every method
// renders its row (name, dimensions, statistic, period) and that every method has a row.
const ACTIVEMQ_BROKER: Record<string, string> = ACTIVEMQ_BROKER_METRICS;
const ACTIVEMQ_DESTINATION: Record<string, string> = ACTIVEMQ_DESTINATION_METRICS;
const RABBITMQ_BROKER: Record<string, string> = RABBITMQ_BROKER_METRICS;
const RABBITMQ_NODE: Record<string, string> = RABBITMQ_NODE_METRICS;
const RABBITMQ_QUEUE: Record<string, string> = RABBITMQ_QUEUE_METRICS;

function activeMq(mode: ActiveMqDeploymentMode): IActiveMqBroker {
  const { stack, vpc } = stackWithVpc();
  return new ActiveMqBroker(stack, 'Broker', { vpc, brokerName: 'orders', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: mode });
}
/** A RabbitMQ 3.13 broker: the last version Amazon MQ publishes per-queue metrics for. */
function rabbitMq(mode: RabbitMqDeploymentMode): IRabbitMqBroker {
  const { stack, vpc } = stackWithVpc();
  return new RabbitMqBroker(stack, 'Broker', { vpc, brokerName: 'events', engineVersion: RabbitMqEngineVersion.V3_13, deploymentMode: mode });
}

/** The metric(s) behind an IMetric: one for a Metric, the instances of a MathExpression. */
function parts(metric: cloudwatch.IMetric): { expression?: string; metrics: cloudwatch.Metric[] } {
  if (metric instanceof cloudwatch.Metric) {
    return { metrics: [metric] };
  }
  const math = metric as cloudwatch.MathExpression;
  return { expression: math.expression, metrics: Object.values(math.usingMetrics) as cloudwatch.Metric[] };
}

function expectMetric(m: cloudwatch.Metric, name: string, dimensions: Record<string, string>, statistic: string) {
  expect({ namespace: m.namespace, name: m.metricName, dimensions: m.dimensions, statistic: m.statistic, period: m.period.toSeconds() })
    .toEqual({ namespace: 'AWS/AmazonMQ', name, dimensions, statistic, period: 300 });
}

describe('ActiveMQ', () => {
  const single = activeMq(ActiveMqDeploymentMode.SINGLE_INSTANCE);
  const pair = activeMq(ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ);
  const queue = ActiveMqDestination.queue('orders.in');
  const topic = ActiveMqDestination.topic('prices');
  const call = (b: IActiveMqBroker, name: string, ...args: unknown[]) => (b as unknown as Record<string, (...a: unknown[]) => cloudwatch.IMetric>)[`metric${name}`](...args);

  test.each(Object.entries(ACTIVEMQ_BROKER))('metric%s: Broker <name>-1 on a single instance', (name, stat) => {
    const { expression, metrics } = parts(call(single, name));
    expect(expression).toBeUndefined();
    expectMetric(metrics[0], name, { Broker: 'orders-1' }, stat);
  });

  test.each(Object.entries(ACTIVEMQ_BROKER))('metric%s: both instances of an active/standby pair, or one', (name, stat) => {
    const { expression, metrics } = parts(call(pair, name));
    const id = name[0].toLowerCase() + name.slice(1);
    expect(expression).toBe(`${stat === 'Sum' ? 'SUM' : 'MAX'}([${id}_1,${id}_2])`);
    expectMetric(metrics[0], name, { Broker: 'orders-1' }, stat);
    expectMetric(metrics[1], name, { Broker: 'orders-2' }, stat);
    expectMetric(parts(call(pair, name, { instance: 2 })).metrics[0], name, { Broker: 'orders-2' }, stat);
  });

  test.each(Object.entries(ACTIVEMQ_DESTINATION))('metric%s(destination): Broker + Queue or Topic', (name, stat) => {
    expectMetric(parts(call(single, name, queue)).metrics[0], name, { Broker: 'orders-1', Queue: 'orders.in' }, stat);
    expectMetric(parts(call(single, name, topic)).metrics[0], name, { Broker: 'orders-1', Topic: 'prices' }, stat);
    expect(parts(call(pair, name, queue)).metrics.map((m) => m.dimensions)).toEqual([
      { Broker: 'orders-1', Queue: 'orders.in' }, { Broker: 'orders-2', Queue: 'orders.in' },
    ]);
  });

  test('metricQueueSize and metricReceiveCount', () => {
    expectMetric(parts(single.metricQueueSize('orders.in')).metrics[0], 'QueueSize', { Broker: 'orders-1', Queue: 'orders.in' }, 'Maximum');
    expectMetric(parts(single.metricReceiveCount(queue, 'to-hub')).metrics[0], 'ReceiveCount', { Broker: 'orders-1', Queue: 'orders.in', NetworkConnector: 'to-hub' }, 'Sum');
  });

  test('options override the statistic and period', () => {
    const m = parts(single.metricCpuUtilization({ statistic: 'p99', period: Duration.minutes(1) })).metrics[0];
    expect([m.statistic, m.period.toSeconds()]).toEqual(['p99', 60]);
  });

  test('every metric method of the class is in the tables above', () => {
    const methods = Object.getOwnPropertyNames(ActiveMqBrokerBase.prototype).filter((n) => n.startsWith('metric') && n !== 'metricBrokerDimension');
    const tested = [...Object.keys(ACTIVEMQ_BROKER), ...Object.keys(ACTIVEMQ_DESTINATION), ...Object.keys(ACTIVEMQ_QUEUE_METRICS), ...Object.keys(ACTIVEMQ_CONNECTOR_METRICS)].map((n) => `metric${n}`);
    expect(methods.sort()).toEqual(tested.sort());
  });

  test('an imported broker publishes under the name from its ARN, in its mode', () => {
    const imported = ActiveMqBroker.fromBrokerAttributes(new Stack(), 'I', {
      brokerArn: 'arn:aws:mq:us-east-1:123456789012:broker:legacy:b-1234', deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
    });
    expect(parts(imported.metricHeapUsage()).metrics.map((m) => m.dimensions)).toEqual([{ Broker: 'legacy-1' }, { Broker: 'legacy-2' }]);
  });

  test.each<[string, () => unknown, string]>([
    ['an empty queue', () => single.metricQueueSize(' '), "'queue' is empty; allowed: a queue name [MetricDimensionName]"],
    ['an empty topic', () => single.metricConsumerCount(ActiveMqDestination.topic('')), "'topic' is empty; allowed: a topic name"],
    ['instance 2 of a single instance', () => single.metricCpuUtilization({ instance: 2 }), "'instance' 2 is not allowed with deploymentMode SINGLE_INSTANCE; allowed: 1"],
    ['instance 3 of a pair', () => pair.metricCpuUtilization({ instance: 3 }), "'instance' 3 is not allowed with deploymentMode ACTIVE_STANDBY_MULTI_AZ; allowed: 1 or 2"],
  ])('rejects %s', (_, fn, message) => {
    expect(fn).toThrow(message);
  });
});

describe('RabbitMQ', () => {
  const cluster = rabbitMq(RabbitMqDeploymentMode.CLUSTER_MULTI_AZ);
  const call = (name: string, ...args: unknown[]) => (cluster as unknown as Record<string, (...a: unknown[]) => cloudwatch.Metric>)[`metric${name}`](...args);
  const node = 'rabbit@ip-10-0-0-230.us-east-1.compute.internal';

  test.each(Object.entries(RABBITMQ_BROKER))('metric%s: Broker <name>, single and cluster alike', (name, stat) => {
    expectMetric(call(name), name, { Broker: 'events' }, stat);
  });

  test.each(Object.entries(RABBITMQ_NODE))('metricNode%s(node): Broker + Node', (name, stat) => {
    expectMetric(call(`Node${name}`, node), name, { Broker: 'events', Node: node }, stat);
  });

  test.each(Object.entries(RABBITMQ_QUEUE))('metricQueue%s(vhost, queue): Broker + VirtualHost + Queue', (name, stat) => {
    expectMetric(call(`Queue${name}`, '/', 'orders'), name, { Broker: 'events', VirtualHost: '/', Queue: 'orders' }, stat);
  });

  test('every metric method of the class is in the tables above', () => {
    const methods = Object.getOwnPropertyNames(RabbitMqBrokerBase.prototype).filter((n) => n.startsWith('metric') && n !== 'metricBrokerDimension');
    const tested = [
      ...Object.keys(RABBITMQ_BROKER), ...Object.keys(RABBITMQ_NODE).map((n) => `Node${n}`), ...Object.keys(RABBITMQ_QUEUE).map((n) => `Queue${n}`),
    ].map((n) => `metric${n}`);
    expect(methods.sort()).toEqual(tested.sort());
  });

  test('an imported broker publishes under the name from its ARN', () => {
    const imported = RabbitMqBroker.fromBrokerArn(new Stack(), 'I', 'arn:aws:mq:us-east-1:123456789012:broker:legacy:b-1234');
    expect(imported.metricConnectionCount().dimensions).toEqual({ Broker: 'legacy' });
  });

  test.each<[string, () => unknown, string]>([
    ['an empty node', () => cluster.metricNodeRabbitMQMemUsed(''), "'node' is empty"],
    ['an empty virtual host', () => cluster.metricQueueMessageCount('', 'q'), "'virtualHost' is empty"],
    ['a queue name with a space (never published, F-CW3)', () => cluster.metricQueueMessageCount('/', 'my queue'), "'queue' 'my queue' has spaces, tabs or non-ASCII characters: Amazon MQ publishes no metric for it; allowed: printable ASCII without spaces [RabbitMqMetricNames]"],
  ])('rejects %s', (_, fn, message) => {
    expect(fn).toThrow(message);
  });
});
