import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { AlarmSpec, createAlarms, ThresholdCheck } from './alarm-helpers';
import { BrokerAlarmOptions } from './broker-alarm-options';
import type { IRabbitMqBroker } from '../rabbitmq/rabbitmq-broker-base';

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
 * troubleshooting pages (mq-facts §3.1; AWS publishes no Amazon MQ numbers), each overridable.
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
   * Connections above this count (the limit depends on the instance type and mode, mq-facts §2.9).
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

  constructor(scope: Construct, id: string, broker: IRabbitMqBroker, options: RabbitMqAlarmOptions = {}) {
    super(scope, id);
    const check = new ThresholdCheck();
    check.percent('memoryUsedPercent', options.memoryUsedPercent);
    check.percent('cpuUtilizationPercent', options.cpuUtilizationPercent);
    check.positive('diskFreeLimitMultiple', options.diskFreeLimitMultiple);
    check.count('maxConnections', options.maxConnections);
    (options.queueDepth ?? []).forEach((q, i) => {
      check.name(`queueDepth[${i}].queue`, q.queue);
      check.count(`queueDepth[${i}].threshold`, q.threshold);
    });
    (options.queuesWithConsumers ?? []).forEach((q, i) => check.name(`queuesWithConsumers[${i}].queue`, q.queue));
    check.throwIfAny(this, 'RabbitMqBrokerAlarms');

    const period = { period: Duration.minutes(5) };
    const name = broker.brokerName;
    const memory = options.memoryUsedPercent ?? 80;
    const disk = options.diskFreeLimitMultiple ?? 2;
    const cpu = options.cpuUtilizationPercent ?? 80;
    const missing = cloudwatch.TreatMissingData.MISSING;
    const specs: AlarmSpec[] = [
      {
        id: 'MemoryUsed',
        metric: new cloudwatch.MathExpression({
          expression: '100 * used / limit',
          usingMetrics: { used: broker.metricRabbitMQMemUsed(period), limit: broker.metricRabbitMQMemLimit(period) },
          label: 'RabbitMQMemUsed % of RabbitMQMemLimit',
          period: Duration.minutes(5),
        }),
        threshold: memory,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: missing,
        description: `Memory of RabbitMQ broker ${name} above ${memory}% of its limit: at 100% RabbitMQ blocks publishers (RABBITMQ_MEMORY_ALARM).`,
      },
      {
        id: 'DiskFree',
        metric: new cloudwatch.MathExpression({
          expression: 'free / limit',
          usingMetrics: { free: broker.metricRabbitMQDiskFree(period), limit: broker.metricRabbitMQDiskFreeLimit(period) },
          label: 'RabbitMQDiskFree / RabbitMQDiskFreeLimit',
          period: Duration.minutes(5),
        }),
        threshold: disk,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: missing,
        description: `Free disk of RabbitMQ broker ${name} below ${disk} times its limit: below the limit RabbitMQ blocks publishers.`,
      },
      {
        id: 'SystemCpuUtilization',
        metric: broker.metricSystemCpuUtilization(period),
        threshold: cpu,
        evaluationPeriods: 3,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: missing,
        description: `CPU of RabbitMQ broker ${name} above ${cpu}% on average for 15 minutes.`,
      },
    ];
    if (options.maxConnections !== undefined) {
      specs.push({
        id: 'ConnectionCount',
        metric: broker.metricConnectionCount(period),
        threshold: options.maxConnections,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: missing,
        description: `Connections to RabbitMQ broker ${name} above ${options.maxConnections}: new clients will soon be refused.`,
      });
    }
    for (const q of options.queueDepth ?? []) {
      const vhost = q.virtualHost ?? '/';
      specs.push({
        id: `MessageReadyCount-${vhost}-${q.queue}`,
        metric: broker.metricQueueMessageReadyCount(vhost, q.queue, period),
        threshold: q.threshold,
        evaluationPeriods: 3,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        description: `Queue ${q.queue} (vhost ${vhost}) of RabbitMQ broker ${name} above ${q.threshold} ready messages for 15 minutes: consumers fall behind.`,
      });
    }
    for (const q of options.queuesWithConsumers ?? []) {
      const vhost = q.virtualHost ?? '/';
      specs.push({
        id: `NoConsumers-${vhost}-${q.queue}`,
        metric: broker.metricQueueConsumerCount(vhost, q.queue, period),
        threshold: 1,
        evaluationPeriods: 3,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        // A queue that disappears has no consumer either.
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
        description: `Queue ${q.queue} (vhost ${vhost}) of RabbitMQ broker ${name} has had no consumer for 15 minutes.`,
      });
    }
    this.alarms = createAlarms(this, options.alarmNamePrefix ?? name, specs, options.actions);
  }
}
