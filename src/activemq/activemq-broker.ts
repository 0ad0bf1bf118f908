import { Annotations, Fn, Lazy, RemovalPolicy, Token } from 'aws-cdk-lib';
import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ActiveMqAuthentication } from './activemq-authentication';
import { ActiveMqBrokerAttributes } from './activemq-broker-attributes';
import { ActiveMqBrokerBase, IActiveMqBroker } from './activemq-broker-base';
import { ActiveMqBrokerProps } from './activemq-broker-props';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from './activemq-deployment-mode';
import { checkInstance, endpointScheme } from './activemq-endpoints';
import { replicaProps, replicateFromPrimary } from './activemq-replication';
import { ActiveMqUser, ActiveMqUserOptions, ActiveMqUserProps } from './activemq-user';
import { activeMqUserRotationFunction, ActiveMqUserRotationOptions } from './activemq-user-rotation';
import { ImportedActiveMqBroker } from './imported-activemq-broker';
import { ACTIVEMQ_RULES } from './rules';
import { activeMqSpec, ActiveMqSpec } from './rules/activemq-spec';
import { ACTIVEMQ_AUTHENTICATION_RULES, ACTIVEMQ_SYNTH_RULES } from './rules/authentication';
import { ACTIVEMQ_PROP_KIND_RULES } from './rules/prop-kinds';
import { ACTIVEMQ_ROTATION_RULES } from './rules/user-rotation';
import { createCfnBroker } from '../broker/broker-core';
import { registerBrokerSpec } from '../broker/broker-registry';
import { brokerNetworking, wireBrokerTail } from '../broker/broker-tail';
import { generateUserSecret, passwordReference } from '../broker/broker-user-secret';
import { brokerLogGroup } from '../broker/logging/broker-logs';
import { ActiveMqProtocol, BrokerProtocol } from '../broker/protocol';
import { brokerRemovalPolicy } from '../broker/removal-policy';
import { scheduleUserRotation } from '../broker/rotation/user-rotation-schedule';
import { USER_ROTATION_RULES } from '../broker/rules/user-rotation';
import { USER_RULES } from '../broker/rules/users';
import { requireProps } from '../private/required';
import { Rule, validateRules, validateRulesAtSynth } from '../private/rules';

/** The rules a user added after construction is checked against. */
const ADD_USER_RULES: ReadonlyArray<Rule<ActiveMqSpec>> = [...USER_RULES, ...ACTIVEMQ_AUTHENTICATION_RULES];

const DEFAULT_ADMIN: ActiveMqUserProps = { username: 'admin', consoleAccess: true };

/**
 * An Amazon MQ for ActiveMQ broker: private, in your VPC, with generated user secrets and logs kept one year
 * by default.
 *
 * @example
 * declare const vpc: ec2.IVpc;
 * new ActiveMqBroker(this, 'Broker', {
 *   vpc,
 *   engineVersion: ActiveMqEngineVersion.V5_19,
 *   deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
 * });
 */
export class ActiveMqBroker extends ActiveMqBrokerBase {
  /** Imports an existing single-instance ActiveMQ broker by its ARN (use fromBrokerAttributes for other modes). */
  public static fromBrokerArn(scope: Construct, id: string, brokerArn: string): IActiveMqBroker {
    return ActiveMqBroker.fromBrokerAttributes(scope, id, { brokerArn });
  }

  /** Imports an existing ActiveMQ broker; metrics, grants and connections work on it. */
  public static fromBrokerAttributes(scope: Construct, id: string, attrs: ActiveMqBrokerAttributes): IActiveMqBroker {
    return new ImportedActiveMqBroker(scope, id, attrs);
  }

  public readonly brokerArn: string;
  public readonly brokerId: string;
  public readonly brokerName: string;
  public readonly connections: ec2.Connections;
  /** The deployment mode. */
  public readonly deploymentMode: ActiveMqDeploymentMode;
  /** The storage type. */
  public readonly storageType?: ActiveMqStorageType;
  /** The customer managed key that encrypts the broker, with encryption KMS. */
  public readonly encryptionKey?: kms.IKey;
  /** OpenWire endpoints (`ssl://...:61617`), one per broker instance. @attribute */
  public readonly openWireEndpoints: string[];
  /** AMQP endpoints (`amqp+ssl://...:5671`), one per broker instance. @attribute */
  public readonly amqpEndpoints: string[];
  /** STOMP endpoints (`stomp+ssl://...:61614`), one per broker instance. @attribute */
  public readonly stompEndpoints: string[];
  /** MQTT endpoints (`mqtt+ssl://...:8883`), one per broker instance. @attribute */
  public readonly mqttEndpoints: string[];
  /** WebSocket endpoints (`wss://...:61619`), one per broker instance. @attribute */
  public readonly wssEndpoints: string[];
  /** Web console URLs, one per broker instance. @attribute */
  public readonly consoleUrls: string[];
  /** IP addresses of the broker instances. @attribute */
  public readonly ipAddresses: string[];
  /** The engine version actually running, with its patch number. @attribute */
  public readonly engineVersionCurrent: string;
  /** The ID of the configuration the broker runs (Amazon MQ's default one when none is given). @attribute */
  public readonly configurationId: string;
  /** The revision of that configuration the broker runs. @attribute */
  public readonly configurationRevision: number;

  private spec: ActiveMqSpec;
  /** `SIMPLE` or `LDAP`, for event sources. @internal */
  public readonly _authenticationStrategy: string;
  private readonly userList: Array<ActiveMqUserProps & ActiveMqUser> = [];
  private readonly removalPolicy: RemovalPolicy;
  private readonly logTypes: string[];
  private readonly usersOnBroker: boolean;
  private readonly resource: CfnBroker;
  /** The users whose password rotates. */
  private readonly rotatedUsers = new Set<string>();

  constructor(scope: Construct, id: string, props: ActiveMqBrokerProps) {
    super(scope, id);
    requireProps(this, props);
    validateRules(this, 'ActiveMqBroker', ACTIVEMQ_PROP_KIND_RULES, props);
    const authentication = props.authentication ?? ActiveMqAuthentication.simple();
    this._authenticationStrategy = authentication.strategy;
    const users = props.users ?? (authentication._usersOnBroker ? [DEFAULT_ADMIN] : []);
    this.spec = activeMqSpec(this, props, authentication, users);
    validateRules(this, 'ActiveMqBroker', ACTIVEMQ_RULES, this.spec);

    this.deploymentMode = props.deploymentMode;
    this.storageType = this.spec.storageType;
    this.brokerName = this.spec.brokerName;
    this.removalPolicy = brokerRemovalPolicy(props.removalPolicy);
    const { securityGroups, connections } = brokerNetworking(this, props, 'ActiveMQ', ActiveMqProtocol.OPENWIRE.port);
    this.connections = connections;
    if (authentication.ldapOptions && !props.securityGroups) {
      // Amazon MQ reaches the LDAP servers over LDAPS from the broker's network interfaces.
      this.connections.allowToAnyIpv4(ec2.Port.tcp(636), 'LDAPS to the authentication servers');
    }

    const logOptions = props.logs ?? {};
    const logTypes = this.logTypes = (['general', 'audit'] as const).filter((type) => logOptions[type] ?? true);
    const { resource, encryptionKey } = createCfnBroker(this, this.spec, props, {
      engineType: 'ACTIVEMQ',
      securityGroups,
      users: Lazy.any({ produce: () => this.renderUsers() }, { omitEmptyArray: true }),
      extra: {
        storageType: this.spec.storageType,
        authenticationStrategy: authentication.strategy,
        ldapServerMetadata: authentication._renderLdap(),
        logs: { general: logTypes.includes('general'), audit: logTypes.includes('audit') },
        ...replicaProps(props.replicaOf),
      },
    });
    this.encryptionKey = encryptionKey;
    this.resource = resource;
    this.usersOnBroker = authentication._usersOnBroker;
    for (const user of users) {
      this.createUser(user);
    }
    // Checked at synth, not here: users may still come through addUser().
    validateRulesAtSynth(this, ACTIVEMQ_SYNTH_RULES, () => this.spec);

    this.brokerArn = resource.attrArn;
    this.brokerId = resource.ref;
    this.openWireEndpoints = resource.attrOpenWireEndpoints;
    this.amqpEndpoints = resource.attrAmqpEndpoints;
    this.stompEndpoints = resource.attrStompEndpoints;
    this.mqttEndpoints = resource.attrMqttEndpoints;
    this.wssEndpoints = resource.attrWssEndpoints;
    this.consoleUrls = resource.attrConsoleUrLs;
    this.ipAddresses = resource.attrIpAddresses;
    this.engineVersionCurrent = resource.attrEngineVersionCurrent;
    this.configurationId = resource.attrConfigurationId;
    this.configurationRevision = resource.attrConfigurationRevision;

    wireBrokerTail(this, resource, {
      logTypes,
      retention: logOptions.retention,
      removalPolicy: this.removalPolicy,
      logsResourcePolicy: logOptions.resourcePolicy ?? true,
      applyImmediately: props.applyImmediately,
    });
    replicateFromPrimary(this, resource, props.replicaOf);
  }

  /** The users of the broker, with their secrets. */
  public get users(): ActiveMqUser[] {
    return this.userList.map(({ username, secret }) => ({ username, secret }));
  }

  /**
   * Adds a user (simple authentication). Amazon MQ applies user changes at the next reboot or maintenance window.
   * @returns the user, with the secret holding its password
   */
  public addUser(username: string, options: ActiveMqUserOptions = {}): ActiveMqUser {
    const user = { username, ...options };
    const spec = { ...this.spec, users: [...this.spec.users, user] };
    validateRules(this, 'ActiveMqBroker.addUser', ADD_USER_RULES, spec);
    this.spec = spec;
    registerBrokerSpec(this, spec);
    return this.createUser(user);
  }

  /**
   * Rotates a user's password with Secrets Manager (simple authentication): the broker's rotation function sends the
   * new password to Amazon MQ (mq:UpdateUser), which applies it at a reboot; by default the rotation reboots the
   * broker and makes the new password AWSCURRENT only once Amazon MQ has applied it (`rebootBroker`, README
   * "Password rotation"). With the default `rotateImmediatelyOnUpdate`, the first rotation, and its reboot, happen
   * when the schedule is deployed.
   * @param username a user given in `users` or added with `addUser()`
   */
  public addRotationSingleUser(username: string, options: ActiveMqUserRotationOptions = {}): secretsmanager.RotationSchedule {
    const user = this.userList.find((u) => u.username === username);
    const label = `ActiveMqBroker.addRotationSingleUser('${username}')`;
    validateRules(this, label, ACTIVEMQ_ROTATION_RULES, { username, user, usersOnBroker: this.usersOnBroker });
    validateRules(this, label, USER_ROTATION_RULES, {
      username, automaticallyAfter: options.automaticallyAfter, alreadyRotated: this.rotatedUsers.has(username),
    });
    const rebootBroker = options.rebootBroker ?? true;
    const fn = activeMqUserRotationFunction(this, this.brokerId, this.brokerArn, rebootBroker);
    if (!rebootBroker) {
      Annotations.of(this).addWarningV2('cdk-amazon-mq:rotationWithoutReboot', `user '${username}': rebootBroker is false, so each rotation waits for the `
        + 'next reboot or maintenance window, and from that reboot until a rotation attempt finishes it, AWSCURRENT holds the old password, '
        + 'which the broker refuses (README, "Password rotation")');
    }
    this.rotatedUsers.add(username);
    // After the broker exists with the user: Secrets Manager rotates at once when the schedule is created.
    return scheduleUserRotation(user!.secret, fn, options, [this.resource]);
  }

  /** `Fn::Select` over the protocol's list attribute. @default instance 1 */
  public endpoint(protocol: BrokerProtocol, instance: number = 1): string {
    endpointScheme(this, protocol);
    return Fn.select(checkInstance(this, 'ActiveMqBroker.endpoint', this.deploymentMode, instance) - 1, this.endpointList(protocol));
  }

  /** The private IP address of one broker instance (1, or 2 for the standby). @default instance 1 */
  public ipAddress(instance: number = 1): string {
    return Fn.select(checkInstance(this, 'ActiveMqBroker.ipAddress', this.deploymentMode, instance) - 1, this.ipAddresses);
  }

  /** The general log group (`/aws/amazonmq/broker/<id>/general`), when the broker publishes it. */
  public get generalLogGroup(): logs.ILogGroup | undefined {
    return this.logTypes.includes('general') ? brokerLogGroup(this, this.brokerId, 'general') : undefined;
  }

  /** The audit log group (`/aws/amazonmq/broker/<id>/audit`), when the broker publishes it. */
  public get auditLogGroup(): logs.ILogGroup | undefined {
    return this.logTypes.includes('audit') ? brokerLogGroup(this, this.brokerId, 'audit') : undefined;
  }


  /** The list attribute of a protocol's endpoints (the protocol is checked by endpointScheme). */
  private endpointList(protocol: BrokerProtocol): string[] {
    const lists = new Map<BrokerProtocol, string[]>([
      [ActiveMqProtocol.OPENWIRE, this.openWireEndpoints], [ActiveMqProtocol.AMQP, this.amqpEndpoints],
      [ActiveMqProtocol.STOMP, this.stompEndpoints], [ActiveMqProtocol.MQTT, this.mqttEndpoints],
      [ActiveMqProtocol.WSS, this.wssEndpoints], [ActiveMqProtocol.CONSOLE, this.consoleUrls],
    ]);
    return lists.get(protocol)!;
  }

  private createUser(user: ActiveMqUserProps): ActiveMqUser {
    const id = Token.isUnresolved(user.username) ? `User${this.userList.length}` : `User${user.username}`;
    const secret: secretsmanager.ISecret = user.password
      ?? generateUserSecret(this, id, user.username, `Password of user ${user.username} of Amazon MQ broker ${this.node.path}`);
    if (!user.password) {
      (secret as secretsmanager.Secret).applyRemovalPolicy(this.removalPolicy);
    }
    this.userList.push({ ...user, secret });
    return { username: user.username, secret };
  }

  private renderUsers(): CfnBroker.UserProperty[] {
    return this.userList.map((u) => ({
      username: u.username,
      password: passwordReference(u.secret, u.passwordVersionId),
      groups: u.groups,
      consoleAccess: u.consoleAccess,
      replicationUser: u.replicationUser,
    }));
  }

}


