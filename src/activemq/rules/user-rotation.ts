import { Rule } from '../../private/rules';

/** What the ActiveMQ rotation rules read. */
export interface ActiveMqUserRotationSpec {
  readonly username: string;
  /** The broker's user of that name, if any. */
  readonly user?: { readonly passwordVersionId?: string };
  /** Whether the broker keeps its users (simple authentication). */
  readonly usersOnBroker: boolean;
}

/** Rules of `ActiveMqBroker.addRotationSingleUser()`. */
export const ACTIVEMQ_ROTATION_RULES: Rule<ActiveMqUserRotationSpec>[] = [
  {
    id: 'ActiveMqRotationUser',
    fact: 'F-U01, F-AU01',
    summary: '`addRotationSingleUser(username)`: a user of the broker (`users` or `addUser()`), with simple authentication',
    check: (s) => !s.usersOnBroker
      ? `'username' '${s.username}' is not allowed: with LDAP the directory holds the passwords; allowed: rotation of users with simple authentication`
      : s.user === undefined ? `'username' '${s.username}' is not a user of this broker; allowed: a user given in 'users' or added with addUser() first` : undefined,
  },
  {
    id: 'ActiveMqRotationPasswordVersionId',
    // The template's {{resolve:secretsmanager:...:<versionId>}} names that version at every broker update (F-U02).
    fact: 'F-U02, F-M02',
    summary: '`addRotationSingleUser()`: not on a user with `passwordVersionId` (a later broker update would send that old version back to Amazon MQ)',
    check: (s) => s.user?.passwordVersionId !== undefined
      ? `user '${s.username}' has 'passwordVersionId' '${s.user.passwordVersionId}': after a rotation, the next update of the broker would send that old password back to Amazon MQ; allowed: no passwordVersionId on a rotated user (the template then reads AWSCURRENT)`
      : undefined,
  },
];
