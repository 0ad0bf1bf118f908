import { Duration } from 'aws-cdk-lib';
import { Rule } from '../../private/rules';

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
