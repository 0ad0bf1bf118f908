import { Annotations, CustomResource, Fn, RemovalPolicy } from 'aws-cdk-lib';
import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IDependable } from 'constructs';
import { RabbitMqAuthentication } from './authentication/rabbitmq-authentication';
import { OPERATOR_POLICY_CHANGES_DISABLED } from './configuration/rabbitmq-conf-document';
import { RabbitMqConfiguration } from './configuration/rabbitmq-configuration';
import { RabbitMqConfigurationData } from './configuration/rabbitmq-configuration-data';
import { ImportedRabbitMqBroker } from './imported-rabbitmq-broker';
import { ManagementHost } from './management/management-host';
import { RabbitMqVirtualHostOptions } from './management/objects/virtual-host';
import { ManagedBrokerAccess } from './management/rabbitmq-management-provider';
import { RabbitMqVirtualHost } from './management/rabbitmq-virtual-host';
import { RabbitMqQueueMetricsCollector, RabbitMqQueueMetricsCollectorOptions } from './monitoring/queue-metrics-collector';
import { adminSecret } from './rabbitmq-admin-user';
import { RabbitMqBrokerAttributes } from './rabbitmq-broker-attributes';
import { RabbitMqBrokerBase, IRabbitMqBroker } from './rabbitmq-broker-base';
import { RabbitMqBrokerProps } from './rabbitmq-broker-props';
import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { RabbitMqEngineVersion } from './rabbitmq-engine-version';
import { RABBITMQ_RULES } from './rules';
import { checkManagementAccess } from './rules/management-access';
import { MANAGEMENT_LIMIT_RULES } from './rules/management-limits';
import { PROMETHEUS_RULES } from './rules/prometheus';
import { RABBITMQ_PROP_KIND_RULES } from './rules/prop-kinds';
import { rabbitMqSpec } from './rules/rabbitmq-spec';
import { createCfnBroker } from '../broker/broker-core';
import { brokerNetworking, wireBrokerTail } from '../broker/broker-tail';
import { passwordReference } from '../broker/broker-user-secret';
import { IBrokerConfiguration } from '../broker/configuration/broker-configuration';
import { brokerLogGroup } from '../broker/logging/broker-logs';
import { RabbitMqProtocol } from '../broker/protocol';
import { brokerRemovalPolicy } from '../broker/removal-policy';
import { uniqueChildId } from '../private/child-ids';
import { requireProps } from '../private/required';
import { validateRules, validateRulesAtSynth } from '../private/rules';

/**
 * An Amazon MQ for RabbitMQ broker: private, in your VPC, with a generated admin secret and logs kept one year
 * by default.
 *
 * @example
 * declare const vpc: ec2.IVpc;
 * new RabbitMqBroker(this, 'Broker', {
 *   vpc,
 *   engineVersion: RabbitMqEngineVersion.V4_2,
 *   deploymentMode: RabbitMqDeploymentMode.CLUSTER_MULTI_AZ,
 * });
 */
export class RabbitMqBroker extends RabbitMqBrokerBase {
  /** Imports an existing single-instance RabbitMQ broker by its ARN (use fromBrokerAttributes for other modes). */
  public static fromBrokerArn(scope: Construct, id: string, brokerArn: string): IRabbitMqBroker {
    return RabbitMqBroker.fromBrokerAttributes(scope, id, { brokerArn });
  }

  /** Imports an existing RabbitMQ broker; metrics, grants and connections work on it, and virtual hosts with `adminSecret`. */
  public static fromBrokerAttributes(scope: Construct, id: string, attrs: RabbitMqBrokerAttributes): IRabbitMqBroker {
    return new ImportedRabbitMqBroker(scope, id, attrs);
  }

  public readonly brokerArn: string;
  public readonly brokerId: string;
  public readonly brokerName: string;
  public readonly connections: ec2.Connections;
  /** The deployment mode. */
  public readonly deploymentMode: RabbitMqDeploymentMode;
  /** The administrative user's name. */
  public readonly adminUsername?: string;
  /** The secret with the administrative user's `username` and `password` keys. */
  public readonly adminSecret?: secretsmanager.ISecret;
  /** The customer managed key that encrypts the broker, with encryption KMS. */
  public readonly encryptionKey?: kms.IKey;
  /** AMQPS endpoints (`amqps://...:5671`). @attribute */
  public readonly amqpsEndpoints: string[];
  /** Web console URLs. @attribute */
  public readonly consoleUrls: string[];
  /** The engine version actually running, with its patch number. @attribute */
  public readonly engineVersionCurrent: string;
  /** The ID of the configuration the broker runs (Amazon MQ's default one when none is given). @attribute */
  public readonly configurationId: string;
  /** The revision of that configuration the broker runs. @attribute */
  public readonly configurationRevision: number;

  /** Whether clients may sign in with a password (PLAIN), for event sources. @internal */
  public readonly _acceptsPasswords: boolean;
  private readonly logTypes: string[];
  private readonly resource: CfnBroker;
  private readonly givenConfiguration?: IBrokerConfiguration;
  /** The configuration the broker made itself (CONFIG_MANAGED authentication or operator policies). */
  private ownConfiguration?: RabbitMqConfiguration;
  private readonly engineVersion: RabbitMqEngineVersion;
  private readonly reboot?: CustomResource;
  private readonly management: Omit<ManagedBrokerAccess, 'endpoint' | 'adminSecret' | 'connections' | 'brokerArn' | 'deletedWithStack'>;
  private readonly managementHost: ManagementHost;

  constructor(scope: Construct, id: string, props: RabbitMqBrokerProps) {
    super(scope, id);
    requireProps(this, props);
    validateRules(this, 'RabbitMqBroker', RABBITMQ_PROP_KIND_RULES, props);
    const publiclyAccessible = props.publiclyAccessible ?? false;
    const authentication = props.authentication ?? RabbitMqAuthentication.simple();
    const hasAdmin = props.adminUser !== undefined || authentication.internalUsers;
    this.adminUsername = hasAdmin ? props.adminUser?.username ?? 'admin' : undefined;
    const spec = rabbitMqSpec(this, props, authentication, this.adminUsername);
    validateRules(this, 'RabbitMqBroker', RABBITMQ_RULES, spec);
    // At synth, once every virtual host and queue is defined: the counts against the limits in force.
    validateRulesAtSynth(this, MANAGEMENT_LIMIT_RULES, () => ({ broker: spec, virtualHosts: this.managementHost.virtualHosts }));
    warnPublicSubnets(this, publiclyAccessible, props.vpc);

    this.deploymentMode = props.deploymentMode;
    this.brokerName = spec.brokerName;
    // A public broker's management API is reachable from outside any VPC; a private one's only from its subnets.
    this.management = publiclyAccessible || !props.vpc ? {} : { vpc: props.vpc, vpcSubnets: { subnets: spec.subnets } };
    const removalPolicy = brokerRemovalPolicy(props.removalPolicy);
    // Public RabbitMQ brokers take no security groups (F-P02); RabbitMQ groups cannot change later (F-P03).
    const { securityGroups, connections } = brokerNetworking(this, props, 'RabbitMQ', RabbitMqProtocol.AMQPS.port, !publiclyAccessible);
    this.connections = connections;

    this.adminSecret = adminSecret(this, props.adminUser, this.adminUsername, removalPolicy);
    // OAuth 2.0, LDAP and HTTP live in the configuration: the broker makes one when none is given.
    this._acceptsPasswords = authentication.acceptsPasswords;
    this.givenConfiguration = props.configuration;
    this.engineVersion = props.engineVersion;
    this.ownConfiguration = props.configuration === undefined && authentication._livesInConfiguration
      ? new RabbitMqConfiguration(this, 'Configuration', { engineVersion: props.engineVersion, data: RabbitMqConfigurationData.fromText(''), authentication })
      : undefined;
    const configuration = props.configuration ?? this.ownConfiguration;

    const general = props.logs?.general ?? true;
    this.logTypes = general ? ['general'] : [];
    const { resource, encryptionKey } = createCfnBroker(this, { ...spec, configuration }, props, {
      engineType: 'RABBITMQ',
      securityGroups,
      users: this.adminUsername !== undefined && this.adminSecret
        ? [{ username: this.adminUsername, password: passwordReference(this.adminSecret) }]
        : undefined,
      extra: {
        storageType: 'EBS',
        authenticationStrategy: authentication.strategy,
        logs: { general },
        storageSize: spec.storageSizeGiB,
        resourceShareArns: props.resourceShareArns,
      },
    });
    this.resource = resource;
    this.encryptionKey = encryptionKey;
    this.brokerArn = resource.attrArn;
    this.brokerId = resource.ref;
    this.amqpsEndpoints = resource.attrAmqpEndpoints;
    this.consoleUrls = resource.attrConsoleUrLs;
    this.engineVersionCurrent = resource.attrEngineVersionCurrent;
    this.configurationId = resource.attrConfigurationId;
    this.configurationRevision = resource.attrConfigurationRevision;

    // RabbitMQ publishes through its service-linked role: no resource policy (mq-facts F-L03).
    this.reboot = wireBrokerTail(this, resource, {
      logTypes: this.logTypes, retention: props.logs?.retention, removalPolicy, logsResourcePolicy: false, applyImmediately: props.applyImmediately,
    });
    this.managementHost = this.newManagementHost(removalPolicy);
  }

  /** What the virtual hosts and their objects know of this broker, and reach its management API through. */
  private newManagementHost(removalPolicy: RemovalPolicy): ManagementHost {
    return new ManagementHost(this, {
      access: () => this.managementAccess(),
      adminUsername: this.adminUsername,
      removalPolicy,
      engineVersion: this.engineVersion.version,
      operatorPoliciesAllowed: () => this.operatorPoliciesAllowed(),
      allowOperatorPolicies: () => this.allowOperatorPolicies(),
    });
  }

  /** @internal */
  public _knownEngineVersion(): string {
    return this.engineVersion.version;
  }

  /** The AMQPS endpoint (`amqps://<host>:5671`), as a string token. */
  public get amqpsEndpoint(): string {
    return Fn.select(0, this.amqpsEndpoints);
  }

  /** The web console and management API URL (`https://<host>`), as a string token. */
  public get managementUrl(): string {
    return Fn.select(0, this.consoleUrls);
  }

  /**
   * A Prometheus scrape URL, `https://<host>:16001<path>` (RabbitMQ 4.2+; Developer Guide, "Accessing Prometheus
   * metrics": `/metrics`, `/metrics/detailed` and `/metrics/memory-breakdown`, not `/metrics/per-object`).
   * The scraper also needs `broker.connections.allowFrom(scraper, ec2.Port.tcp(RabbitMqProtocol.PROMETHEUS.port))`.
   * @param path @default '/metrics'
   */
  public prometheusUrl(path: string = '/metrics'): string {
    validateRules(this, 'RabbitMqBroker.prometheusUrl', PROMETHEUS_RULES, { engineVersion: this.engineVersion.version, path });
    return Fn.join('', [this.managementUrl, `:${RabbitMqProtocol.PROMETHEUS.port}`, path]);
  }

  /**
   * Adds a virtual host, and through it users, permissions, queues, exchanges, bindings, policies, shovels and
   * federation upstreams, applied through the RabbitMQ management API at deploy time (README, "Inside the broker").
   * `'/'`, the broker's default virtual host, may be added to define objects in it; it is never deleted.
   */
  public addVirtualHost(name: string, options: RabbitMqVirtualHostOptions = {}): RabbitMqVirtualHost {
    return new RabbitMqVirtualHost(this, uniqueChildId(this, 'VirtualHost', name === '/' ? 'Default' : name), { broker: this, name, ...options });
  }

  /**
   * Whether the broker's configuration lets the management API edit operator policies: true for a configuration the
   * broker makes (it sets the key), unknown for an imported one.
   */
  private operatorPoliciesAllowed(): boolean | undefined {
    if (this.givenConfiguration === undefined) {
      return true;
    }
    return this.givenConfiguration instanceof RabbitMqConfiguration
      ? this.givenConfiguration._settings()[OPERATOR_POLICY_CHANGES_DISABLED] === 'false'
      : undefined;
  }

  /**
   * Makes the configuration the broker owns allow operator policies (Amazon MQ's default forbids editing them): the
   * broker makes one when it has none. Returns the reboot that applies it on a running broker (applyImmediately),
   * which the operator policies wait for.
   */
  private allowOperatorPolicies(): IDependable | undefined {
    if (this.givenConfiguration !== undefined) {
      return this.reboot;
    }
    if (this.ownConfiguration === undefined) {
      this.ownConfiguration = new RabbitMqConfiguration(this, 'Configuration', {
        engineVersion: this.engineVersion,
        data: RabbitMqConfigurationData.fromSettings({ operatorPolicyChangesDisabled: false }),
      });
      this.resource.configuration = { id: this.ownConfiguration.configurationId, revision: this.ownConfiguration.configurationRevision };
    } else {
      this.ownConfiguration._setKeys({ [OPERATOR_POLICY_CHANGES_DISABLED]: 'false' });
    }
    return this.reboot;
  }

  /** What a client of the management API needs: endpoint, admin secret, network. */
  private managementAccess(): ManagedBrokerAccess {
    checkManagementAccess(this, this.adminSecret);
    return {
      ...this.management,
      adminSecret: this.adminSecret,
      connections: this.connections,
      endpoint: this.managementUrl,
      brokerArn: this.brokerArn,
      deletedWithStack: this.managementHost.removalPolicy === RemovalPolicy.DESTROY,
    };
  }

  /**
   * Publishes per-queue metrics to CloudWatch for this broker, which Amazon MQ does not do on RabbitMQ 4: a scheduled
   * function reads the management API (README, "Queue metrics on RabbitMQ 4").
   */
  public addQueueMetricsCollector(options: RabbitMqQueueMetricsCollectorOptions = {}): RabbitMqQueueMetricsCollector {
    return new RabbitMqQueueMetricsCollector(this, 'QueueMetrics', { broker: this, ...options });
  }

  /** @internal */
  public _managementHost(): ManagementHost {
    return this.managementHost;
  }

  /** The general log group (`/aws/amazonmq/broker/<id>/general`), when the broker publishes it. */
  public get generalLogGroup(): logs.ILogGroup | undefined {
    return this.logTypes.includes('general') ? brokerLogGroup(this, this.brokerId, 'general') : undefined;
  }

}

/** Amazon MQ takes a public RabbitMQ broker's subnets only from the default VPC (it takes no security groups). */
function warnPublicSubnets(broker: Construct, publiclyAccessible: boolean, vpc: ec2.IVpc | undefined): void {
  if (publiclyAccessible && vpc) {
    Annotations.of(broker).addWarningV2('cdk-amazon-mq:publicRabbitMqSubnets',
      'A publicly accessible RabbitMQ broker takes no security groups, and subnets given without security groups must be in the default VPC: the subnets of \'vpc\' must belong to the default VPC');
  }
}
