import { Duration, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HandlerFunctionClass, VPC_FUNCTION_NETWORK_ACTIONS } from './scoped-provider';

export interface ScopedFunctionProps {
  readonly handler: HandlerFunctionClass;
  readonly description: string;
  readonly timeout: Duration;
  readonly environment?: Record<string, string>;
  readonly vpc?: ec2.IVpc;
  readonly vpcSubnets?: ec2.SubnetSelection;
  readonly securityGroups?: ec2.ISecurityGroup[];
}

/**
 * A bundled handler with a role of its own (no managed policy; it writes only its own log group, kept one year).
 * Callers grant the rest on `role`.
 */
export function scopedFunction(scope: Construct, id: string, props: ScopedFunctionProps): { func: lambda.Function; role: iam.Role } {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_YEAR });
  const role = new iam.Role(scope, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  const func = new props.handler(scope, id, {
    role,
    logGroup,
    timeout: props.timeout,
    description: props.description,
    environment: props.environment,
    vpc: props.vpc,
    vpcSubnets: props.vpcSubnets,
    securityGroups: props.securityGroups,
  });
  if (props.vpc) {
    // A function in a VPC attaches network interfaces; a given role gets no managed policy, so it is granted here.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: VPC_FUNCTION_NETWORK_ACTIONS, resources: ['*'] }));
  }
  return { func, role };
}

/** The acknowledgement of a `*` resource on a role, with the reason (the actions that take no resource). */
export function acknowledgeStarResource(role: iam.IRole, reason: string): void {
  Validations.of(role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason });
}
