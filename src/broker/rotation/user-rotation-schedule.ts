import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { IDependable } from 'constructs';
import { UserRotationOptions } from './user-rotation-options';
import { acknowledgeStarResource, FunctionNagReasons } from '../../private/scoped-function';

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

/** Why a rotation function's compliance-pack findings are as they are (cdk-nag HIPAA, NIST, PCI, Serverless). */
export const ROTATION_FUNCTION_NAG_REASONS: FunctionNagReasons = {
  functionConcurrency: 'Invoked only by Secrets Manager, four steps per rotation of one user\'s secret. Reserved concurrency would come out '
    + 'of the account\'s unreserved pool (an account with a low quota cannot reserve any, and the deploy would fail).',
  functionDlq: 'Secrets Manager invokes each rotation step synchronously and keeps a failed rotation pending on the secret (AWSCURRENT '
    + 'unchanged) until it is retried: a dead-letter queue receives only asynchronous invocations, never these.',
  functionTracing: 'Runs four steps per rotation and logs each; active tracing would add xray:PutTraceSegments on `*` to its role, '
    + 'for no request path to trace.',
  functionMemory: 'Waits on a few API calls per step: 128 MB is enough, more memory would only cost more.',
  functionOutsideVpc: 'Reaches only AWS APIs (Secrets Manager, Amazon MQ) or a public broker, over TLS: nothing inside a VPC, where it '
    + 'would need a NAT gateway or an interface endpoint per API.',
};
