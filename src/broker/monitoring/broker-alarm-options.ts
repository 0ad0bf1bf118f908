import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** Options every engine's recommended alarms take. */
export interface BrokerAlarmOptions {
  /**
   * What happens when an alarm fires (and when it returns to OK): for example
   * `new cloudwatch_actions.SnsAction(topic)`.
   * @default - no action
   */
  readonly actions?: cloudwatch.IAlarmAction[];
  /**
   * Prefix of every alarm name; the names are `<prefix>-<alarm>`, stable across deploys.
   * @default - the broker name
   */
  readonly alarmNamePrefix?: string;
  /**
   * Changes to single alarms of the preset, by alarm ID (`CpuUtilization`, `HeapUsage`, `QueueSize-orders.in`, ...:
   * the part of the alarm name after the prefix): turn one off, or change how long it waits and what missing data
   * means. Thresholds have their own options.
   * @default - every alarm as described on its option
   */
  readonly alarmOverrides?: { [alarmId: string]: BrokerAlarmOverride };
}

/** How one alarm of a preset differs from its default. */
export interface BrokerAlarmOverride {
  /**
   * Whether the alarm is created.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Periods of 5 minutes the alarm evaluates (1 or more).
   * @default - the alarm's own (3 for sustained load, 1 for capacity)
   */
  readonly evaluationPeriods?: number;
  /**
   * How many of those periods must breach (1 to `evaluationPeriods`).
   * @default - all of them
   */
  readonly datapointsToAlarm?: number;
  /**
   * What a period without data means.
   * @default - the alarm's own (missing for broker metrics; not breaching for queue depths; breaching for consumers)
   */
  readonly treatMissingData?: cloudwatch.TreatMissingData;
}
