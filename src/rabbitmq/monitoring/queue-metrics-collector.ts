import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { QueueMetricsFunction } from './queue-metrics-function';
import { RabbitMqQueueDepthAlarm, RabbitMqQueueRef } from './rabbitmq-broker-alarms';
import { above, createAlarms, noConsumers } from '../../broker/monitoring/alarm-helpers';
import { BrokerAlarmOptions } from '../../broker/monitoring/broker-alarm-options';
import { acknowledgeRules, INLINE_POLICY_REASON, NAG_RULES } from '../../private/nag';
import { requireProps } from '../../private/required';
import { validateRules } from '../../private/rules';
import { libraryLogGroup, VPC_FUNCTION_NETWORK_ACTIONS } from '../../private/scoped-provider';
import { managementHostOf } from '../management/management-host';
import type { IRabbitMqBroker } from '../rabbitmq-broker-ref';
import { QUEUE_METRICS_COLLECTOR_RULES } from '../rules/queue-metrics';

/** Options of a queue metrics collector. */
export interface RabbitMqQueueMetricsCollectorOptions {
  /**
   * How often the queues are read (CloudWatch keeps one-minute data for 15 days).
   * @default Duration.minutes(1)
   */
  readonly interval?: Duration;
  /**
   * Only these queues; fewer queues cost fewer custom metrics.
   * @default - every queue of the broker
   */
  readonly queues?: RabbitMqQueueRef[];
}

/** Props of a queue metrics collector. */
export interface RabbitMqQueueMetricsCollectorProps extends RabbitMqQueueMetricsCollectorOptions {
  /** The broker whose queues are read through its management API, as its admin user. */
  readonly broker: IRabbitMqBroker;
}

/** Alarms on the collected queue metrics: the queue alarms of `addRecommendedAlarms`, for RabbitMQ 4. */
export interface RabbitMqQueueAlarmOptions extends BrokerAlarmOptions {
  /** Alarm when a queue's ready messages stay above a threshold for 15 minutes. @default - none */
  readonly queueDepth?: RabbitMqQueueDepthAlarm[];
  /** Alarm when a queue has had no consumer for 15 minutes (also when it stops being published). @default - none */
  readonly queuesWithConsumers?: RabbitMqQueueRef[];
}

/**
 * Per-queue CloudWatch metrics for RabbitMQ 4 brokers, which Amazon MQ does not publish (Developer Guide, "RabbitMQ 4":
 * "Amazon MQ will not vend RabbitMQ queue metrics for RabbitMQ 4 brokers"). A scheduled function in the broker's
 * subnets reads `GET /api/queues` as the admin user and publishes `MessageCount`, `MessageReadyCount`,
 * `MessageUnacknowledgedCount` and `ConsumerCount` with the dimensions `Broker`, `VirtualHost` and `Queue` to the
 * namespace `CdkAmazonMq/RabbitMQ`. Its role may read the admin secret and put metric data in that namespace only.
 */
/** Why a failed run of the collector needs no dead-letter queue (Lambda's or the schedule target's). */
const MISSED_RUN = 'Invoked by its schedule every interval: a failed run is superseded by the next one, and a '
  + 'dead-letter queue would only hold stale samples nobody replays. Failures show in its log group, and as missing data in its alarms.';

export class RabbitMqQueueMetricsCollector extends Construct {
  /** The CloudWatch namespace of the collected metrics. */
  public static readonly NAMESPACE = 'CdkAmazonMq/RabbitMQ';

  /** The function that reads and publishes. */
  public readonly function: lambda.IFunction;
  private readonly brokerName: string;
  private readonly interval: Duration;

  constructor(scope: Construct, id: string, props: RabbitMqQueueMetricsCollectorProps) {
    super(scope, id);
    requireProps(this, props);
    this.interval = props.interval ?? Duration.minutes(1);
    validateRules(this, 'RabbitMqQueueMetricsCollector', QUEUE_METRICS_COLLECTOR_RULES, { interval: this.interval });
    const access = managementHostOf(props.broker, this).access();
    this.brokerName = props.broker.brokerName;
    const logGroup = libraryLogGroup(this, 'Logs');
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const securityGroup = access.vpc && new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: access.vpc,
      description: `Amazon MQ RabbitMQ queue metrics collector for ${props.broker.node.path}`,
      allowAllOutbound: false,
    });
    const fn = new QueueMetricsFunction(this, 'Function', {
      role,
      logGroup,
      timeout: Duration.minutes(1),
      // One run at a time per broker: a slow broker must not pile up concurrent readers.
      reservedConcurrentExecutions: 1,
      description: `Publishes the queue metrics of RabbitMQ broker ${this.brokerName}`,
      vpc: access.vpc,
      vpcSubnets: access.vpcSubnets,
      securityGroups: securityGroup && [securityGroup],
      environment: {
        MANAGEMENT_ENDPOINT: access.endpoint,
        ADMIN_SECRET_ARN: access.adminSecret.secretArn,
        BROKER_NAME: this.brokerName,
        METRIC_NAMESPACE: RabbitMqQueueMetricsCollector.NAMESPACE,
        ...(props.queues ? { QUEUES: JSON.stringify(props.queues.map((q) => `${q.virtualHost ?? '/'}/${q.queue}`)) } : {}),
      },
    });
    if (securityGroup) {
      access.connections.allowFrom(securityGroup, ec2.Port.tcp(443), 'RabbitMQ management API from the queue metrics collector');
      securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to the broker, Secrets Manager and CloudWatch');
      role.addToPrincipalPolicy(new iam.PolicyStatement({
        actions: VPC_FUNCTION_NETWORK_ACTIONS,
        resources: ['*'],
      }));
    }
    access.adminSecret.grantRead(role);
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': RabbitMqQueueMetricsCollector.NAMESPACE } },
    }));
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'cloudwatch:PutMetricData has no resource type (it is limited here to the collector\'s namespace by condition); the network interface actions are what a Lambda function in a VPC needs.',
    });
    this.acknowledgeComplianceRules(role, fn, access.vpc === undefined);
    new events.Rule(this, 'Schedule', {
      description: `Reads the queue metrics of RabbitMQ broker ${this.brokerName}`,
      schedule: events.Schedule.rate(this.interval),
      targets: [new targets.LambdaFunction(fn, { retryAttempts: 0 })],
    });
    this.function = fn;
    acknowledgeRules(this.node.findChild('Schedule'), NAG_RULES.ruleTargetDlq, MISSED_RUN);
  }

  /** The compliance packs' findings on the collector's function and role, each with its reason. */
  private acknowledgeComplianceRules(role: iam.Role, fn: lambda.Function, outsideVpc: boolean): void {
    acknowledgeRules(role, NAG_RULES.inlinePolicy, INLINE_POLICY_REASON);
    acknowledgeRules(fn, NAG_RULES.functionDlq, MISSED_RUN);
    acknowledgeRules(fn, NAG_RULES.functionTracing, 'It runs every interval and logs each run; active tracing would record (and X-Ray '
      + 'would bill beyond its free tier) one trace per run, and add xray:PutTraceSegments on `*` to its role.');
    acknowledgeRules(fn, NAG_RULES.functionMemory, 'Reads the broker\'s queue list and publishes four metrics per queue: 128 MB is '
      + 'enough for that; raise it through the function (`collector.function`) for a broker with very many queues.');
    if (outsideVpc) {
      acknowledgeRules(fn, NAG_RULES.functionOutsideVpc, 'The broker is publicly accessible (it has no VPC): its management API is reached '
        + 'over the internet, with TLS and the admin user\'s credentials.');
    }
  }

  /** Messages in a queue. Default: maximum over 5 minutes. */
  public metricQueueMessageCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('MessageCount', virtualHost, queue, options);
  }

  /** Messages of a queue ready for delivery. Default: maximum over 5 minutes. */
  public metricQueueMessageReadyCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('MessageReadyCount', virtualHost, queue, options);
  }

  /** Messages of a queue delivered and not yet acknowledged. Default: maximum over 5 minutes. */
  public metricQueueMessageUnacknowledgedCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('MessageUnacknowledgedCount', virtualHost, queue, options);
  }

  /** Consumers of a queue. Default: maximum over 5 minutes. */
  public metricQueueConsumerCount(virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConsumerCount', virtualHost, queue, options);
  }

  /** The queue alarms, on the collected metrics, with the thresholds and wording of `addRecommendedAlarms`. */
  public addAlarms(id: string, options: RabbitMqQueueAlarmOptions): cloudwatch.Alarm[] {
    const scope = new Construct(this, id);
    const period = { period: Duration.minutes(5) };
    const name = this.brokerName;
    const specs = [
      ...(options.queueDepth ?? []).map((q) => above(`MessageReadyCount-${q.virtualHost ?? '/'}-${q.queue}`,
        this.metricQueueMessageReadyCount(q.virtualHost ?? '/', q.queue, period), q.threshold, 3,
        `Queue ${q.queue} (vhost ${q.virtualHost ?? '/'}) of RabbitMQ broker ${name} above ${q.threshold} ready messages for 15 minutes: consumers fall behind.`,
        cloudwatch.TreatMissingData.NOT_BREACHING)),
      ...(options.queuesWithConsumers ?? []).map((q) => noConsumers(`NoConsumers-${q.virtualHost ?? '/'}-${q.queue}`,
        this.metricQueueConsumerCount(q.virtualHost ?? '/', q.queue, period),
        `Queue ${q.queue} (vhost ${q.virtualHost ?? '/'}) of RabbitMQ broker ${name} has had no consumer for 15 minutes (or the collector stopped publishing).`)),
    ];
    return createAlarms(scope, options.alarmNamePrefix ?? name, specs, options.actions);
  }

  private metric(metricName: string, virtualHost: string, queue: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: RabbitMqQueueMetricsCollector.NAMESPACE,
      metricName,
      dimensionsMap: { Broker: this.brokerName, VirtualHost: virtualHost, Queue: queue },
      statistic: cloudwatch.Stats.MAXIMUM,
      period: Duration.minutes(5),
      region: Stack.of(this).region,
      ...options,
    });
  }
}
