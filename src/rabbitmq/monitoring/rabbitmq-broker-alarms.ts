import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { IRabbitMqBrokerMetrics } from './rabbitmq-broker-metrics';
import { above, AlarmSpec, below, createAlarms, noConsumers, validateAlarmRules } from '../../broker/monitoring/alarm-helpers';
import { BrokerAlarmOptions } from '../../broker/monitoring/broker-alarm-options';
import { ALARM_OVERRIDE_RULES } from '../../broker/rules/alarms';
import { RABBITMQ_ALARM_RULES } from '../rules/alarms';

/** A RabbitMQ queue, by virtual host and name. */
export interface RabbitMqQueueRef {
  /** @default '/' */
  readonly virtualHost?: string;
  readonly queue: string;
}

/** A RabbitMQ queue whose depth is watched. */
export interface RabbitMqQueueDepthAlarm extends RabbitMqQueueRef {
  /** Alarm when `MessageReadyCount` stays above this many messages for 15 minutes. */
  readonly threshold: number;
}

/**
 * The alarms for a RabbitMQ broker. Thresholds are starting points from the Amazon MQ Developer Guide's metric and
 * troubleshooting pages (AWS publishes no Amazon MQ numbers), each overridable.
 */
export interface RabbitMqAlarmOptions extends BrokerAlarmOptions {
  /**
   * Memory used above this percentage of RabbitMQ's memory limit (at 100 RabbitMQ blocks publishers:
   * RABBITMQ_MEMORY_ALARM).
   * @default 80
   */
  readonly memoryUsedPercent?: number;
  /**
   * Free disk below this multiple of RabbitMQ's free-disk limit (below 1 publishers are blocked).
   * @default 2
   */
  readonly diskFreeLimitMultiple?: number;
  /**
   * Average CPU over 15 minutes above this percentage.
   * @default 80
   */
  readonly cpuUtilizationPercent?: number;
  /**
   * Connections above this count (the limit depends on the instance type and mode).
   * @default - no connection alarm
   */
  readonly maxConnections?: number;
  /**
   * Queues whose depth is watched.
   * @default - none
   */
  readonly queueDepth?: RabbitMqQueueDepthAlarm[];
  /**
   * Queues that must always have a consumer.
   * @default - none
   */
  readonly queuesWithConsumers?: RabbitMqQueueRef[];
}

/** The recommended alarms of a RabbitMQ broker (see `RabbitMqAlarmOptions` for each one and its source). */
export class RabbitMqBrokerAlarms extends Construct {
  /** Every alarm created, in a stable order. */
  public readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, broker: IRabbitMqBrokerMetrics, options: RabbitMqAlarmOptions = {}) {
    super(scope, id);
    validateAlarmRules(this, 'RabbitMqBrokerAlarms', RABBITMQ_ALARM_RULES, {
      thresholds: [
        { option: 'memoryUsedPercent', kind: 'percent', value: options.memoryUsedPercent },
        { option: 'cpuUtilizationPercent', kind: 'percent', value: options.cpuUtilizationPercent },
        { option: 'diskFreeLimitMultiple', kind: 'positive', value: options.diskFreeLimitMultiple },
        { option: 'maxConnections', kind: 'count', value: options.maxConnections },
        ...(options.queueDepth ?? []).map((q, i) => ({ option: `queueDepth[${i}].threshold`, kind: 'count' as const, value: q.threshold })),
      ],
      names: [
        ...(options.queueDepth ?? []).map((q, i) => ({ option: `queueDepth[${i}].queue`, value: q.queue })),
        ...(options.queuesWithConsumers ?? []).map((q, i) => ({ option: `queuesWithConsumers[${i}].queue`, value: q.queue })),
      ],
      // Amazon MQ publishes no queue metrics for RabbitMQ 4: such an alarm would never fire, or breach forever.
      engineVersion: (broker as { _knownEngineVersion?: () => string | undefined })._knownEngineVersion?.(),
      queueMetricUses: (['queueDepth', 'queuesWithConsumers'] as const).filter((option) => (options[option] ?? []).length > 0),
    });

    const period = { period: Duration.minutes(5) };
    const name = broker.brokerName;
    const memory = options.memoryUsedPercent ?? 80;
    const disk = options.diskFreeLimitMultiple ?? 2;
    const cpu = options.cpuUtilizationPercent ?? 80;
    const ratio = (expression: string, label: string, usingMetrics: Record<string, cloudwatch.IMetric>) =>
      new cloudwatch.MathExpression({ expression, usingMetrics, label, period: Duration.minutes(5) });
    const specs: AlarmSpec[] = [
      above('MemoryUsed',
        ratio('100 * used / limit', 'RabbitMQMemUsed % of RabbitMQMemLimit',
          { used: broker.metricRabbitMQMemUsed(period), limit: broker.metricRabbitMQMemLimit(period) }),
        memory, 1,
        `Memory of RabbitMQ broker ${name} above ${memory}% of its limit: at 100% RabbitMQ blocks publishers (RABBITMQ_MEMORY_ALARM).`),
      below('DiskFree',
        ratio('free / limit', 'RabbitMQDiskFree / RabbitMQDiskFreeLimit',
          { free: broker.metricRabbitMQDiskFree(period), limit: broker.metricRabbitMQDiskFreeLimit(period) }),
        disk, 1,
        `Free disk of RabbitMQ broker ${name} below ${disk} times its limit: below the limit RabbitMQ blocks publishers.`),
      above('SystemCpuUtilization', broker.metricSystemCpuUtilization(period), cpu, 3,
        `CPU of RabbitMQ broker ${name} above ${cpu}% on average.`),
    ];
    if (options.maxConnections !== undefined) {
      specs.push(above('ConnectionCount', broker.metricConnectionCount(period), options.maxConnections, 1,
        `Connections to RabbitMQ broker ${name} above ${options.maxConnections}: new clients will soon be refused.`));
    }
    for (const q of options.queueDepth ?? []) {
      const vhost = q.virtualHost ?? '/';
      specs.push(above(`MessageReadyCount-${vhost}-${q.queue}`, broker.metricQueueMessageReadyCount(vhost, q.queue, period), q.threshold, 3,
        `Queue ${q.queue} (vhost ${vhost}) of RabbitMQ broker ${name} above ${q.threshold} ready messages: consumers fall behind.`,
        cloudwatch.TreatMissingData.NOT_BREACHING));
    }
    for (const q of options.queuesWithConsumers ?? []) {
      const vhost = q.virtualHost ?? '/';
      specs.push(noConsumers(`NoConsumers-${vhost}-${q.queue}`, broker.metricQueueConsumerCount(vhost, q.queue, period),
        `Queue ${q.queue} (vhost ${vhost}) of RabbitMQ broker ${name} has had no consumer.`));
    }
    validateAlarmRules(this, 'RabbitMqBrokerAlarms', ALARM_OVERRIDE_RULES, { alarms: specs, overrides: options.alarmOverrides ?? {} });
    this.alarms = createAlarms(this, options.alarmNamePrefix ?? name, specs, options.actions, options.alarmOverrides);
  }
}
