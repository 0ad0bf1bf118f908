import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

/** A user of an ActiveMQ broker with simple authentication. */
export interface ActiveMqUserOptions {
  /**
   * Secret whose JSON key `password` holds the password (12-250 printable ASCII characters, at least 4 unique,
   * none of `,:=`).
   * @default - a generated password in a new Secrets Manager secret
   */
  readonly password?: secretsmanager.ISecret;
  /**
   * The Secrets Manager version ID of the password to use (`aws secretsmanager describe-secret`, a 32-64 character
   * ID). Set it to the new version after rotating or changing the secret: the template then changes, CloudFormation
   * updates the broker's user, and Amazon MQ applies it at the next reboot (at once with `applyImmediately`).
   * Without it, a new secret value never reaches the broker: the template refers to the secret, not its value.
   * @default - the secret's current version at each deploy that updates the broker
   */
  readonly passwordVersionId?: string;
  /**
   * Groups of the user, for authorization entries of the broker configuration (at most 20).
   * @default - no groups
   */
  readonly groups?: string[];
  /**
   * Whether the user can sign in to the ActiveMQ web console.
   * @default false
   */
  readonly consoleAccess?: boolean;
  /**
   * Whether this is the replication user of a cross-region data replication pair.
   * @default false
   */
  readonly replicationUser?: boolean;
}

/** An ActiveMQ user in props: its name and options. */
export interface ActiveMqUserProps extends ActiveMqUserOptions {
  /** The username: 2-100 characters of `A-Z a-z 0-9 _ . ~ -`. */
  readonly username: string;
}

/** A user of an ActiveMQ broker. */
export interface ActiveMqUser {
  /** The username. */
  readonly username: string;
  /** The secret with the user's `username` and `password` keys. */
  readonly secret: secretsmanager.ISecret;
}
