import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { IDependable } from 'constructs';
import { UserRotationOptions } from './user-rotation-options';
import { acknowledgeStarResource } from '../../private/scoped-function';

/** Why a rotation function's role has `*` resources. */
export const ROTATION_STAR_REASON = 'secretsmanager:GetRandomPassword takes no resource (the rotation function draws the new password with it); '
  + 'with a VPC, the network interface actions of a Lambda function in a VPC (as AWSLambdaVPCAccessExecutionRole grants them), which EC2 does not scope.';

/**
 * The rotation schedule of one user's secret, with the broker's rotation function. The schedule waits for `after`
 * (the user on the broker): Secrets Manager rotates at once when the schedule is created, and the user must exist
 * with the current password by then. RotationSchedule grants the function the secret's Describe/Get/Put/
 * UpdateSecretVersionStage on its ARN, GetRandomPassword, and the secret's key through Secrets Manager.
 */
export function scheduleUserRotation(secret: secretsmanager.ISecret, fn: lambda.IFunction, options: UserRotationOptions,
  after: IDependable[]): secretsmanager.RotationSchedule {
  // A child of the secret (as addRotationSchedule makes it): the secret's SMG4 acknowledgement looks for it there.
  const schedule = secret.addRotationSchedule('Rotation', {
    rotationLambda: fn,
    automaticallyAfter: options.automaticallyAfter ?? Duration.days(30),
    rotateImmediatelyOnUpdate: options.rotateImmediatelyOnUpdate,
  });
  after.forEach((a) => schedule.node.addDependency(a));
  if (fn.role) {
    acknowledgeStarResource(fn.role as iam.IRole, ROTATION_STAR_REASON);
  }
  return schedule;
}
