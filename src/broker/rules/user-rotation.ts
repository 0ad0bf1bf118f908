import { Duration } from 'aws-cdk-lib';
import { Rule } from '../../private/rules';

/** What the rotation rules read: the user, its schedule, and what the broker knows of it. */
export interface UserRotationSpec {
  readonly username: string;
  readonly automaticallyAfter?: Duration;
  /** Whether the user's secret already has a rotation of this library. */
  readonly alreadyRotated: boolean;
}

const MIN = Duration.hours(4);
const MAX = Duration.days(1000);

/** Rules of `addRotationSingleUser()` on both engines. */
export const USER_ROTATION_RULES: Rule<UserRotationSpec>[] = [
  {
    id: 'UserRotationSchedule',
    // Secrets Manager RotationRulesType: a rate() of hours or days, every 4 hours at most, 1000 days at least.
    fact: 'F-SR01',
    summary: '`automaticallyAfter`: 4 hours to 1000 days, whole hours (a Secrets Manager `rate()` schedule)',
    check: (s) => {
      const d = s.automaticallyAfter;
      if (d === undefined || d.isUnresolved()) {
        return undefined;
      }
      const ms = d.toMilliseconds();
      return ms < MIN.toMilliseconds() || ms > MAX.toMilliseconds() || ms % Duration.hours(1).toMilliseconds() !== 0
        ? `'automaticallyAfter' ${d.toHumanString()} of user '${s.username}' is not allowed; allowed: 4 hours to 1000 days, in whole hours (Secrets Manager rotates at most every 4 hours)`
        : undefined;
    },
  },
  {
    id: 'UserRotationOnce',
    // A secret has one rotation configuration (RotateSecret replaces it): two schedules would fight over it.
    fact: 'F-SR02',
    summary: '`addRotationSingleUser()`: once per user (a secret has one rotation schedule)',
    check: (s) => s.alreadyRotated
      ? `user '${s.username}' already has a rotation; allowed: one addRotationSingleUser() per user (a secret has one rotation schedule)`
      : undefined,
  },
];
