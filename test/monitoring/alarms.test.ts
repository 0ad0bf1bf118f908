import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, ActiveMqStorageType, BrokerAlarmOverride,
  BrokerDashboard, BrokerInstanceType, RabbitMqBroker,
  RabbitMqDeploymentMode, RabbitMqEngineVersion,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

type Alarms = Record<string, { Properties: Record<string, any> }>;

function alarmsByName(stack: Stack): Record<string, Record<string, any>> {
  const alarms = Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm') as Alarms;
  return Object.fromEntries(Object.values(alarms).map((a) => [a.Properties.AlarmName, a.Properties]));
}

/** The alarm's single metric, or the metrics of its math expression, as [name, dimensions, statistic, period]. */
function metricsOf(alarm: Record<string, any>): unknown[] {
  if (alarm.MetricName) {
    return [[alarm.MetricName, Object.fromEntries(alarm.Dimensions.map((d: any) => [d.Name, d.Value])), alarm.Statistic, alarm.Period]];
  }
  return alarm.Metrics.filter((m: any) => m.MetricStat).map((m: any) => [
    m.MetricStat.Metric.MetricName,
    Object.fromEntries(m.MetricStat.Metric.Dimensions.map((d: any) => [d.Name, d.Value])),
    m.MetricStat.Stat,
    m.MetricStat.Period,
  ]);
}

describe('ActiveMQ recommended alarms', () => {
  function setup(mode = ActiveMqDeploymentMode.SINGLE_INSTANCE, storageType?: ActiveMqStorageType) {
    const { stack, vpc } = stackWithVpc();
    const broker = new ActiveMqBroker(stack, 'Broker', {
      vpc,
      brokerName: 'orders',
      engineVersion: ActiveMqEngineVersion.V5_19,
      deploymentMode: mode,
      storageType,
      instanceType: storageType === ActiveMqStorageType.EBS ? BrokerInstanceType.M5_LARGE : undefined,
    });
    const topic = new sns.Topic(stack, 'Pager');
    const alarms = broker.addRecommendedAlarms({
      actions: [new actions.SnsAction(topic)],
      queueDepth: [{ queue: 'orders.in', threshold: 1000 }],
      queuesWithConsumers: ['orders.in'],
    });
    return { stack, broker, alarms, topicRef: stack.resolve(topic.topicArn) };
  }

  test('each alarm: metric, threshold, comparison, evaluation periods, missing data, actions, name', () => {
    const { stack, topicRef } = setup();
    const alarms = alarmsByName(stack);
    const expected: Record<string, [unknown[], number, string, number, string]> = {
      'orders-CpuUtilization': [[['CpuUtilization', { Broker: 'orders-1' }, 'Average', 300]], 80, 'GreaterThanThreshold', 3, 'missing'],
      'orders-HeapUsage': [[['HeapUsage', { Broker: 'orders-1' }, 'Average', 300]], 80, 'GreaterThanThreshold', 3, 'missing'],
      'orders-StorePercentUsage': [[['StorePercentUsage', { Broker: 'orders-1' }, 'Maximum', 300]], 80, 'GreaterThanThreshold', 1, 'missing'],
      'orders-TempPercentUsage': [[['TempPercentUsage', { Broker: 'orders-1' }, 'Maximum', 300]], 80, 'GreaterThanThreshold', 1, 'missing'],
      'orders-JobSchedulerStorePercentUsage': [[['JobSchedulerStorePercentUsage', { Broker: 'orders-1' }, 'Maximum', 300]], 80, 'GreaterThanThreshold', 1, 'missing'],
      'orders-QueueSize-orders.in': [[['QueueSize', { Broker: 'orders-1', Queue: 'orders.in' }, 'Maximum', 300]], 1000, 'GreaterThanThreshold', 3, 'notBreaching'],
      'orders-NoConsumers-orders.in': [[['ConsumerCount', { Broker: 'orders-1', Queue: 'orders.in' }, 'Maximum', 300]], 1, 'LessThanThreshold', 3, 'breaching'],
      'orders-DeadLetters-ActiveMQ.DLQ': [[['QueueSize', { Broker: 'orders-1', Queue: 'ActiveMQ.DLQ' }, 'Maximum', 300]], 0, 'GreaterThanThreshold', 1, 'notBreaching'],
    };
    expect(Object.keys(alarms).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, [metrics, threshold, comparison, periods, missing]] of Object.entries(expected)) {
      const a = alarms[name];
      expect([name, metricsOf(a), a.Threshold, a.ComparisonOperator, a.EvaluationPeriods, a.TreatMissingData])
        .toEqual([name, metrics, threshold, comparison, periods, missing]);
      expect(a.AlarmActions).toEqual([topicRef]);
      expect(a.OKActions).toEqual([topicRef]);
      expect(a.AlarmDescription).toContain('orders');
    }
  });

  test('an active/standby pair alarms on both instances (the active one changes on failover)', () => {
    const { stack } = setup(ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ);
    const cpu = alarmsByName(stack)['orders-CpuUtilization'];
    expect(cpu.Metrics.find((m: any) => m.Expression).Expression).toBe('MAX([cpuUtilization_1,cpuUtilization_2])');
    expect(metricsOf(cpu)).toEqual([['CpuUtilization', { Broker: 'orders-1' }, 'Average', 300], ['CpuUtilization', { Broker: 'orders-2' }, 'Average', 300]]);
  });

  test('EBS brokers also get the burst balance alarm', () => {
    const { stack } = setup(undefined, ActiveMqStorageType.EBS);
    const burst = alarmsByName(stack)['orders-BurstBalance'];
    expect([metricsOf(burst), burst.Threshold, burst.ComparisonOperator]).toEqual([[['BurstBalance', { Broker: 'orders-1' }, 'Minimum', 300]], 20, 'LessThanThreshold']);
  });

  test.each<[string, object, string]>([
    ['a percentage above 100', { heapUsagePercent: 120 }, "'heapUsagePercent' 120 is not allowed; allowed: a percentage from 0 to 100 [BrokerAlarmThresholds]"],
    ['a negative count', { queueDepth: [{ queue: 'q', threshold: -1 }] }, "'queueDepth[0].threshold' -1 is not allowed; allowed: a whole count of 0 or more"],
    ['an empty queue', { queuesWithConsumers: [''] }, "'queuesWithConsumers[0]' is empty; allowed: a destination name [BrokerAlarmDestinations]"],
    ['an alarm on a metric an EFS broker does not publish', { burstBalancePercent: 10 },
      "'burstBalancePercent' is not allowed: Amazon MQ publishes BurstBalance for EBS storage only; allowed: unset on EFS brokers [ActiveMqAlarmBurstBalance]"],
  ])('rejects %s, naming the option', (_, options, message) => {
    const { stack, vpc } = stackWithVpc();
    const broker = new ActiveMqBroker(stack, 'Broker', { vpc, engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE });
    expect(() => broker.addRecommendedAlarms(options)).toThrow(`Test/Broker/RecommendedAlarms: ActiveMqBrokerAlarms validation failed:\n  - ${message}`);
  });
});

describe('RabbitMQ recommended alarms', () => {
  test('memory and disk use metric math against RabbitMQ\'s own limits; queues are per vhost', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new RabbitMqBroker(stack, 'Broker', {
      vpc, brokerName: 'events', engineVersion: RabbitMqEngineVersion.V3_13, deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ, // queue metrics: 3.13 only
    });
    broker.addRecommendedAlarms({ maxConnections: 400, queueDepth: [{ queue: 'jobs', threshold: 500 }], queuesWithConsumers: [{ virtualHost: 'app', queue: 'jobs' }] });
    const alarms = alarmsByName(stack);
    expect(Object.keys(alarms).sort()).toEqual([
      'events-ConnectionCount', 'events-DiskFree', 'events-MemoryUsed', 'events-MessageReadyCount-/-jobs', 'events-NoConsumers-app-jobs', 'events-SystemCpuUtilization',
    ]);
    const memory = alarms['events-MemoryUsed'];
    expect(memory.Metrics.find((m: any) => m.Expression).Expression).toBe('100 * used / limit');
    expect(metricsOf(memory)).toEqual([['RabbitMQMemUsed', { Broker: 'events' }, 'Maximum', 300], ['RabbitMQMemLimit', { Broker: 'events' }, 'Maximum', 300]]);
    expect([memory.Threshold, memory.ComparisonOperator, memory.EvaluationPeriods]).toEqual([80, 'GreaterThanThreshold', 1]);
    const disk = alarms['events-DiskFree'];
    expect(metricsOf(disk)).toEqual([['RabbitMQDiskFree', { Broker: 'events' }, 'Minimum', 300], ['RabbitMQDiskFreeLimit', { Broker: 'events' }, 'Maximum', 300]]);
    expect([disk.Threshold, disk.ComparisonOperator]).toEqual([2, 'LessThanThreshold']);
    expect(metricsOf(alarms['events-NoConsumers-app-jobs'])).toEqual([['ConsumerCount', { Broker: 'events', VirtualHost: 'app', Queue: 'jobs' }, 'Maximum', 300]]);
    expect(alarms['events-NoConsumers-app-jobs'].TreatMissingData).toBe('breaching');
    expect([alarms['events-ConnectionCount'].Threshold, alarms['events-SystemCpuUtilization'].Threshold]).toEqual([400, 80]);
  });

  test('rejects a disk multiple of 0 and a CPU percentage above 100, together', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new RabbitMqBroker(stack, 'Broker', { vpc, engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE });
    expect(() => broker.addRecommendedAlarms({ diskFreeLimitMultiple: 0, cpuUtilizationPercent: 101 }))
      .toThrow(/'cpuUtilizationPercent' 101 is not allowed[\s\S]*'diskFreeLimitMultiple' 0 is not allowed; allowed: a number above 0/);
  });
});

test('the dashboard shows the alarms and graphs the same metrics the broker methods return', () => {
  const { stack, vpc } = stackWithVpc();
  const amq = new ActiveMqBroker(stack, 'Amq', { vpc, brokerName: 'orders', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ });
  const rmq = new RabbitMqBroker(stack, 'Rmq', { vpc, brokerName: 'events', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE });
  const alarms = [...amq.addRecommendedAlarms().alarms, ...rmq.addRecommendedAlarms().alarms];
  new BrokerDashboard(stack, 'Dashboard', { brokers: [amq, rmq], alarms, dashboardName: 'amazon-mq' });
  const dashboard = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))[0];
  // The body is an Fn::Join of JSON text and alarm ARNs: put a placeholder where each ARN goes.
  const bodyParts: unknown[] = dashboard.Properties.DashboardBody['Fn::Join'][1];
  const text = JSON.stringify(JSON.parse(bodyParts.map((p) => (typeof p === 'string' ? p : 'ARN')).join('')));
  expect(text).toContain('"title":"Alarms"');
  for (const [metric, dim] of [['CpuUtilization', 'orders-1'], ['CpuUtilization', 'orders-2'], ['HeapUsage', 'orders-2'], ['StorePercentUsage', 'orders-1'],
    ['RabbitMQMemUsed', 'events'], ['RabbitMQDiskFree', 'events'], ['PublishRate', 'events']]) {
    expect(text).toContain(`"AWS/AmazonMQ","${metric}","Broker","${dim}"`);
  }
  expect(text).toContain('MAX([cpuUtilization_1,cpuUtilization_2])');
  expect(text).toContain('MAX([heapUsage_1,heapUsage_2])');
  expect(dashboard.Properties.DashboardName).toBe('amazon-mq');
  // Every graphed RabbitMQ metric comes from a broker method with the same dimensions and statistic.
  const widgets = rmq.keyMetricWidgets() as cloudwatch.GraphWidget[];
  expect(widgets.map((w) => (w.toJson()[0] as any).properties.title)).toEqual(['CPU (%)', 'Memory (bytes)', 'Disk free (bytes)', 'Connections and channels', 'Messages', 'Rates (msg/s)']);
});

describe('alarmOverrides: one alarm off, or another window and missing-data treatment, on both engines', () => {
  const rabbit = (stack: Stack, vpc: any) => new RabbitMqBroker(stack, 'Rabbit', {
    vpc, brokerName: 'events', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
  });
  const active = (stack: Stack, vpc: any) => new ActiveMqBroker(stack, 'Active', {
    vpc, brokerName: 'orders', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE,
  });

  test('an alarm turned off is not created; another evaluates 2 of 6 periods, missing data breaching, and says so', () => {
    const { stack, vpc } = stackWithVpc();
    active(stack, vpc).addRecommendedAlarms({
      alarmOverrides: {
        TempPercentUsage: { enabled: false },
        CpuUtilization: { evaluationPeriods: 6, datapointsToAlarm: 2, treatMissingData: cloudwatch.TreatMissingData.BREACHING },
      },
    });
    rabbit(stack, vpc).addRecommendedAlarms({ alarmOverrides: { DiskFree: { enabled: false } } });
    const alarms = alarmsByName(stack);
    expect(alarms['orders-TempPercentUsage']).toBeUndefined();
    expect(alarms['events-DiskFree']).toBeUndefined();
    expect(alarms['events-MemoryUsed']).toBeDefined();
    expect(alarms['orders-CpuUtilization']).toMatchObject({ EvaluationPeriods: 6, DatapointsToAlarm: 2, TreatMissingData: 'breaching' });
    expect(alarms['orders-CpuUtilization'].AlarmDescription).toContain('(Evaluated over 2 of 6 periods of 5 minutes.)');
    // The others keep their own window, named in their description.
    expect(alarms['orders-HeapUsage']).toMatchObject({ EvaluationPeriods: 3, TreatMissingData: 'missing' });
    expect(alarms['orders-HeapUsage'].AlarmDescription).toContain('(Evaluated over 15 minutes.)');
  });

  test.each<[string, Record<string, BrokerAlarmOverride>, string]>([
    ['an alarm the preset does not have', { CpuUtilisation: { enabled: false } },
      "'alarmOverrides' names 'CpuUtilisation', which is not an alarm of this preset; allowed: CpuUtilization, HeapUsage, StorePercentUsage"],
    ['no period', { HeapUsage: { evaluationPeriods: 0 } }, "'alarmOverrides.HeapUsage.evaluationPeriods' 0 is not allowed; allowed: a whole number of 1 or more"],
    ['more breaching periods than evaluated', { HeapUsage: { datapointsToAlarm: 4 } },
      "'alarmOverrides.HeapUsage.datapointsToAlarm' 4 is not allowed; allowed: a whole number from 1 to evaluationPeriods (3) [BrokerAlarmOverrides]"],
  ])('refuses %s, and can be called again once fixed', (_, alarmOverrides, message) => {
    const { stack, vpc } = stackWithVpc();
    const broker = active(stack, vpc);
    expect(() => broker.addRecommendedAlarms({ alarmOverrides })).toThrow(`Test/Active/RecommendedAlarms: ActiveMqBrokerAlarms validation failed:\n  - ${message}`);
    expect(() => broker.addRecommendedAlarms()).not.toThrow();
  });
});
