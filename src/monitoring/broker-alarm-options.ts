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
}
