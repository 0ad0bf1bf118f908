import { IResolvable, Names, RemovalPolicy, Token } from 'aws-cdk-lib';
import { CfnBroker, CfnBrokerProps } from 'aws-cdk-lib/aws-amazonmq';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { brokerNameClashes, registerBrokerName } from './broker-names';
import { BrokerLogOptions, BrokerProps } from './broker-props';
import { registerBrokerSpec } from './broker-registry';
import { BrokerSpec, SubnetRequirement, UserSpec } from './broker-spec';
import { BrokerEncryption } from './encryption';
import { renderEncryption } from './encryption-options';
import { BrokerInstanceType } from './instance-type';
import { selectBrokerSubnets } from './network';
import { brokerRemovalPolicy } from './removal-policy';
import { BROKER_NAME_RULES } from './rules/broker-name';
import { CONFIGURATION_RULES } from './rules/configuration';
import { ENCRYPTION_RULES } from './rules/encryption';
import { ENGINE_VERSION_RULES } from './rules/engine-version';
import { MAINTENANCE_WINDOW_RULES } from './rules/maintenance-window';
import { NETWORK_RULES } from './rules/network';
import { REMOVAL_POLICY_RULES } from './rules/removal-policy';
import { USER_RULES } from './rules/users';
import { enumKind, PropKind } from '../private/prop-kinds';
import { Rule } from '../private/rules';
import { EngineVersionFacts } from '../private/versions';

/** The rules both engines share, in the order their failures are listed. */
export const SHARED_RULES: ReadonlyArray<Rule<BrokerSpec>> = [
  ...BROKER_NAME_RULES,
  ...ENGINE_VERSION_RULES,
  ...NETWORK_RULES,
  ...MAINTENANCE_WINDOW_RULES,
  ...ENCRYPTION_RULES,
  ...USER_RULES,
  ...REMOVAL_POLICY_RULES,
  ...CONFIGURATION_RULES,
];

/** The kinds of the props both engines share, checked before anything reads them (JavaScript callers). */
export function sharedPropKinds(props: BrokerProps & { readonly logs?: BrokerLogOptions }): PropKind[] {
  return [
    {
      property: 'logs.retention',
      value: props.logs?.retention,
      optional: true,
      // CloudWatch Logs takes only these day counts (PutRetentionPolicy): 2 or -7 fail at deploy.
      allowed: `a logs.RetentionDays: ${Object.values(logs.RetentionDays).filter((d) => typeof d === 'number').join(', ')} days (INFINITE: 9999)`,
      isValid: enumKind(logs.RetentionDays),
    },
    { property: 'brokerName', value: props.brokerName, optional: true, allowed: 'a string', isValid: (v) => typeof v === 'string' },
    {
      property: 'instanceType',
      value: props.instanceType,
      optional: true,
      allowed: 'a BrokerInstanceType, such as BrokerInstanceType.M5_LARGE or BrokerInstanceType.of(\'mq.m5.large\')',
      isValid: (v) => v instanceof BrokerInstanceType,
    },
    { property: 'encryption', value: props.encryption, optional: true, allowed: `a BrokerEncryption: ${Object.values(BrokerEncryption).join(', ')}`, isValid: enumKind(BrokerEncryption) },
    { property: 'removalPolicy', value: props.removalPolicy, optional: true, allowed: 'RemovalPolicy.RETAIN, RETAIN_ON_UPDATE_OR_DELETE or DESTROY', isValid: enumKind(RemovalPolicy) },
  ];
}

/** Engine facts the shared spec needs from an engine's constructor. */
export interface EngineInput {
  readonly engine: BrokerSpec['engine'];
  readonly deploymentMode: string;
  readonly engineVersion: EngineVersionFacts;
  readonly defaultInstanceType: BrokerInstanceType;
  readonly subnetRequirement: SubnetRequirement;
  readonly users: UserSpec[];
  readonly authenticationStrategy: string;
}

/** The shared part of a broker's spec: name, subnets and the props every engine has. */
export function baseSpec(scope: Construct, props: BrokerProps, engine: EngineInput): BrokerSpec {
  return {
    engine: engine.engine,
    brokerName: props.brokerName ?? Names.uniqueResourceName(scope, { maxLength: 50, separator: '-', allowedSpecialCharacters: '-_' }),
    brokerNameTakenBy: props.brokerName && !Token.isUnresolved(props.brokerName) ? brokerNameClashes(scope, props.brokerName).certain : [],
    deploymentMode: engine.deploymentMode,
    instanceType: props.instanceType ?? engine.defaultInstanceType,
    engineVersion: engine.engineVersion,
    autoMinorVersionUpgrade: props.autoMinorVersionUpgrade ?? true,
    maintenanceWindow: props.maintenanceWindow,
    publiclyAccessible: props.publiclyAccessible ?? false,
    vpc: props.vpc,
    securityGroups: props.securityGroups,
    subnets: selectBrokerSubnets(props, engine.subnetRequirement),
    subnetRequirement: engine.subnetRequirement,
    encryption: props.encryption,
    encryptionKey: props.encryptionKey,
    users: engine.users,
    removalPolicy: props.removalPolicy,
    authenticationStrategy: engine.authenticationStrategy,
    configuration: props.configuration,
  };
}

/** The CloudFormation properties that differ per engine. */
export interface EngineCfnProps {
  readonly engineType: 'ACTIVEMQ' | 'RABBITMQ';
  /** Undefined for a broker without users (RabbitMQ with OAuth 2.0, LDAP or HTTP only). */
  readonly users?: IResolvable | CfnBroker.UserProperty[];
  readonly securityGroups: ec2.ISecurityGroup[];
  readonly extra: Partial<CfnBrokerProps>;
}

/**
 * Creates the `AWS::AmazonMQ::Broker` (construct id `Resource`: never rename it, a new logical ID replaces
 * the broker and loses its messages) from a validated spec.
 */
export function createCfnBroker(scope: Construct, spec: BrokerSpec, props: BrokerProps, engine: EngineCfnProps): {
  resource: CfnBroker;
  encryptionKey?: kms.IKey;
} {
  const encryption = renderEncryption(scope, props);
  const resource = new CfnBroker(scope, 'Resource', {
    brokerName: spec.brokerName,
    engineType: engine.engineType,
    engineVersion: spec.engineVersion.version,
    deploymentMode: spec.deploymentMode,
    hostInstanceType: spec.instanceType.name,
    publiclyAccessible: spec.publiclyAccessible,
    autoMinorVersionUpgrade: spec.autoMinorVersionUpgrade,
    subnetIds: spec.subnets?.map((s) => s.subnetId),
    securityGroups: engine.securityGroups.length > 0 ? engine.securityGroups.map((sg) => sg.securityGroupId) : undefined,
    encryptionOptions: encryption.options,
    maintenanceWindowStartTime: spec.maintenanceWindow && {
      dayOfWeek: spec.maintenanceWindow.dayOfWeek,
      timeOfDay: spec.maintenanceWindow.timeOfDay,
      timeZone: spec.maintenanceWindow.timeZone ?? 'UTC',
    },
    users: engine.users,
    configuration: spec.configuration && { id: spec.configuration.configurationId, revision: spec.configuration.configurationRevision },
    ...engine.extra,
  });
  resource.applyRemovalPolicy(brokerRemovalPolicy(props.removalPolicy));
  registerBrokerName(scope, spec.brokerName, props.brokerName !== undefined, brokerRemovalPolicy(props.removalPolicy));
  registerBrokerSpec(scope, spec);
  return { resource, encryptionKey: encryption.key };
}
