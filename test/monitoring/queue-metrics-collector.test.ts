/**
 * RabbitMQ 4 queue monitoring: Amazon MQ publishes no per-queue metrics for RabbitMQ 4 brokers, so queue metrics and
 * queue alarms are refused there at synth, and the collector publishes them instead (proven on RabbitMQ 4.0.5 in
 * test/engines/rabbitmq-queue-metrics.engine.test.ts).
 */
import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqQueueMetricsCollector } from '../../src';
import { stackWithVpc } from '../util/stacks';

function broker(engineVersion = RabbitMqEngineVersion.V4_2) {
  const { stack, vpc } = stackWithVpc();
  return { stack, broker: new RabbitMqBroker(stack, 'Broker', { vpc, engineVersion, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE, brokerName: 'jobs' }) };
}

test.each<[string, (b: RabbitMqBroker) => unknown, string]>([
  ['metricQueueConsumerCount', (b) => b.metricQueueConsumerCount('/', 'jobs'), "'queue metrics' is not allowed with engineVersion '4.2': Amazon MQ publishes no per-queue metrics for RabbitMQ 4 brokers; allowed: RabbitMQ 3.13, or broker-wide metrics (metricQueueCount, metricMessageCount) and the queue metrics collector (addQueueMetricsCollector) [RabbitMqQueueMetrics]"],
  ['queueDepth alarms', (b) => b.addRecommendedAlarms({ queueDepth: [{ queue: 'jobs', threshold: 10 }] }), "RabbitMqBrokerAlarms validation failed:\n  - 'queueDepth' is not allowed with engineVersion '4.2'"],
  ['queuesWithConsumers alarms', (b) => b.addRecommendedAlarms({ queuesWithConsumers: [{ queue: 'jobs' }] }), "RabbitMqBrokerAlarms validation failed:\n  - 'queuesWithConsumers' is not allowed with engineVersion '4.2'"],
])('RabbitMQ 4 refuses %s at synth; RabbitMQ 3.13 takes them', (_name, act, message) => {
  expect(() => act(broker().broker)).toThrow(message);
  act(broker(RabbitMqEngineVersion.V3_13).broker);
});

test('the disk I/O metrics warn from RabbitMQ 4.2 (deprecated by Amazon MQ)', () => {
  const { stack, broker: b } = broker();
  b.metricRabbitMQIOReadAverageTime();
  Annotations.fromStack(stack).hasWarning('/Test/Broker', Match.stringLikeRegexp('RabbitMQIOReadAverageTime is deprecated by Amazon MQ from RabbitMQ 4.2'));
});

describe('the collector', () => {
  const { stack, broker: b } = broker();
  const collector = b.addQueueMetricsCollector({ interval: Duration.minutes(2), queues: [{ virtualHost: 'orders', queue: 'jobs' }] });
  const alarms = collector.addAlarms('Alarms', { queueDepth: [{ virtualHost: 'orders', queue: 'jobs', threshold: 100 }], queuesWithConsumers: [{ virtualHost: 'orders', queue: 'jobs' }] });
  const template = Template.fromStack(stack);

  test('a function in the broker\'s subnets, run every interval, one at a time, with the broker and its queues', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Publishes the queue metrics of RabbitMQ broker jobs',
      ReservedConcurrentExecutions: 1,
      VpcConfig: { SubnetIds: Match.anyValue(), SecurityGroupIds: Match.anyValue() },
      Environment: { Variables: Match.objectLike({ BROKER_NAME: 'jobs', METRIC_NAMESPACE: 'CdkAmazonMq/RabbitMQ', QUEUES: '["orders/jobs"]' }) },
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(2 minutes)' });
  });

  test('least privilege: the admin secret, and metric data in its namespace only', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }>);
    const put = statements.find((s) => s.Action === 'cloudwatch:PutMetricData')!;
    expect(put.Condition).toEqual({ StringEquals: { 'cloudwatch:namespace': 'CdkAmazonMq/RabbitMQ' } });
    expect(statements.some((s) => JSON.stringify(s.Action).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource).includes('BrokerAdminSecret'))).toBe(true);
  });

  test('the broker admits the collector on 443 only', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 443, ToPort: 443, Description: 'RabbitMQ management API from the queue metrics collector',
    });
  });

  test('the queue alarms read the collected metrics, with missing data as for Amazon MQ\'s own', () => {
    expect(alarms).toHaveLength(2);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'CdkAmazonMq/RabbitMQ',
      MetricName: 'MessageReadyCount',
      Threshold: 100,
      TreatMissingData: 'notBreaching',
      Dimensions: Match.arrayWith([{ Name: 'Queue', Value: 'jobs' }]),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'CdkAmazonMq/RabbitMQ', MetricName: 'ConsumerCount', TreatMissingData: 'breaching' });
  });

  test('an interval under a minute is refused', () => {
    expect(() => broker().broker.addQueueMetricsCollector({ interval: Duration.seconds(30) })).toThrow(
      "RabbitMqQueueMetricsCollector validation failed:\n  - 'interval' 30 seconds is not allowed; allowed: whole minutes, 1 or more (EventBridge schedules run at most once a minute) [RabbitMqQueueMetricsInterval]");
  });

  test('metrics name the collector\'s namespace and the queue', () => {
    expect(stack.resolve(collector.metricQueueMessageCount('orders', 'jobs').dimensions)).toEqual({ Broker: 'jobs', VirtualHost: 'orders', Queue: 'jobs' });
    expect(RabbitMqQueueMetricsCollector.NAMESPACE).toBe('CdkAmazonMq/RabbitMQ');
  });
});

test('the Prometheus URL of a RabbitMQ 4.2+ broker, its port for scrapers, and what Amazon MQ does not serve', () => {
  const { stack, broker: b } = broker();
  expect(stack.resolve(b.prometheusUrl('/metrics/detailed'))).toEqual({
    'Fn::Join': ['', [{ 'Fn::Select': [0, { 'Fn::GetAtt': [expect.stringMatching(/^Broker/), 'ConsoleURLs'] }] }, ':16001/metrics/detailed']],
  });
  expect(() => b.prometheusUrl('/metrics/per-object')).toThrow(
    "RabbitMqBroker.prometheusUrl validation failed:\n  - 'path' '/metrics/per-object' is not allowed; allowed: /metrics, /metrics/detailed, /metrics/memory-breakdown (Amazon MQ does not serve /metrics/per-object) [RabbitMqPrometheusPath]");
  expect(() => broker(RabbitMqEngineVersion.V3_13).broker.prometheusUrl()).toThrow(
    "RabbitMqBroker.prometheusUrl validation failed:\n  - engineVersion '3.13' is not allowed; allowed: RabbitMQ 4.2 or later (Amazon MQ serves Prometheus metrics from 4.2) [RabbitMqPrometheusVersion]");
});
