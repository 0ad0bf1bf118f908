import { Aws, CustomResource, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BrokerLogsFunction } from './broker-logs-function';
import type { LogRetentionProperties } from './broker-logs-handler';
import { LOG_RETENTION_TYPE, LOGS_RESOURCE_POLICY_TYPE } from './broker-logs-resource-types';
import { acknowledgeRules, INLINE_POLICY_REASON, NAG_RULES } from '../../private/nag';
import { ScopedProvider } from '../../private/scoped-provider';

/** Log group name Amazon MQ writes a log type to (mq-facts F-L01, F-L03). */
export function brokerLogGroupName(brokerId: string, logType: string): string {
  return Fn.join('', ['/aws/amazonmq/broker/', brokerId, `/${logType}`]);
}

/** The log group of one log type of a broker, imported by name on first use (imports cost synth time). */
export function brokerLogGroup(scope: Construct, brokerId: string, logType: string): logs.ILogGroup {
  const id = `${logType[0].toUpperCase()}${logType.slice(1)}LogGroup`;
  return scope.node.tryFindChild(id) as logs.ILogGroup | undefined
    ?? logs.LogGroup.fromLogGroupName(scope, id, brokerLogGroupName(brokerId, logType));
}

/**
 * The name of the CloudWatch Logs resource policy Amazon MQ for ActiveMQ writes logs through: one per account and
 * region (the quota is 10), shared by every stack of this library there, so the same name in each.
 */
export const LOGS_RESOURCE_POLICY_NAME = 'cdk-amazon-mq-AmazonMQLogs';

/**
 * The stack's provider of the library's CloudWatch Logs custom resources: a function of ours, whose role each
 * broker extends with its own log groups, independent of aws-cdk-lib's stack-wide LogRetention function.
 */
class BrokerLogsProvider extends ScopedProvider {
  public static of(scope: Construct): BrokerLogsProvider {
    return ScopedProvider.stackSingleton(scope, 'AmazonMqLogsProvider', (stack) => new BrokerLogsProvider(stack, 'AmazonMqLogsProvider'));
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id, {
      description: 'Amazon MQ broker logs',
      onEventHandler: BrokerLogsFunction,
      handlerTimeout: Duration.minutes(2),
    });
  }

  /**
   * Lets the function set retention on a broker's log groups, and delete them when the broker is destroyed with
   * the stack. A policy of the broker's, not the role's default policy: the function must not depend on any broker,
   * since brokers depend on the resource policy the function puts.
   */
  public allowRetention(scope: Construct, logGroupNames: string[], removalPolicy: RemovalPolicy): iam.Policy {
    const arns = logGroupNames.map((name) => Fn.join('', ['arn:', Aws.PARTITION, ':logs:', Aws.REGION, ':', Aws.ACCOUNT_ID, ':log-group:', name]));
    const policy = new iam.Policy(scope, 'LogRetentionPolicy', {
      roles: [this.onEventRole],
      statements: [new iam.PolicyStatement({
        actions: [
          'logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy',
          ...(removalPolicy === RemovalPolicy.DESTROY ? ['logs:DeleteLogGroup'] : []),
        ],
        // The log-group ARN without `:*`: these actions act on the group, not on its streams.
        resources: arns,
      })],
    });
    acknowledgeRules(policy, NAG_RULES.inlinePolicy, INLINE_POLICY_REASON);
    return policy;
  }

  /**
   * Lets the function put resource policies: CloudWatch Logs has no resource-level permission for that action.
   * Called once per stack, with the stack's one resource policy.
   */
  public allowResourcePolicy(): void {
    this.onEventRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['logs:PutResourcePolicy'], resources: ['*'] }));
    Validations.of(this.onEventRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'logs:PutResourcePolicy only, which has no resource-level permission: it puts the one policy Amazon MQ for ActiveMQ needs to write its logs.',
    });
  }
}

/**
 * Sets retention on the log groups of one broker, creating each group if Amazon MQ has not yet, and deleting them
 * on stack delete only when `removalPolicy` is DESTROY. One custom resource for all of the broker's groups.
 * Retention defaults to one year here, for both engines.
 */
export function retainBrokerLogs(scope: Construct, brokerId: string, logTypes: string[],
  retention: logs.RetentionDays = logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy): void {
  const provider = BrokerLogsProvider.of(scope);
  const logGroupNames = logTypes.map((t) => brokerLogGroupName(brokerId, t));
  const permissions = provider.allowRetention(scope, logGroupNames, removalPolicy);
  // The id of the former general-log resource (one per group before): upgrading is then an Update of it, whose
  // rollback is an Update back, not a Create whose rollback Delete would delete groups the old resources still
  // manage. The id must not follow the log types: a new id would make CloudFormation delete the old resource,
  // and with it groups the new one still lists.
  const resource = new CustomResource(scope, 'GeneralLogRetention', {
    serviceToken: provider.serviceToken,
    resourceType: LOG_RETENTION_TYPE,
    properties: {
      LogGroupNames: logGroupNames,
      RetentionInDays: retention === logs.RetentionDays.INFINITE ? undefined : String(retention),
      RemovalPolicy: removalPolicy === RemovalPolicy.DESTROY ? 'destroy' : 'retain',
    } satisfies LogRetentionProperties,
  });
  // The permissions must exist before the function runs.
  resource.node.addDependency(permissions);
}

/**
 * Puts the CloudWatch Logs resource policy that lets Amazon MQ for ActiveMQ write its logs (mq-facts F-L02): for
 * the `/aws/amazonmq/` log groups of this account and region, only on behalf of this account, under
 * LOGS_RESOURCE_POLICY_NAME. Once per stack; kept when the stack is deleted. Returns it so the broker can depend
 * on it (it must exist before the broker starts).
 */
export function activeMqLogsResourcePolicy(scope: Construct): CustomResource {
  const stack = Stack.of(scope);
  const id = 'AmazonMqLogsResourcePolicy';
  const existing = stack.node.tryFindChild(id) as CustomResource | undefined;
  if (existing) {
    return existing;
  }
  const provider = BrokerLogsProvider.of(scope);
  provider.allowResourcePolicy();
  const document = new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({
      sid: 'AmazonMQWriteLogs',
      principals: [new iam.ServicePrincipal('mq.amazonaws.com')],
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [Fn.join('', ['arn:', Aws.PARTITION, ':logs:', Aws.REGION, ':', Aws.ACCOUNT_ID, ':log-group:/aws/amazonmq/*'])],
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    })],
  });
  const policy = new CustomResource(stack, id, {
    serviceToken: provider.serviceToken,
    resourceType: LOGS_RESOURCE_POLICY_TYPE,
    properties: { PolicyName: LOGS_RESOURCE_POLICY_NAME, PolicyDocument: stack.toJsonString(document) },
  });
  policy.node.addDependency(provider.onEventRole);
  return policy;
}
