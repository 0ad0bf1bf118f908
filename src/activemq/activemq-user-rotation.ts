import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ActivemqUserRotationFunction } from './activemq-user-rotation-function';
import { UserRotationOptions } from '../broker/rotation/user-rotation-options';
import { ROTATION_FUNCTION_NAG_REASONS } from '../broker/rotation/user-rotation-schedule';
import { scopedFunction } from '../private/scoped-function';

/** How an ActiveMQ user's password rotates. */
export interface ActiveMqUserRotationOptions extends UserRotationOptions {
  /**
   * Whether each rotation reboots the broker to apply the new password (Amazon MQ applies user changes at a reboot).
   * The broker is unavailable during the reboot (a few minutes; active/standby brokers fail over); the rotation then
   * waits for it and only makes the new password AWSCURRENT once Amazon MQ has applied it. With `false`, the password
   * is staged and the rotation fails until the next reboot or maintenance window has applied it, keeping AWSCURRENT on
   * the password the broker accepts; a rotation attempt after that reboot finishes it (README, "Password rotation").
   * @default true
   */
  readonly rebootBroker?: boolean;
}

/**
 * The broker's one rotation function (construct ID `UserRotation<reboot|staged>` under the broker), outside any VPC: it
 * calls only the Amazon MQ and Secrets Manager APIs. It may describe the broker and update its users, and reboot it
 * when asked; each RotationSchedule grants it the secret it rotates. 15 minutes: testSecret waits for the reboot.
 */
export function activeMqUserRotationFunction(broker: Construct, brokerId: string, brokerArn: string, rebootBroker: boolean): lambda.Function {
  const id = rebootBroker ? 'UserRotation' : 'UserRotationStaged';
  const existing = broker.node.tryFindChild(id) as lambda.Function | undefined;
  if (existing) {
    return existing;
  }
  const { func, role } = scopedFunction(broker, id, {
    handler: ActivemqUserRotationFunction,
    description: `Amazon MQ ActiveMQ user password rotation for ${broker.node.path}${rebootBroker ? ' (reboots the broker)' : ''}`,
    timeout: Duration.minutes(15),
    environment: { BROKER_ID: brokerId, REBOOT_BROKER: String(rebootBroker) },
    nagReasons: ROTATION_FUNCTION_NAG_REASONS,
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['mq:DescribeBroker', 'mq:DescribeUser', 'mq:UpdateUser', ...rebootBroker ? ['mq:RebootBroker'] : []],
    resources: [brokerArn],
  }));
  return func;
}
