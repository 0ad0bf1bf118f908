import { IResource, Resource } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { amazonMqMetric } from './broker-metric';
import { BrokerProtocol } from './protocol';

/** An Amazon MQ broker of either engine, created here or imported. */
export interface IBroker extends IResource, ec2.IConnectable {
  /**
   * The broker's ARN: `arn:<partition>:mq:<region>:<account>:broker:<name>:<id>`.
   * @attribute
   */
  readonly brokerArn: string;
  /**
   * The broker's ID, for example `b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9`.
   * @attribute
   */
  readonly brokerId: string;
  /**
   * The broker's name; CloudWatch publishes the broker's metrics under it.
   * @attribute
   */
  readonly brokerName: string;
  /** `ACTIVEMQ` or `RABBITMQ`, as Amazon MQ names the engine. */
  readonly engineType: string;

  /** Allows connections from `other` to the broker on one protocol's port. */
  allowProtocolFrom(other: ec2.IConnectable, protocol: BrokerProtocol): void;
  /** Grants the given Amazon MQ actions (for example `mq:RebootBroker`) on this broker. */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;
  /** Grants read access to this broker's description, users and tags. */
  grantRead(grantee: iam.IGrantable): iam.Grant;
  /** Grants `mq:RebootBroker`, which applies pending configuration and user changes now. */
  grantReboot(grantee: iam.IGrantable): iam.Grant;
  /**
   * A CloudWatch metric of this broker in the `AWS/AmazonMQ` namespace, with the `Broker` dimension Amazon MQ
   * publishes for the engine.
   */
  metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /**
   * An EventBridge rule for the Amazon MQ API calls on this broker that CloudTrail records (RebootBroker,
   * UpdateBroker, DeleteBroker, CreateUser, ...). Narrow it with `eventPattern: { detail: { eventName: [...] } }`.
   * EventBridge receives these events only in a region where a CloudTrail trail records management events.
   */
  onCloudTrailEvent(id: string, options?: events.OnEventOptions): events.Rule;
  /** The engine's key graphs (CPU, memory, storage, connections, messages) for a dashboard row. */
  keyMetricWidgets(): cloudwatch.IWidget[];
}

/** Read-only actions on a broker (mq-facts §4). */
const READ_ACTIONS = ['mq:DescribeBroker', 'mq:DescribeUser', 'mq:ListTags', 'mq:ListUsers'];

/**
 * What every broker, new or imported, can do from its attributes alone: grants and metrics.
 */
export abstract class BrokerBase extends Resource implements IBroker {
  public abstract readonly brokerArn: string;
  public abstract readonly brokerId: string;
  public abstract readonly brokerName: string;
  public abstract readonly engineType: string;
  public abstract readonly connections: ec2.Connections;

  /**
   * The value of the `Broker` dimension of broker-level metrics: the broker name for RabbitMQ, the name
   * with the instance suffix for ActiveMQ.
   */
  protected abstract get metricBrokerDimension(): string;

  public abstract keyMetricWidgets(): cloudwatch.IWidget[];

  public allowProtocolFrom(other: ec2.IConnectable, protocol: BrokerProtocol): void {
    this.connections.allowFrom(other, ec2.Port.tcp(protocol.port), `${protocol.name} to Amazon MQ broker ${this.node.path}`);
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.brokerArn] });
  }

  public onCloudTrailEvent(id: string, options: events.OnEventOptions = {}): events.Rule {
    const rule = new events.Rule(this, id, options);
    rule.addTarget(options.target);
    // CloudTrail names Amazon MQ `amazonmq.amazonaws.com` (Developer Guide, data-protection CloudTrail samples), and
    // EventBridge's source is `aws.` plus that prefix. Calls on a broker carry its ID as the `brokerId` path parameter.
    rule.addEventPattern({
      source: ['aws.amazonmq'],
      detailType: ['AWS API Call via CloudTrail'],
      detail: { eventSource: ['amazonmq.amazonaws.com'], requestParameters: { brokerId: [this.brokerId] } },
    });
    return rule;
  }

  public grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...READ_ACTIONS);
  }

  public grantReboot(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'mq:RebootBroker');
  }

  /**
   * @default - Average over 5 minutes
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return amazonMqMetric(this, metricName, { Broker: this.metricBrokerDimension }, cloudwatch.Stats.AVERAGE, props);
  }
}
