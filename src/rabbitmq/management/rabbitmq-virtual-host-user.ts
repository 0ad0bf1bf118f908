import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IDependable } from 'constructs';
import { ManagementHost } from './management-host';
import { rabbitMqUserRotationFunction } from './rabbitmq-user-rotation';
import { UserRotationOptions } from '../../broker/rotation/user-rotation-options';
import { scheduleUserRotation } from '../../broker/rotation/user-rotation-schedule';
import { USER_ROTATION_RULES } from '../../broker/rules/user-rotation';
import { validateRules } from '../../private/rules';

/** A user made through the management API (`RabbitMqVirtualHost.addUser()`). */
export class RabbitMqVirtualHostUser {
  /** @internal */
  public static _create(scope: Construct, host: ManagementHost, username: string, secret: secretsmanager.ISecret,
    object: IDependable): RabbitMqVirtualHostUser {
    return new RabbitMqVirtualHostUser(scope, host, username, secret, object);
  }

  /** The user's name. */
  public readonly username: string;
  /** The secret with `username` and `password`, the shape Lambda event sources read. */
  public readonly secret: secretsmanager.ISecret;
  private readonly scope: Construct;
  private readonly host: ManagementHost;
  private readonly object: IDependable;
  private rotation?: secretsmanager.RotationSchedule;

  private constructor(scope: Construct, host: ManagementHost, username: string, secret: secretsmanager.ISecret, object: IDependable) {
    this.scope = scope;
    this.host = host;
    this.username = username;
    this.secret = secret;
    this.object = object;
  }

  /**
   * Rotates the user's password with Secrets Manager: a rotation function of the broker sets the new password through
   * the management API (the user's tags and limits kept), signs in with it over AMQP, and only then makes it the
   * secret's AWSCURRENT. Open connections keep working; clients read the secret when they reconnect. The function runs
   * in the broker's VPC when the broker is private, and needs Secrets Manager from there (README, "Password rotation").
   */
  public addRotationSingleUser(options: UserRotationOptions = {}): secretsmanager.RotationSchedule {
    validateRules(this.scope, `RabbitMqVirtualHostUser.addRotationSingleUser('${this.username}')`, USER_ROTATION_RULES, {
      username: this.username, automaticallyAfter: options.automaticallyAfter, alreadyRotated: this.rotation !== undefined,
    });
    const fn = rabbitMqUserRotationFunction(this.host.brokerScope, this.host.access());
    // After the user exists on the broker: Secrets Manager rotates at once when the schedule is created.
    this.rotation = scheduleUserRotation(this.secret, fn, options, [this.object]);
    return this.rotation;
  }
}
