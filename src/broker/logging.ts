import { ArnFormat, Aws, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';


/** Log group name Amazon MQ writes a log type to (mq-facts F-L01, F-L03). */
export function brokerLogGroupName(brokerId: string, logType: string): string {
  return Fn.join('', ['/aws/amazonmq/broker/', brokerId, `/${logType}`]);
}

const RETENTION_ROLE_ID = 'AmazonMqLogRetentionRole';

/**
 * The role of the stack's LogRetention function, shared by the brokers of the stack. Each broker adds its own
 * log groups to it, so the role can change retention on those groups only, not on `*` as the default role can.
 */
function retentionRole(scope: Construct): iam.Role {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(RETENTION_ROLE_ID) as iam.Role | undefined;
  if (existing) {
    return existing;
  }
  const role = new iam.Role(stack, RETENTION_ROLE_ID, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'Sets retention on Amazon MQ broker log groups',
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/lambda/*]',
    reason: 'Only /aws/lambda/* log groups of this account and region: the retention function writes to its own log group, whose name is known only after the function exists. Broker log groups are named exactly.',
  });
  // The function also sets retention on, and writes to, its own log group, whose name is known only after
  // the function exists (naming it here would make a cycle): limited to Lambda log groups of this account.
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:PutRetentionPolicy'],
    resources: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '/aws/lambda/*', arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
  }));
  return role;
}

/** The log group of one log type of a broker, imported by name on first use (imports cost synth time). */
export function brokerLogGroup(scope: Construct, brokerId: string, logType: string): logs.ILogGroup {
  const id = `${logType[0].toUpperCase()}${logType.slice(1)}LogGroup`;
  return scope.node.tryFindChild(id) as logs.ILogGroup | undefined
    ?? logs.LogGroup.fromLogGroupName(scope, id, brokerLogGroupName(brokerId, logType));
}

/**
 * Sets retention on the log groups of one broker, through aws-cdk-lib's LogRetention custom resource (which
 * creates the group if Amazon MQ has not yet).
 */
export function retainBrokerLogs(scope: Construct, brokerId: string, logTypes: string[],
  retention: logs.RetentionDays, removalPolicy: RemovalPolicy): void {
  const role = retentionRole(scope);
  for (const logType of logTypes) {
    const logGroupName = brokerLogGroupName(brokerId, logType);
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogGroup', 'logs:DeleteRetentionPolicy', 'logs:PutRetentionPolicy'],
      resources: [Fn.join('', ['arn:', Aws.PARTITION, ':logs:', Aws.REGION, ':', Aws.ACCOUNT_ID, ':log-group:', logGroupName])],
    }));
    const id = `${logType[0].toUpperCase()}${logType.slice(1)}Log`;
    // An immutable view of the role: LogRetention would otherwise add logs:PutRetentionPolicy on `*` to it.
    const retentionResource = new logs.LogRetention(scope, `${id}Retention`, { logGroupName, retention, role: role.withoutPolicyUpdates(), removalPolicy });
    retentionResource.node.addDependency(role);
  }
}

const RESOURCE_POLICY_ID = 'AmazonMqLogsResourcePolicy';

/**
 * The CloudWatch Logs resource policy that lets Amazon MQ for ActiveMQ write its logs (mq-facts F-L02): once per
 * stack, for the `/aws/amazonmq/` log groups of this account and region, only on behalf of this account.
 * Returns it so the broker can depend on it (it must exist before the broker starts).
 */
export function activeMqLogsResourcePolicy(scope: Construct): logs.ResourcePolicy {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(RESOURCE_POLICY_ID) as logs.ResourcePolicy | undefined;
  if (existing) {
    return existing;
  }
  const policy = new logs.ResourcePolicy(stack, RESOURCE_POLICY_ID, {
    resourcePolicyName: Fn.join('-', [Aws.STACK_NAME, 'AmazonMQLogs']),
  });
  policy.document.addStatements(new iam.PolicyStatement({
    sid: 'AmazonMQWriteLogs',
    principals: [new iam.ServicePrincipal('mq.amazonaws.com')],
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: [Fn.join('', ['arn:', Aws.PARTITION, ':logs:', Aws.REGION, ':', Aws.ACCOUNT_ID, ':log-group:/aws/amazonmq/*'])],
    conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
  }));
  return policy;
}
