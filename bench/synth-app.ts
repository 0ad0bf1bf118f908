// One benchmark run: synthesizes an app of N ActiveMQ brokers with default props, built either with this
// library ("library") or by hand from CfnBroker and the same supporting resources ("raw").
// Prints JSON: milliseconds to build and synthesize, and the process's peak RSS.
import { Aws, CustomResource, Fn, App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as cr from 'aws-cdk-lib/custom-resources';
import { ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion } from '../src';

const [kind, count] = [process.argv[2], Number(process.argv[3])];
const started = process.hrtime.bigint();
const app = new App({ outdir: process.argv[4] });
// 25 brokers per stack: 100 brokers would exceed CloudFormation's 500 resources in one stack.
const PER_STACK = 25;
// Assigned by stackFor() before any use.
let stack!: Stack;
let vpc!: ec2.Vpc;
function stackFor(i: number): void {
  if (i % PER_STACK === 0) {
    stack = new Stack(app, `Bench${i / PER_STACK}`);
    vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
  }
}

function rawBroker(i: number): void {
  const { provider, role, policy } = rawStackShared();
  const sg = new ec2.SecurityGroup(stack, `Sg${i}`, { vpc, allowAllOutbound: false });
  const secret = new secretsmanager.Secret(stack, `Secret${i}`, {
    generateSecretString: { secretStringTemplate: '{"username":"admin"}', generateStringKey: 'password', passwordLength: 32, excludeCharacters: ',:=' },
  });
  const broker = new CfnBroker(stack, `Broker${i}`, {
    brokerName: `bench-broker-${i}`, engineType: 'ACTIVEMQ', engineVersion: '5.19', deploymentMode: 'SINGLE_INSTANCE',
    hostInstanceType: 'mq.m5.large', publiclyAccessible: false, autoMinorVersionUpgrade: true, storageType: 'EFS',
    authenticationStrategy: 'SIMPLE', encryptionOptions: { useAwsOwnedKey: true }, logs: { general: true, audit: true },
    subnetIds: [vpc.selectSubnets().subnets[0].subnetId], securityGroups: [sg.securityGroupId],
    users: [{ username: 'admin', consoleAccess: true, password: secret.secretValueFromJson('password').unsafeUnwrap() }],
  });
  broker.applyRemovalPolicy(RemovalPolicy.RETAIN);
  broker.node.addDependency(policy);
  const names = ['general', 'audit'].map((type) => Fn.join('', ['/aws/amazonmq/broker/', broker.ref, `/${type}`]));
  const permissions = new iam.Policy(stack, `RetentionPolicy${i}`, {
    roles: [role],
    statements: [new iam.PolicyStatement({
      actions: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy'],
      resources: names.map((name) => Fn.join('', ['arn:', Aws.PARTITION, ':logs:', Aws.REGION, ':', Aws.ACCOUNT_ID, ':log-group:', name])),
    })],
  });
  // One retention resource per broker for both of its log groups, as the library makes.
  const retention = new CustomResource(stack, `Retention${i}`, {
    serviceToken: provider.serviceToken, resourceType: 'Custom::LogRetention', properties: { LogGroupNames: names, RetentionInDays: '365' },
  });
  retention.node.addDependency(permissions);
}

/** The per-stack resources a hand-written app shares between brokers: a retention function, its provider, the logs policy. */
function rawStackShared(): { provider: cr.Provider; role: iam.Role; policy: CustomResource } {
  const existing = stack.node.tryFindChild('RetentionProvider') as cr.Provider | undefined;
  if (existing) {
    return { provider: existing, role: stack.node.findChild('RetentionRole') as iam.Role, policy: stack.node.findChild('LogsPolicy') as CustomResource };
  }
  const role = new iam.Role(stack, 'RetentionRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['logs:PutResourcePolicy'], resources: ['*'] }));
  const logGroup = new logs.LogGroup(stack, 'RetentionLogs', { retention: logs.RetentionDays.ONE_YEAR });
  logGroup.grantWrite(role);
  const onEvent = new lambda.Function(stack, 'RetentionFunction', {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', role, logGroup, code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
  const provider = new cr.Provider(stack, 'RetentionProvider', { onEventHandler: onEvent, logGroup: new logs.LogGroup(stack, 'FrameworkLogs') });
  const document = new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('mq.amazonaws.com')], actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [Fn.join('', ['arn:', Aws.PARTITION, ':logs:', Aws.REGION, ':', Aws.ACCOUNT_ID, ':log-group:/aws/amazonmq/*'])],
    })],
  });
  const policy = new CustomResource(stack, 'LogsPolicy', {
    serviceToken: provider.serviceToken, properties: { PolicyName: 'mq-logs', PolicyDocument: stack.toJsonString(document) },
  });
  return { provider, role, policy };
}

if (kind === 'library') {
  for (let i = 0; i < count; i++) {
    stackFor(i);
    new ActiveMqBroker(stack, `Broker${i}`, { vpc, engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE });
  }
} else {
  for (let i = 0; i < count; i++) {
    stackFor(i);
    rawBroker(i);
  }
}
const assembly = app.synth();
const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources).length, 0);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ kind, count, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, resources }));
