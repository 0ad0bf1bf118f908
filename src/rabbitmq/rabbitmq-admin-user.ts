import { RemovalPolicy } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { generateUserSecret } from '../broker/broker-user-secret';

/** The administrative user Amazon MQ creates on a RabbitMQ broker. */
export interface RabbitMqAdminUser {
  /**
   * The username: 2-100 of `A-Z a-z 0-9 _ . -`, not `guest`.
   * @default 'admin'
   */
  readonly username?: string;
  /**
   * Secret whose JSON key `password` holds the password (12-250 printable ASCII characters, at least 4 unique,
   * none of `,:=`).
   * @default - a generated password in a new Secrets Manager secret
   */
  readonly password?: secretsmanager.ISecret;
}

/** The admin's secret: the one given, or a generated one that follows the broker's removal policy. */
export function adminSecret(broker: Construct, adminUser: RabbitMqAdminUser | undefined, username: string | undefined,
  removalPolicy: RemovalPolicy): secretsmanager.ISecret | undefined {
  if (adminUser?.password || username === undefined) {
    return adminUser?.password;
  }
  const secret = generateUserSecret(broker, 'AdminSecret', username, `Password of the admin user of Amazon MQ broker ${broker.node.path}`);
  secret.applyRemovalPolicy(removalPolicy);
  return secret;
}
