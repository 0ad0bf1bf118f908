// A production ActiveMQ pair: active/standby over two AZs, a customer managed key, logs kept 90 days,
// an application user and an operator with console access, Sunday-night maintenance, and a typed configuration
// (least-privilege authorization, dead-letter queues per queue, broker-side redelivery) applied at once on change;
// the recommended alarms page an encrypted SNS topic, and a dashboard shows them with the key graphs. One customer
// managed key of the stack encrypts that topic and what the library adds (its log groups, the users' secrets).
import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { exampleApp } from './app';
import { exampleVpc } from './network';
import {
  ActiveMqBroker, ActiveMqConfiguration, ActiveMqConfigurationData, ActiveMqDeadLetterStrategy, ActiveMqDeploymentMode, ActiveMqDestination,
  ActiveMqEngineVersion, ActiveMqProtocol, BrokerDashboard, BrokerEncryption, BrokerInstanceType, DayOfWeek, SupportResourceEncryption,
} from '../src';

export class ProdActiveMqStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const vpc = exampleVpc(this, 2);
    // Before the broker: the library's log groups and generated secrets read the key when they are created.
    const stackKey = new kms.Key(this, 'PagerKey', { enableKeyRotation: true, description: 'Encrypts the on-call topic, the Amazon MQ library\'s log groups and secrets' });
    SupportResourceEncryption.useKey(this, stackKey);
    const all = ['admins', 'activemq-webconsole'];
    const configuration = new ActiveMqConfiguration(this, 'Configuration', {
      engineVersion: ActiveMqEngineVersion.V5_19,
      description: 'Orders: per-queue dead letters, redelivery, least-privilege authorization',
      data: ActiveMqConfigurationData.fromModel({
        policyEntries: [{
          destination: ActiveMqDestination.queue('orders.>'),
          prioritizedMessages: true,
          deadLetterStrategy: ActiveMqDeadLetterStrategy.individual({ queuePrefix: 'DLQ.', useQueueForQueueMessages: true }),
        }],
        redelivery: { defaultPolicy: { maximumRedeliveries: 5, initialRedeliveryDelay: Duration.seconds(2), redeliveryDelay: Duration.seconds(10), useExponentialBackOff: true } },
        authorizationEntries: [
          { destination: ActiveMqDestination.allQueues(), read: all, write: all, admin: all },
          { destination: ActiveMqDestination.queue('orders.>'), read: ['orders', ...all], write: ['orders', ...all], admin: ['orders', ...all] },
          { destination: ActiveMqDestination.advisoryTopics(), read: ['orders', ...all], write: ['orders', ...all], admin: ['orders', ...all] },
        ],
      }),
    });
    const broker = new ActiveMqBroker(this, 'Broker', {
      vpc,
      // A stable name: one derived from the construct path changes if the construct moves, which replaces the broker.
      brokerName: 'orders-activemq',
      engineVersion: ActiveMqEngineVersion.V5_19,
      deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
      instanceType: BrokerInstanceType.M5_XLARGE,
      encryption: BrokerEncryption.KMS,
      logs: { retention: logs.RetentionDays.THREE_MONTHS },
      maintenanceWindow: { dayOfWeek: DayOfWeek.SUNDAY, timeOfDay: '02:00', timeZone: 'Europe/Paris' },
      users: [
        { username: 'orders-service', groups: ['orders'] },
        { username: 'operator', groups: ['admins'], consoleAccess: true },
      ],
      configuration,
      // A new revision (or user) takes effect at deploy time rather than in the next maintenance window.
      applyImmediately: true,
    });
    // The service's password rotates every 90 days; Amazon MQ applies it at the reboot the rotation starts (a failover).
    broker.addRotationSingleUser('orders-service', { automaticallyAfter: Duration.days(90) });
    const clients = new ec2.SecurityGroup(this, 'Clients', { vpc, description: 'Order services' });
    broker.connections.allowDefaultPortFrom(clients, 'OpenWire from order services');
    broker.allowProtocolFrom(clients, ActiveMqProtocol.STOMP);

    // CloudWatch publishes to an encrypted topic only when the key lets it.
    stackKey.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const pager = new sns.Topic(this, 'Pager', { masterKey: stackKey, enforceSSL: true });
    const alarms = broker.addRecommendedAlarms({
      actions: [new actions.SnsAction(pager)],
      queueDepth: [{ queue: 'orders.in', threshold: 10_000 }],
      queuesWithConsumers: ['orders.in'],
      deadLetterQueues: ['DLQ.orders.in'],
    });
    new BrokerDashboard(this, 'Dashboard', { brokers: [broker], alarms: alarms.alarms });
  }
}

if (require.main === module) {
  exampleApp(ProdActiveMqStack, 'ProdActiveMq');
}
