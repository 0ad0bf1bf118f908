// A production RabbitMQ cluster: three nodes over three AZs, 4.2 on Graviton, 200 GiB per node,
// a customer managed key, logs kept six months, clients allowed from one security group, and a typed
// rabbitmq.conf (consumer timeout, heartbeat, resource limits within the instance type's maximums), the
// recommended alarms and a dashboard. Inside the broker: an `orders` virtual host with an application user,
// quorum queues, a dead-letter policy and a limits operator policy, applied through the management API. The alarms
// page an SNS topic; one key of the stack encrypts it and what the library adds (its log groups, generated secrets).
import { Duration, Size, Stack, StackProps } from 'aws-cdk-lib';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { exampleApp } from './app';
import { acknowledgeEndpointIngress, exampleVpc } from './network';
import {
  BrokerDashboard, BrokerEncryption, BrokerInstanceType, DayOfWeek, RabbitMqBroker, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqDeploymentMode,
  RabbitMqEngineVersion, RabbitMqExchangeType, SupportResourceEncryption,
} from '../src';

export class ProdRabbitMqStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const vpc = exampleVpc(this, 3);
    // Before the broker: the library's log groups and generated secrets read the key when they are created.
    const stackKey = new kms.Key(this, 'StackKey', { enableKeyRotation: true, description: 'Encrypts the on-call topic, the Amazon MQ library\'s log groups and secrets' });
    SupportResourceEncryption.useKey(this, stackKey);
    const configuration = new RabbitMqConfiguration(this, 'Configuration', {
      engineVersion: RabbitMqEngineVersion.V4_2,
      data: RabbitMqConfigurationData.fromSettings({
        consumerTimeout: Duration.minutes(10),
        heartbeat: Duration.seconds(120),
        connectionMax: 400,
        clusterQueueLimit: 2000,
        maxMessageSizeBytes: 1024 * 1024,
        // The operator policy below needs this (Amazon MQ's default forbids editing operator policies).
        operatorPolicyChangesDisabled: false,
      }),
    });
    const broker = new RabbitMqBroker(this, 'Broker', {
      vpc,
      // A stable name: one derived from the construct path changes if the construct moves, which replaces the broker.
      brokerName: 'orders-rabbitmq',
      engineVersion: RabbitMqEngineVersion.V4_2,
      deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ,
      instanceType: BrokerInstanceType.M7G_LARGE,
      storageSize: Size.gibibytes(200),
      encryption: BrokerEncryption.KMS,
      logs: { retention: logs.RetentionDays.SIX_MONTHS },
      maintenanceWindow: { dayOfWeek: DayOfWeek.SATURDAY, timeOfDay: '23:30' },
      configuration,
    });
    const workers = new ec2.SecurityGroup(this, 'Workers', { vpc, description: 'Queue workers' });
    broker.connections.allowDefaultPortFrom(workers, 'AMQPS from queue workers');

    // The management function reads its secrets from Secrets Manager: these subnets have no NAT, so an endpoint.
    const secretsEndpoint = vpc.addInterfaceEndpoint('SecretsManager', { service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER });
    acknowledgeEndpointIngress(secretsEndpoint);
    const orders = broker.addVirtualHost('orders', { description: 'Order processing' });
    const worker = orders.addUser('orders-worker', { permissions: { configure: '^$', write: '^orders\\.', read: '^orders\\.' } });
    // Secrets Manager rotates the worker's password every 30 days and sets it on the broker (README "Password rotation").
    worker.addRotationSingleUser();
    orders.addExchange('orders.events', { type: RabbitMqExchangeType.TOPIC });
    orders.addExchange('orders.dlx', { type: RabbitMqExchangeType.FANOUT });
    // Typed tuning is each queue's own policy, changeable in place (a policy of the app matching 'jobs' would not apply to it).
    orders.addQueue('jobs', { deliveryLimit: 5, deadLetterExchange: 'orders.dlx' });
    orders.addQueue('orders.dead', { messageTtl: Duration.days(7) });
    orders.addBinding({ source: 'orders.events', destinationQueue: 'jobs', routingKey: 'order.*' });
    orders.addBinding({ source: 'orders.dlx', destinationQueue: 'orders.dead' });
    orders.addOperatorPolicy('limits', { pattern: '.*', definition: { 'max-length': 100000 } });

    // CloudWatch publishes to an encrypted topic only when the key lets it.
    stackKey.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const pager = new sns.Topic(this, 'Pager', { masterKey: stackKey, enforceSSL: true });
    const alarms = broker.addRecommendedAlarms({ maxConnections: 350, actions: [new actions.SnsAction(pager)] });
    // Amazon MQ publishes no queue metrics for RabbitMQ 4: the collector does, and its alarms watch the queue.
    const queueMetrics = broker.addQueueMetricsCollector({ queues: [{ queue: 'jobs', virtualHost: 'orders' }] });
    const queueAlarms = queueMetrics.addAlarms('JobsAlarms', { queuesWithConsumers: [{ queue: 'jobs', virtualHost: 'orders' }], actions: [new actions.SnsAction(pager)] });
    new BrokerDashboard(this, 'Dashboard', { brokers: [broker], alarms: [...alarms.alarms, ...queueAlarms] });
  }
}

if (require.main === module) {
  exampleApp(ProdRabbitMqStack, 'ProdRabbitMq');
}
