import { Duration, Token } from 'aws-cdk-lib';
import { Rule } from '../../private/rules';
import { rabbitMq4QueueMetricsProblem } from '../queue-metrics-availability';

/** What the queue metrics collector's rule reads. */
export interface QueueMetricsCollectorSpec {
  readonly interval: Duration;
}

export const QUEUE_METRICS_COLLECTOR_RULES: ReadonlyArray<Rule<QueueMetricsCollectorSpec>> = [
  {
    id: 'RabbitMqQueueMetricsInterval',
    // EventBridge User Guide, "Schedule expressions": a rate of 1 minute or more, in whole minutes.
    fact: 'EventBridge schedule expressions',
    summary: 'addQueueMetricsCollector() `interval`: whole minutes, 1 or more (EventBridge schedules run at most once a minute)',
    check: (s) => {
      const minutes = s.interval.toMinutes({ integral: false });
      return !Number.isInteger(minutes) || minutes < 1
        ? `'interval' ${s.interval.toHumanString()} is not allowed; allowed: whole minutes, 1 or more (EventBridge schedules run at most once a minute)`
        : undefined;
    },
  },
];

/** What asks for per-queue metrics (a metric method, an alarm option) on a broker of a known version or not. */
export interface QueueMetricsUseSpec {
  readonly engineVersion?: string;
  /** The options or methods that use per-queue metrics. */
  readonly queueMetricUses: ReadonlyArray<string>;
}

export const QUEUE_METRICS_VERSION_RULES: ReadonlyArray<Rule<QueueMetricsUseSpec>> = [
  {
    id: 'RabbitMqQueueMetrics',
    // Developer Guide, "RabbitMQ 4": "Amazon MQ will not vend RabbitMQ queue metrics for RabbitMQ 4 brokers".
    fact: 'DG "RabbitMQ 4" (queue metrics)',
    summary: 'per-queue metrics and alarms: RabbitMQ 3.13 only (Amazon MQ publishes none for RabbitMQ 4; use `addQueueMetricsCollector()`)',
    check: (s) => {
      const problem = rabbitMq4QueueMetricsProblem(s.engineVersion);
      return problem ? s.queueMetricUses.map((use) => `'${use}' is ${problem}`) : undefined;
    },
  },
];

/** Names that print as themselves: Amazon MQ publishes no metric for a name with spaces, tabs or non-ASCII. */
const UNPUBLISHED_NAME = /[\s]|[^\x00-\x7F]/;

export const QUEUE_METRIC_NAME_RULES: ReadonlyArray<Rule<{ readonly virtualHost: string; readonly queue: string }>> = [
  {
    id: 'RabbitMqMetricNames',
    fact: 'F-CW3',
    summary: 'per-queue metrics: virtual host and queue names in printable ASCII without spaces (Amazon MQ publishes no metric for others)',
    check: (s) => (['virtualHost', 'queue'] as const).filter((option) => !Token.isUnresolved(s[option]) && UNPUBLISHED_NAME.test(s[option]))
      .map((option) => `'${option}' '${s[option]}' has spaces, tabs or non-ASCII characters: Amazon MQ publishes no metric for it; allowed: printable ASCII without spaces`),
  },
];
