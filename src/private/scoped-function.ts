import { Duration, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledgeRules, INLINE_POLICY_REASON, NAG_RULES } from './nag';
import { HandlerFunctionClass, libraryLogGroup, VPC_FUNCTION_NETWORK_ACTIONS } from './scoped-provider';

export interface ScopedFunctionProps {
  readonly handler: HandlerFunctionClass;
  readonly description: string;
  readonly timeout: Duration;
  readonly environment?: Record<string, string>;
  readonly vpc?: ec2.IVpc;
  readonly vpcSubnets?: ec2.SubnetSelection;
  readonly securityGroups?: ec2.ISecurityGroup[];
  /** Why the function's compliance-pack findings (cdk-nag HIPAA, NIST, PCI, Serverless) are what they should be. */
  readonly nagReasons: FunctionNagReasons;
}

/** One reason per concern the compliance packs raise on a Lambda function of the library. */
export interface FunctionNagReasons {
  readonly functionConcurrency: string;
  readonly functionDlq: string;
  readonly functionTracing: string;
  readonly functionMemory: string;
  /** Only asked for when the function runs outside any VPC. */
  readonly functionOutsideVpc: string;
}

/**
 * A bundled handler with a role of its own (no managed policy; it writes only its own log group, kept one year and
 * encrypted with the stack's support key when it has one). Callers grant the rest on `role`.
 */
export function scopedFunction(scope: Construct, id: string, props: ScopedFunctionProps): { func: lambda.Function; role: iam.Role } {
  const logGroup = libraryLogGroup(scope, `${id}Logs`);
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
  for (const concern of ['functionConcurrency', 'functionDlq', 'functionTracing', 'functionMemory'] as const) {
    acknowledgeRules(func, NAG_RULES[concern], props.nagReasons[concern]);
  }
  if (!props.vpc) {
    acknowledgeRules(func, NAG_RULES.functionOutsideVpc, props.nagReasons.functionOutsideVpc);
  }
  // On the role, so the policies callers add to it later are covered too.
  acknowledgeRules(role, NAG_RULES.inlinePolicy, INLINE_POLICY_REASON);
  return { func, role };
}

/** The acknowledgement of a `*` resource on a role, with the reason (the actions that take no resource). */
export function acknowledgeStarResource(role: iam.IRole, reason: string): void {
  Validations.of(role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason });
}
