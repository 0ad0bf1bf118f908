import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeRules, INLINE_POLICY_REASON, LOG_GROUP_KEY_REASON, NAG_RULES } from './nag';
import { supportKey } from './support-key';

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
  /** Why the onEvent function runs outside any VPC, for cdk-nag. @default - it calls only AWS APIs */
  readonly onEventOutsideVpcReason?: string;
}

/** What a Lambda function in a VPC needs to attach its network interfaces (as AWSLambdaVPCAccessExecutionRole grants). */
export const VPC_FUNCTION_NETWORK_ACTIONS = [
  'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
];

/** Why the provider's functions, ours and the framework's, need none of what the compliance packs ask of functions. */
const FUNCTION_REASONS = {
  functionConcurrency: 'A custom resource function, invoked only through its provider (no other principal may invoke it), once per resource '
    + 'change of a deploy. Reserved concurrency would come out of the account\'s unreserved pool (Lambda keeps at least 100 unreserved; '
    + 'an account with a lower quota cannot reserve any, and the deploy would fail) and would throttle resources deployed in parallel.',
  functionDlq: 'The CDK Provider framework reports every failure to CloudFormation (the resource fails, the stack rolls back): our '
    + 'handlers are invoked synchronously, which a dead-letter queue never receives, and a failed CloudFormation event in a queue would '
    + 'have no consumer.',
  functionTracing: 'A deploy-time function that runs a few times per deploy and logs each decision; active tracing would add '
    + 'xray:PutTraceSegments on `*` to its role, for no request path to trace.',
  functionMemory: 'Waits on a few AWS API calls per invocation: 128 MB is enough, more memory would only cost more.',
  functionOutsideVpc: 'Calls only AWS APIs (Lambda, Step Functions, CloudWatch Logs, Amazon MQ, CloudFormation) and CloudFormation\'s '
    + 'pre-signed response URL, over TLS with IAM credentials: it reaches nothing inside a VPC, where it would need a NAT gateway or an '
    + 'interface endpoint per API.',
};

const WAITER_TRACING_REASON = 'The Provider framework waiter state machine only polls isComplete; X-Ray tracing adds nothing there.';

const FRAMEWORK_ACKNOWLEDGEMENTS = [
  { id: 'AwsSolutions-SF1', reason: 'The Provider framework waiter state machine only polls isComplete; logging it would need `logs:*Delivery` on `*`. Our handlers log every decision.' },
  { id: 'AwsSolutions-SF2', reason: WAITER_TRACING_REASON },
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
      const logGroup = libraryLogGroup(this, `${name}Logs`);
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

    const frameworkLogs = libraryLogGroup(this, 'FrameworkLogs');
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
    this.acknowledgeComplianceRules(props.onEventOutsideVpcReason);
  }

  /** The compliance packs' findings on the provider's functions, roles and waiter, each with its reason. */
  private acknowledgeComplianceRules(onEventOutsideVpcReason?: string): void {
    for (const child of this.node.findAll()) {
      if (child instanceof lambda.CfnFunction) {
        for (const concern of ['functionConcurrency', 'functionDlq', 'functionTracing', 'functionMemory'] as const) {
          acknowledgeRules(child, NAG_RULES[concern], FUNCTION_REASONS[concern]);
        }
        if (child.vpcConfig === undefined) {
          const onEvent = child.node.scope === this.onEventFunction;
          acknowledgeRules(child, NAG_RULES.functionOutsideVpc, (onEvent && onEventOutsideVpcReason) || FUNCTION_REASONS.functionOutsideVpc);
        }
      } else if (child instanceof iam.Role) {
        // On the role, so the policies added to it later (by each broker) are covered too.
        acknowledgeRules(child, NAG_RULES.inlinePolicy, INLINE_POLICY_REASON);
      } else if (child instanceof sfn.CfnStateMachine) {
        acknowledgeRules(child, NAG_RULES.stateMachineTracing, WAITER_TRACING_REASON);
      }
    }
  }
}

/**
 * A log group of the library's functions, kept a year, encrypted with the stack's support key when it has one
 * (SupportResourceEncryption.useKey()).
 */
export function libraryLogGroup(scope: Construct, id: string): logs.LogGroup {
  const encryptionKey = supportKey(scope);
  const logGroup = new logs.LogGroup(scope, id, { retention: logs.RetentionDays.ONE_YEAR, encryptionKey });
  if (!encryptionKey) {
    acknowledgeRules(logGroup, NAG_RULES.logGroupKey, LOG_GROUP_KEY_REASON);
  }
  return logGroup;
}
