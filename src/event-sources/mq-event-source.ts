import { Annotations, Names, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { ActiveMqEventSourceProps, MqEventSourceOptions, RabbitMqEventSourceProps } from './mq-event-source-options';
import { MQ_EVENT_SOURCE_RULES } from './rules';
import { ActiveMqBroker } from '../activemq/activemq-broker';
import { IActiveMqBroker } from '../activemq/activemq-broker-ref';
import { BrokerProtocol, ActiveMqProtocol, RabbitMqProtocol } from '../broker/protocol';
import { uniqueChildId } from '../private/child-ids';
import { requireObject } from '../private/required';
import { validateRules } from '../private/rules';
import { RabbitMqBroker } from '../rabbitmq/rabbitmq-broker';
import { IRabbitMqBroker } from '../rabbitmq/rabbitmq-broker-ref';

// Public through this module, which index.ts exports.
export * from './mq-event-source-options';

/** The mapping, its grants and its network path; shared by both engines, which differ in protocol and access types. */
function bindMqEventSource(target: lambda.IFunction, broker: IActiveMqBroker | IRabbitMqBroker, options: MqEventSourceOptions,
  credentials: secretsmanager.ISecret, protocol: BrokerProtocol, virtualHost?: string): lambda.EventSourceMapping {
  const extraAccess = virtualHost === undefined ? [] : [{ type: lambda.SourceAccessConfigurationType.VIRTUAL_HOST, uri: virtualHost }];
  // The ID of earlier versions, made unique where two sources would share it (one queue name in two virtual hosts,
  // or names that differ only in punctuation).
  const id = uniqueChildId(target, `MqEventSource${Names.nodeUniqueId(broker.node)}`, options.queue.replace(/[^A-Za-z0-9]/g, ''),
    `${virtualHost ?? ''}\u0000${options.queue}`);
  const mapping = target.addEventSourceMapping(id, {
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

/** The broker's and the function's regions, for the region rule (tokens where unknown). */
function regions(target: lambda.IFunction, broker: IActiveMqBroker | IRabbitMqBroker): { brokerRegion: string; functionRegion: string } {
  return { brokerRegion: broker.env.region, functionRegion: Stack.of(target).region };
}

/** The defaulted sign-in reads a powerful user's password into the function's role: said loudly, and what to do. */
function warnDefaultCredentials(target: lambda.IFunction, what: string, whom: string, instead: string): void {
  Annotations.of(target).addWarningV2('cdk-amazon-mq:eventSourceDefaultCredentials',
    `${what} has no 'credentials', so it signs in as ${whom}: the function's role can read that password. `
    + `Give it a user of its own that can only consume the queue, e.g. credentials: ${instead}`);
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
    requireObject(target, 'ActiveMqEventSource', 'props', this.props, "an object with at least 'queue'");
    const fallback = this.broker instanceof ActiveMqBroker ? this.broker.users[0] : undefined;
    // None is refused by MqEventSourceCredentials.
    const credentials = this.props.credentials ?? fallback?.secret;
    validateRules(target, 'ActiveMqEventSource', MQ_EVENT_SOURCE_RULES, {
      ...this.props,
      ...regions(target, this.broker),
      activeMqAuthentication: this.broker instanceof ActiveMqBroker ? this.broker._authenticationStrategy : undefined,
      engine: 'ActiveMQ',
      signInSecret: credentials,
    });
    if (!this.props.credentials) {
      warnDefaultCredentials(target, 'ActiveMqEventSource', `the broker's first user '${fallback!.username}' (by default its admin, with console access)`,
        'broker.addUser(\'consumer\').secret');
    }
    this.mapping = bindMqEventSource(target, this.broker, this.props, credentials!, ActiveMqProtocol.OPENWIRE);
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
    requireObject(target, 'RabbitMqEventSource', 'props', this.props, "an object with at least 'queue'");
    // None is refused by MqEventSourceCredentials.
    const credentials = this.props.credentials ?? (this.broker instanceof RabbitMqBroker ? this.broker.adminSecret : undefined);
    validateRules(target, 'RabbitMqEventSource', MQ_EVENT_SOURCE_RULES, {
      ...this.props,
      ...regions(target, this.broker),
      rabbitMqPasswords: this.broker instanceof RabbitMqBroker ? this.broker._acceptsPasswords : undefined,
      engine: 'RabbitMQ',
      signInSecret: credentials,
    });
    if (!this.props.credentials) {
      warnDefaultCredentials(target, 'RabbitMqEventSource', 'the broker\'s admin (administrator of every virtual host)',
        `broker.addVirtualHost('${this.props.virtualHost ?? '/'}').addUser('consumer', { permissions: { configure: '^$', write: '^$', read: '^${this.props.queue}$' } }).secret`);
    }
    this.mapping = bindMqEventSource(target, this.broker, this.props, credentials!, RabbitMqProtocol.AMQPS, this.props.virtualHost);
  }

  /** The mapping's ID, once bound. */
  public get eventSourceMappingId(): string {
    if (!this.mapping) {
      throw new Error('RabbitMqEventSource is not yet bound to a function');
    }
    return this.mapping.eventSourceMappingId;
  }
}
