import { Duration } from 'aws-cdk-lib';

/** How often Secrets Manager rotates a broker user's password, and when the first rotation happens. */
export interface UserRotationOptions {
  /**
   * The time between rotations: 4 hours to 1000 days, in whole hours (a Secrets Manager `rate()` expression).
   * @default Duration.days(30)
   */
  readonly automaticallyAfter?: Duration;
  /**
   * Whether Secrets Manager rotates at once when the schedule is created or changed (then at each interval), or
   * waits for the first interval.
   * @default true
   */
  readonly rotateImmediatelyOnUpdate?: boolean;
}
