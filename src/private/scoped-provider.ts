import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** A projen-generated Lambda function class (bundled handler, current Node.js runtime). */
export type HandlerFunctionClass = new (scope: Construct, id: string, props: lambda.FunctionOptions) => lambda.Function;

export interface ScopedProviderProps {
  readonly description: string;
  readonly onEventHandler: HandlerFunctionClass;
  readonly isCompleteHandler?: HandlerFunctionClass;
  /** Timeout of each handler invocation. */
  readonly handlerTimeout: Duration;
  readonly queryInterval?: Duration;
  readonly totalTimeout?: Duration;
  /** Runs the onEvent function in this VPC (to reach a private broker). @default - outside any VPC */
  readonly vpc?: ec2.IVpc;
  readonly vpcSubnets?: ec2.SubnetSelection;
  readonly securityGroups?: ec2.ISecurityGroup[];
}

/** What a Lambda function in a VPC needs to attach its network interfaces (as AWSLambdaVPCAccessExecutionRole grants). */
export const VPC_FUNCTION_NETWORK_ACTIONS = [
  'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
];

const FRAMEWORK_ACKNOWLEDGEMENTS = [
  { id: 'AwsSolutions-SF1', reason: 'The Provider framework waiter state machine only polls isComplete; logging it would need `logs:*Delivery` on `*`. Our handlers log every decision.' },
  { id: 'AwsSolutions-SF2', reason: 'The Provider framework waiter state machine only polls isComplete; X-Ray tracing adds nothing there.' },
];

/**
 * A CDK Provider framework whose functions, ours and the framework's, run with roles of ours: no managed policy,
 * each writes only its own log group. Callers add what the handlers may do to `onEventRole`/`isCompleteRole`.
 */
export class ScopedProvider extends Construct {
  /** The stack's one provider under `id`, created by `create` on first use. */
  protected static stackSingleton<T extends ScopedProvider>(scope: Construct, id: string, create: (stack: Stack) => T): T {
    const stack = Stack.of(scope);
    return (stack.node.tryFindChild(id) as T | undefined) ?? create(stack);
  }

  public readonly serviceToken: string;
  public readonly onEventFunction: lambda.Function;
  public readonly onEventRole: iam.Role;
  public readonly isCompleteRole?: iam.Role;

  constructor(scope: Construct, id: string, props: ScopedProviderProps) {
    super(scope, id);
    const handler = (name: string, fn: HandlerFunctionClass, network: Pick<lambda.FunctionOptions, 'vpc' | 'vpcSubnets' | 'securityGroups'> = {}) => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, { retention: logs.RetentionDays.ONE_YEAR });
      const role = new iam.Role(this, `${name}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      logGroup.grantWrite(role);
      const func = new fn(this, name, { role, logGroup, timeout: props.handlerTimeout, description: `${props.description}: ${name}`, ...network });
      return { role, func };
    };
    const onEvent = handler('OnEvent', props.onEventHandler, { vpc: props.vpc, vpcSubnets: props.vpcSubnets, securityGroups: props.securityGroups });
    if (props.vpc) {
      // A function in a VPC attaches network interfaces; a given role gets no managed policy, so it is granted here.
      onEvent.role.addToPrincipalPolicy(new iam.PolicyStatement({
        actions: VPC_FUNCTION_NETWORK_ACTIONS,
        resources: ['*'],
      }));
      Validations.of(onEvent.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'The network interface actions a Lambda function in a VPC needs (as AWSLambdaVPCAccessExecutionRole grants them); EC2 does not scope DescribeNetworkInterfaces to a resource.',
      });
    }
    const isComplete = props.isCompleteHandler && handler('IsComplete', props.isCompleteHandler);
    this.onEventFunction = onEvent.func;
    this.onEventRole = onEvent.role;
    this.isCompleteRole = isComplete?.role;

    const frameworkLogs = new logs.LogGroup(this, 'FrameworkLogs', { retention: logs.RetentionDays.ONE_YEAR });
    const frameworkRole = (name: string) => {
      const role = new iam.Role(this, name, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      frameworkLogs.grantWrite(role);
      return role;
    };
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent.func,
      isCompleteHandler: isComplete?.func,
      queryInterval: props.queryInterval,
      totalTimeout: props.totalTimeout,
      logGroup: frameworkLogs,
      frameworkOnEventRole: frameworkRole('FrameworkOnEventRole'),
      frameworkCompleteAndTimeoutRole: isComplete && frameworkRole('FrameworkCompleteAndTimeoutRole'),
      // Waiter logging stays off (the framework's default): turning it on grants `logs:*Delivery` actions on `*`.
    });
    this.serviceToken = provider.serviceToken;

    // Invocation grants name each function by ARN with a version wildcard: acknowledged with that exact evidence.
    const stack = Stack.of(this);
    const invokeEvidence = this.node.findAll()
      .filter((c): c is lambda.CfnFunction => c instanceof lambda.CfnFunction)
      .map((fn) => ({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn)}.Arn>:*]`,
        reason: 'Lambda invoke permission on one function by ARN, any version (`:*`), as the CDK Provider framework grants it.',
      }));
    for (const child of this.node.findAll()) {
      Validations.of(child).acknowledge(...invokeEvidence);
    }
    if (isComplete) {
      for (const child of provider.node.findAll()) {
        Validations.of(child).acknowledge(...FRAMEWORK_ACKNOWLEDGEMENTS);
      }
    }
  }
}
