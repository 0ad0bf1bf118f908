// Applications on an ActiveMQ pair: a Lambda function fed by an event source mapping, and a Fargate service that
// connects itself with the failover URL. Private subnets without NAT: interface endpoints give the event source
// poller (Lambda, STS, Secrets Manager) and the tasks (ECR, CloudWatch Logs, Secrets Manager) their AWS APIs.
import { RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { exampleApp } from './app';
import { acknowledgeCompliance, acknowledgeEndpointIngress, exampleVpc } from './network';
import { ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, ActiveMqEventSource, ActiveMqProtocol } from '../src';

export class ConsumersStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const vpc = exampleVpc(this, 2);
    for (const [name, service] of Object.entries({
      Lambda: ec2.InterfaceVpcEndpointAwsService.LAMBDA, Sts: ec2.InterfaceVpcEndpointAwsService.STS,
      SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER, Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR, EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
    })) {
      acknowledgeEndpointIngress(vpc.addInterfaceEndpoint(name, { service }));
    }
    vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });   // ECR image layers

    const broker = new ActiveMqBroker(this, 'Broker', {
      vpc,
      brokerName: 'orders',
      engineVersion: ActiveMqEngineVersion.V5_19,
      deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // The Lambda consumer: one user of its own; the poller reads its secret and runs in the broker's subnets.
    const lambdaUser = broker.addUser('lambda-consumer');
    const functionLogs = new logs.LogGroup(this, 'ConsumerLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const functionRole = new iam.Role(this, 'ConsumerRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    functionLogs.grantWrite(functionRole);
    const consumer = new lambda.Function(this, 'Consumer', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline([
        'exports.handler = async (event) => {',
        '  for (const [queue, messages] of Object.entries(event.rmqMessagesByQueue ?? { [event.eventSource]: event.messages })) {',
        '    console.log(JSON.stringify({ queue, count: messages.length }));',
        '  }',
        '};',
      ].join('\n')),
      role: functionRole,
      logGroup: functionLogs,
    });
    consumer.addEventSource(new ActiveMqEventSource(broker, { queue: 'orders.in', credentials: lambdaUser.secret, batchSize: 100 }));
    // The consumer is the example's own function: what the compliance packs ask of it, and why this example goes without.
    acknowledgeCompliance(consumer, 'LambdaConcurrency', 'The event source mapping bounds the consumer\'s concurrency (one poller per '
      + 'queue); reserving more would take it from the account\'s unreserved pool.', ['HIPAA.Security', 'NIST.800.53.R5']);
    acknowledgeCompliance(consumer, 'LambdaDLQ', 'Invoked synchronously by its event source mapping, which a dead-letter queue never receives: '
      + 'failed messages are redelivered by ActiveMQ and end in its dead-letter queue.', ['HIPAA.Security', 'NIST.800.53.R5', 'Serverless']);
    acknowledgeCompliance(consumer, 'LambdaInsideVPC', 'The event source poller runs in the broker\'s subnets; the function itself reaches '
      + 'nothing in the VPC (it only logs).');
    acknowledgeCompliance(consumer, 'LambdaEventSourceMappingDestination', 'Amazon MQ event source mappings take no on-failure destination: '
      + 'messages of a failed batch go back to the broker, which redelivers them and then moves them to its dead-letter queue.', ['Serverless']);
    acknowledgeCompliance(consumer, 'LambdaDefaultMemorySize', 'An example consumer that only logs: the default memory and timeout are '
      + 'enough; size a real one from its measurements.', ['Serverless']);
    acknowledgeCompliance(consumer, 'LambdaDefaultTimeout', 'An example consumer that only logs: the default memory and timeout are '
      + 'enough; size a real one from its measurements.', ['Serverless']);
    acknowledgeCompliance(consumer, 'LambdaTracing', 'An example consumer that only logs; turn on tracing in a real one to follow a message '
      + 'from the broker through the function.', ['Serverless']);
    acknowledgeCompliance(functionRole, 'IAMNoInlinePolicy', 'The consumer\'s own role, whose policy (its log group, the broker and the '
      + 'user\'s secret for the event source) the CDK writes inline.');

    // The ECS consumer: the failover URL follows the active instance; the password stays in Secrets Manager.
    const ecsUser = broker.addUser('ecs-consumer');
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    const taskLogs = new logs.LogGroup(this, 'TaskLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const task = new ecs.FargateTaskDefinition(this, 'Task', { cpu: 256, memoryLimitMiB: 512 });
    task.addContainer('consumer', {
      image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(this, 'Image', 'order-consumer'), 'v1'),
      environment: { BROKER_URL: broker.failoverUrl(), BROKER_USER: ecsUser.username, BROKER_QUEUE: 'orders.in' },
      secrets: { BROKER_PASSWORD: ecs.Secret.fromSecretsManager(ecsUser.secret, 'password') },
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'consumer', logGroup: taskLogs }),
    });
    const service = new ecs.FargateService(this, 'Service', {
      cluster, taskDefinition: task, desiredCount: 2, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    });
    service.connections.allowTo(broker, ec2.Port.tcp(ActiveMqProtocol.OPENWIRE.port), 'OpenWire to the broker');

    Validations.of(task).acknowledge({
      id: 'AwsSolutions-ECS2',
      reason: 'The environment holds the broker URL, user name and queue, none of them secret; the password is a Secrets Manager reference.',
    });
    Validations.of(task).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ecr:GetAuthorizationToken, which ECS grants the execution role to pull the image, has no resource-level permission.',
    });
    acknowledgeCompliance(task, 'IAMNoInlinePolicy', 'The task\'s execution role, whose policy (pull the image, write its logs, read the '
      + 'password secret) ECS writes inline.');
    for (const logGroup of [functionLogs, taskLogs]) {
      acknowledgeCompliance(logGroup, 'CloudWatchLogGroupEncrypted', 'Example consumers that log message counts only, encrypted at rest by '
        + 'CloudWatch Logs; give a real consumer\'s logs your customer managed key.');
    }
  }
}

if (require.main === module) {
  exampleApp(ConsumersStack, 'Consumers');
}
