import { Duration, Names, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { MQ_EVENT_SOURCE_RULES } from './rules';
import { ActiveMqBroker } from '../activemq/activemq-broker';
import { IActiveMqBroker } from '../activemq/activemq-broker-base';
import { BrokerProtocol, ActiveMqProtocol, RabbitMqProtocol } from '../broker/protocol';
import { MqValidationError } from '../private/errors';
import { validateRules } from '../private/rules';
import { RabbitMqBroker } from '../rabbitmq/rabbitmq-broker';
import { IRabbitMqBroker } from '../rabbitmq/rabbitmq-broker-base';

/** What both Amazon MQ event sources take. */
export interface MqEventSourceOptions {
  /** The queue the function consumes (one per event source; an ActiveMQ virtual topic's consumer queue works too). */
  readonly queue: string;
  /**
   * A secret with the broker user's `username` and `password`.
   * @default - ActiveMQ: the broker's first user created by this library; RabbitMQ: its admin secret (required for imported brokers)
   */
  readonly credentials?: secretsmanager.ISecret;
  /**
   * Messages per invocation, 1-10000.
   * @default 100
   */
  readonly batchSize?: number;
  /**
   * How long to gather messages before invoking, up to 5 minutes.
   * @default - Lambda's default for Amazon MQ (500 ms)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Whether the mapping polls.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Event filtering: patterns built with `lambda.FilterCriteria.filter()`.
   * @default - every message
   */
  readonly filters?: Array<{ [key: string]: any }>;
}

/** An ActiveMQ event source. */
export interface ActiveMqEventSourceProps extends MqEventSourceOptions {}

/** A RabbitMQ event source. */
export interface RabbitMqEventSourceProps extends MqEventSourceOptions {
  /**
   * The virtual host of the queue.
   * @default '/'
   */
  readonly virtualHost?: string;
}

/** The mapping, its grants and its network path; shared by both engines, which differ in protocol and access types. */
function bindMqEventSource(target: lambda.IFunction, broker: IActiveMqBroker | IRabbitMqBroker, options: MqEventSourceOptions,
  credentials: secretsmanager.ISecret, protocol: BrokerProtocol, extraAccess: lambda.SourceAccessConfiguration[]): lambda.EventSourceMapping {
  const mapping = target.addEventSourceMapping(`MqEventSource${Names.nodeUniqueId(broker.node)}${options.queue.replace(/[^A-Za-z0-9]/g, '')}`, {
    eventSourceArn: broker.brokerArn,
    batchSize: options.batchSize,
    maxBatchingWindow: options.maxBatchingWindow,
    enabled: options.enabled,
    filters: options.filters,
    sourceAccessConfigurations: [{ type: lambda.SourceAccessConfigurationType.BASIC_AUTH, uri: credentials.secretArn }, ...extraAccess],
  });
  // The L2 mapping has no `queues` option (it serves Amazon MQ through the L1 property).
  (mapping.node.defaultChild as lambda.CfnEventSourceMapping).queues = [options.queue];
  // What Lambda's poller does with the function's role (Lambda Developer Guide, "with-mq"; mq-facts F-ESM6).
  broker.grant(target, 'mq:DescribeBroker');
  credentials.grantRead(target);
  target.addToRolePolicy(new iam.PolicyStatement({
    actions: [
      'ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs',
    ],
    // EC2 has no resource-level permission for the Describe actions; the poller creates its interfaces in the broker's subnets.
    resources: ['*'],
  }));
  if (target.role) {
    Validations.of(target.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'The network interface actions the Amazon MQ event source poller needs (Lambda Developer Guide); EC2 does not scope the Describe actions.',
    });
  }
  // The poller's interfaces sit in the broker's subnets with the broker's security groups: the group admits itself on
  // the protocol port, and may reach Lambda, STS and Secrets Manager (endpoints or NAT) on 443 (F-ESM8).
  broker.connections.allowInternally(ec2.Port.tcp(protocol.port), 'Lambda event source mapping to the broker');
  for (const group of broker.connections.securityGroups) {
    group.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'Lambda event source mapping to Lambda, STS and Secrets Manager');
  }
  // Created after those rules and deleted before them, so the poller never runs without its network path. Its
  // permissions already outlive it: the mapping names the function, which depends on its role and policies.
  mapping.node.addDependency(...broker.connections.securityGroups);
  return mapping;
}

/**
 * A Lambda event source consuming an ActiveMQ queue (`lambda.IEventSource`). Grants what the poller needs (describe the
 * broker, read the credentials, manage its network interfaces) and opens the broker's security group to it.
 *
 * @example
 * declare const broker: ActiveMqBroker;
 * declare const fn: lambda.Function;
 * fn.addEventSource(new ActiveMqEventSource(broker, { queue: 'orders.in', batchSize: 10 }));
 */
export class ActiveMqEventSource implements lambda.IEventSource {
  private mapping?: lambda.EventSourceMapping;

  constructor(private readonly broker: IActiveMqBroker, private readonly props: ActiveMqEventSourceProps) {}

  public bind(target: lambda.IFunction): void {
    validateRules(target, 'ActiveMqEventSource', MQ_EVENT_SOURCE_RULES, {
      ...this.props, activeMqAuthentication: this.broker instanceof ActiveMqBroker ? this.broker._authenticationStrategy : undefined,
    });
    const credentials = this.props.credentials ?? (this.broker instanceof ActiveMqBroker ? this.broker.users[0]?.secret : undefined);
    if (!credentials) {
      throw new MqValidationError(target, 'ActiveMqEventSource: \'credentials\' is missing; allowed: a secret with username and password (required for imported brokers and brokers without users)');
    }
    this.mapping = bindMqEventSource(target, this.broker, this.props, credentials, ActiveMqProtocol.OPENWIRE, []);
  }

  /** The mapping's ID, once bound. */
  public get eventSourceMappingId(): string {
    if (!this.mapping) {
      throw new Error('ActiveMqEventSource is not yet bound to a function');
    }
    return this.mapping.eventSourceMappingId;
  }
}

/**
 * A Lambda event source consuming a RabbitMQ queue (`lambda.IEventSource`), in a virtual host. Grants what the poller
 * needs and opens the broker's security group to it.
 *
 * @example
 * declare const broker: RabbitMqBroker;
 * declare const fn: lambda.Function;
 * fn.addEventSource(new RabbitMqEventSource(broker, { queue: 'jobs', virtualHost: 'orders' }));
 */
export class RabbitMqEventSource implements lambda.IEventSource {
  private mapping?: lambda.EventSourceMapping;

  constructor(private readonly broker: IRabbitMqBroker, private readonly props: RabbitMqEventSourceProps) {}

  public bind(target: lambda.IFunction): void {
    validateRules(target, 'RabbitMqEventSource', MQ_EVENT_SOURCE_RULES, {
      ...this.props, rabbitMqPasswords: this.broker instanceof RabbitMqBroker ? this.broker._acceptsPasswords : undefined,
    });
    const credentials = this.props.credentials ?? (this.broker instanceof RabbitMqBroker ? this.broker.adminSecret : undefined);
    if (!credentials) {
      throw new MqValidationError(target, 'RabbitMqEventSource: \'credentials\' is missing; allowed: a secret with username and password (required for imported brokers)');
    }
    const vhost = this.props.virtualHost === undefined ? []
      : [{ type: lambda.SourceAccessConfigurationType.VIRTUAL_HOST, uri: this.props.virtualHost }];
    this.mapping = bindMqEventSource(target, this.broker, this.props, credentials, RabbitMqProtocol.AMQPS, vhost);
  }

  /** The mapping's ID, once bound. */
  public get eventSourceMappingId(): string {
    if (!this.mapping) {
      throw new Error('RabbitMqEventSource is not yet bound to a function');
    }
    return this.mapping.eventSourceMappingId;
  }
}
