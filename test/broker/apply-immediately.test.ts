import { Size } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion } from '../../src';
import { stackWithVpc } from '../util/stacks';

function twoBrokers() {
  const { stack, vpc } = stackWithVpc();
  const amq = new ActiveMqBroker(stack, 'Amq', {
    vpc, engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE, applyImmediately: true,
  });
  const rmq = new RabbitMqBroker(stack, 'Rmq', {
    vpc,
    engineVersion: RabbitMqEngineVersion.V4_2,
    deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ,
    applyImmediately: true,
    storageSize: Size.gibibytes(200),
    resourceShareArns: ['arn:aws:ram:us-east-1:123456789012:resource-share/abc'],
  });
  return { stack, amq, rmq, template: Template.fromStack(stack) };
}

test('each broker gets a reboot custom resource keyed on what Amazon MQ applies only at a reboot (F-M02)', () => {
  const { template, stack, amq } = twoBrokers();
  const resources = template.findResources('Custom::AmazonMqBrokerReboot');
  expect(Object.keys(resources)).toHaveLength(2);
  const amqId = stack.getLogicalId(amq.node.defaultChild as never);
  const amqReboot = Object.values(resources).find((r) => JSON.stringify(r.Properties.BrokerId).includes(amqId))!;
  expect(amqReboot.Properties.TimeoutSeconds).toBe('1800');
  expect(Object.keys(amqReboot.Properties.PendingChanges).sort()).toEqual(['EngineVersion', 'HostInstanceType', 'Logs', 'Users']);
  // RabbitMQ storage size and resource shares also wait for a reboot.
  const rmq = Object.values(resources).find((r) => r !== amqReboot)!;
  expect(rmq.Properties.PendingChanges).toMatchObject({ StorageSize: 200, ResourceShareArns: ['arn:aws:ram:us-east-1:123456789012:resource-share/abc'] });
  expect(amqReboot.Properties.PendingChanges.Users).toEqual([{ username: 'admin', consoleAccess: true }]);
  // CloudFormation refuses secretsmanager dynamic references in custom resource properties.
  expect(JSON.stringify(resources)).not.toContain('resolve:secretsmanager');
});

test('one provider per stack, with handlers on the current Node.js runtime', () => {
  const { template } = twoBrokers();
  const handlers = Object.values(template.findResources('AWS::Lambda::Function'))
    .filter((f) => String(f.Properties.Description ?? '').startsWith('Amazon MQ applyImmediately'));
  expect(handlers.map((f) => f.Properties.Runtime)).toEqual(['nodejs24.x', 'nodejs24.x']);
  template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
});

test('the handlers may reboot and describe exactly these brokers, and write only their own log groups', () => {
  const { template, stack, amq, rmq } = twoBrokers();
  const policies = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p).includes('mq:'));
  const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
  const mqStatements = statements.filter((s: { Action: string | string[] }) => [s.Action].flat().some((a) => a.startsWith('mq:')));
  const arns = [amq, rmq].map((b) => ({ 'Fn::GetAtt': [stack.getLogicalId(b.node.defaultChild as never), 'Arn'] }));
  expect(mqStatements.map((s: { Resource: unknown }) => s.Resource)).toEqual(expect.arrayContaining(arns));
  expect(mqStatements.every((s: { Resource: unknown }) => s.Resource !== '*')).toBe(true);
  const rebootActions = mqStatements.filter((s: { Action: string | string[] }) => [s.Action].flat().includes('mq:RebootBroker'));
  expect(rebootActions).toHaveLength(2);
  // Reading the stack's status (to tell a rollback) is limited to this stack.
  const stackStatus = statements.filter((s: { Action: string | string[] }) => [s.Action].flat().includes('cloudformation:DescribeStacks'));
  expect(stackStatus).toEqual([expect.objectContaining({ Resource: { Ref: 'AWS::StackId' } })]);
  // Every role of the stack (ours and the Provider framework's) carries no managed policy: every permission is inline and scoped.
  const roles = Object.entries(template.findResources('AWS::IAM::Role'));
  expect(roles.map(([id]) => id)).toEqual(expect.arrayContaining([
    expect.stringMatching(/^AmazonMqBrokerRebootProviderOnEventRole/),
    expect.stringMatching(/^AmazonMqBrokerRebootProviderIsCompleteRole/),
    expect.stringMatching(/^AmazonMqBrokerRebootProviderFrameworkOnEventRole/),
  ]));
  for (const [, role] of roles) {
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  }
});

test('without applyImmediately there is no custom resource', () => {
  const { stack, vpc } = stackWithVpc();
  new ActiveMqBroker(stack, 'Amq', { vpc, engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE });
  Template.fromStack(stack).resourceCountIs('Custom::AmazonMqBrokerReboot', 0);
});

test('a new passwordVersionId on an ActiveMQ user reboots the broker with applyImmediately; the password itself never reaches the custom resource', () => {
  const versionOf = (passwordVersionId?: string) => {
    const { stack, vpc } = stackWithVpc();
    new ActiveMqBroker(stack, 'Amq', {
      vpc,
      engineVersion: ActiveMqEngineVersion.V5_19,
      deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE,
      applyImmediately: true,
      users: [{ username: 'app', passwordVersionId }],
    });
    const [reboot] = Object.values(Template.fromStack(stack).findResources('Custom::AmazonMqBrokerReboot'));
    expect(JSON.stringify(reboot)).not.toContain('resolve:secretsmanager');
    return reboot.Properties.PendingChanges.Users;
  };
  expect(versionOf()).toEqual([{ username: 'app' }]);
  expect(versionOf('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d')).toEqual([{ username: 'app', passwordVersionId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }]);
});
