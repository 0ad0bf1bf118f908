import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { IActiveMqBrokerMetrics } from './activemq-broker-metrics';
import { above, AlarmSpec, below, createAlarms, noConsumers, validateAlarmRules } from '../../broker/monitoring/alarm-helpers';
import { BrokerAlarmOptions } from '../../broker/monitoring/broker-alarm-options';
import { ALARM_OVERRIDE_RULES } from '../../broker/rules/alarms';
import { ActiveMqStorageType } from '../activemq-deployment-mode';
import { ActiveMqDestination } from '../configuration/activemq-destination';
import { ACTIVEMQ_ALARM_RULES } from '../rules/alarms';

/** A queue whose depth is watched. */
export interface ActiveMqQueueDepthAlarm {
  readonly queue: string;
  /** Alarm when `QueueSize` stays above this many messages for 15 minutes. */
  readonly threshold: number;
}

/**
 * The alarms for an ActiveMQ broker. Thresholds are starting points from the metric descriptions in the Amazon MQ
 * Developer Guide (AWS publishes no Amazon MQ numbers), each overridable.
 */
export interface ActiveMqAlarmOptions extends BrokerAlarmOptions {
  /**
   * Average CPU over 15 minutes above this percentage.
   * @default 80
   */
  readonly cpuUtilizationPercent?: number;
  /**
   * Average JVM heap use over 15 minutes above this percentage (the broker risks BROKER_OOM).
   * @default 80
   */
  readonly heapUsagePercent?: number;
  /**
   * Message store use above this percentage (at 100 the broker refuses messages).
   * @default 80
   */
  readonly storePercentUsage?: number;
  /**
   * Temporary storage (non-persistent messages) use above this percentage.
   * @default 80
   */
  readonly tempPercentUsage?: number;
  /**
   * Job scheduler store use above this percentage.
   * @default 80
   */
  readonly jobSchedulerStorePercentUsage?: number;
  /**
   * EBS burst balance below this percentage (EBS storage only).
   * @default 20 on EBS brokers; none on EFS
   */
  readonly burstBalancePercent?: number;
  /**
   * Current connections above this count (Amazon MQ's limits depend on the instance type and protocol).
   * @default - no connection alarm
   */
  readonly maxConnections?: number;
  /**
   * Queues whose depth is watched.
   * @default - none
   */
  readonly queueDepth?: ActiveMqQueueDepthAlarm[];
  /**
   * Queues that must always have a consumer: alarm when `ConsumerCount` stays below 1 for 15 minutes (or the
   * queue disappears).
   * @default - none
   */
  readonly queuesWithConsumers?: string[];
  /**
   * Dead-letter queues: alarm as soon as one holds a message.
   * @default ['ActiveMQ.DLQ']
   */
  readonly deadLetterQueues?: string[];
}

/** The recommended alarms of an ActiveMQ broker (see `ActiveMqAlarmOptions` for each one and its source). */
export class ActiveMqBrokerAlarms extends Construct {
  /** Every alarm created, in a stable order. */
  public readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, broker: IActiveMqBrokerMetrics, options: ActiveMqAlarmOptions = {}) {
    super(scope, id);
    const ebs = broker.storageType === ActiveMqStorageType.EBS;
    const percents = ['cpuUtilizationPercent', 'heapUsagePercent', 'storePercentUsage', 'tempPercentUsage', 'jobSchedulerStorePercentUsage', 'burstBalancePercent'] as const;
    validateAlarmRules(this, 'ActiveMqBrokerAlarms', ACTIVEMQ_ALARM_RULES, {
      thresholds: [
        ...percents.map((option) => ({ option, kind: 'percent' as const, value: options[option] })),
        { option: 'maxConnections', kind: 'count', value: options.maxConnections },
        ...(options.queueDepth ?? []).map((q, i) => ({ option: `queueDepth[${i}].threshold`, kind: 'count' as const, value: q.threshold })),
      ],
      names: [
        ...(options.queueDepth ?? []).map((q, i) => ({ option: `queueDepth[${i}].queue`, value: q.queue })),
        ...(options.queuesWithConsumers ?? []).map((value, i) => ({ option: `queuesWithConsumers[${i}]`, value })),
        ...(options.deadLetterQueues ?? []).map((value, i) => ({ option: `deadLetterQueues[${i}]`, value })),
      ],
      storageType: broker.storageType,
      burstBalancePercent: options.burstBalancePercent,
    });

    const period = { period: Duration.minutes(5) };
    const name = broker.brokerName;
    const cpu = options.cpuUtilizationPercent ?? 80;
    const heap = options.heapUsagePercent ?? 80;
    const store = options.storePercentUsage ?? 80;
    const temp = options.tempPercentUsage ?? 80;
    const scheduler = options.jobSchedulerStorePercentUsage ?? 80;
    const specs: AlarmSpec[] = [
      above('CpuUtilization', broker.metricCpuUtilization(period), cpu, 3,
        `CPU of ActiveMQ broker ${name} above ${cpu}% on average. Scale the instance type up or spread load.`),
      above('HeapUsage', broker.metricHeapUsage({ ...period, statistic: cloudwatch.Stats.AVERAGE }), heap, 3,
        `JVM heap of ActiveMQ broker ${name} above ${heap}%: the broker risks running out of memory (BROKER_OOM).`),
      above('StorePercentUsage', broker.metricStorePercentUsage(period), store, 1,
        `Message store of ActiveMQ broker ${name} above ${store}%: at 100% it refuses messages. Consume the backlog or purge.`),
      above('TempPercentUsage', broker.metricTempPercentUsage(period), temp, 1,
        `Temporary storage of ActiveMQ broker ${name} above ${temp}%: non-persistent messages will be refused.`),
      above('JobSchedulerStorePercentUsage', broker.metricJobSchedulerStorePercentUsage(period), scheduler, 1,
        `Job scheduler store of ActiveMQ broker ${name} above ${scheduler}%: scheduled and redelivered messages will be refused.`),
    ];
    if (ebs || options.burstBalancePercent !== undefined) {
      const burst = options.burstBalancePercent ?? 20;
      specs.push(below('BurstBalance', broker.metricBurstBalance(period), burst, 1,
        `EBS burst balance of ActiveMQ broker ${name} below ${burst}%: storage I/O will be throttled.`));
    }
    if (options.maxConnections !== undefined) {
      specs.push(above('CurrentConnectionsCount', broker.metricCurrentConnectionsCount(period), options.maxConnections, 1,
        `Connections to ActiveMQ broker ${name} above ${options.maxConnections}: new clients will soon be refused.`));
    }
    for (const q of options.queueDepth ?? []) {
      specs.push(above(`QueueSize-${q.queue}`, broker.metricQueueSize(q.queue, period), q.threshold, 3,
        `Queue ${q.queue} of ActiveMQ broker ${name} above ${q.threshold} messages: consumers fall behind.`,
        cloudwatch.TreatMissingData.NOT_BREACHING));
    }
    for (const queue of options.queuesWithConsumers ?? []) {
      specs.push(noConsumers(`NoConsumers-${queue}`, broker.metricConsumerCount(ActiveMqDestination.queue(queue), period),
        `Queue ${queue} of ActiveMQ broker ${name} has had no consumer.`));
    }
    for (const queue of options.deadLetterQueues ?? ['ActiveMQ.DLQ']) {
      // The queue exists only once a message was dead-lettered: no data is no dead letter.
      specs.push(above(`DeadLetters-${queue}`, broker.metricQueueSize(queue, period), 0, 1,
        `Dead-letter queue ${queue} of ActiveMQ broker ${name} holds messages that could not be delivered.`,
        cloudwatch.TreatMissingData.NOT_BREACHING));
    }
    validateAlarmRules(this, 'ActiveMqBrokerAlarms', ALARM_OVERRIDE_RULES, { alarms: specs, overrides: options.alarmOverrides ?? {} });
    this.alarms = createAlarms(this, options.alarmNamePrefix ?? name, specs, options.actions, options.alarmOverrides);
  }
}
