import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IBrokerConfiguration } from './configuration/broker-configuration';
import { BrokerEncryption } from './encryption';
import { BrokerInstanceType } from './instance-type';
import { MaintenanceWindow } from './maintenance-window';

/** Props shared by the brokers of both engines. */
export interface BrokerProps extends BrokerNetworkProps, BrokerEncryptionProps {
  /**
   * The broker name: 1-50 of `A-Z a-z 0-9 - _`, unique in the account and region. Cannot change after creation.
   * @default - derived from the construct path, unique in the app
   */
  readonly brokerName?: string;
  /**
   * The host instance type. Changes apply at the next reboot or maintenance window.
   * @default - the engine's smallest production type: `mq.m5.large` for ActiveMQ, `mq.m7g.large` for RabbitMQ
   */
  readonly instanceType?: BrokerInstanceType;
  /**
   * When Amazon MQ applies pending changes and patches.
   * @default - Amazon MQ picks a window
   */
  readonly maintenanceWindow?: MaintenanceWindow;
  /**
   * Whether Amazon MQ upgrades the engine's minor/patch version in the maintenance window.
   * Must be true for ActiveMQ 5.18+ and RabbitMQ 3.13+.
   * @default true
   */
  readonly autoMinorVersionUpgrade?: boolean;
  /**
   * What happens to the broker (and the secrets of its users) when it leaves the stack.
   * RETAIN, RETAIN_ON_UPDATE_OR_DELETE or DESTROY: Amazon MQ brokers have no snapshot.
   * @default RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE - a broker holds messages: kept on stack delete and
   * replacement, deleted only when the stack's first create fails (no orphan blocks the retry)
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * The configuration the broker uses (an `ActiveMqConfiguration` or `RabbitMqConfiguration` of the same engine
   * version and authentication strategy). One configuration may serve several brokers.
   * @default - Amazon MQ's default configuration
   */
  readonly configuration?: IBrokerConfiguration;
  /**
   * Reboot the broker after a deploy that changed what Amazon MQ otherwise applies only at the next reboot or
   * maintenance window: the configuration revision, users, instance type, engine version or logs.
   * A custom resource calls `mq:RebootBroker` and waits until the broker runs again; clients reconnect.
   * @default false - changes wait for the maintenance window
   */
  readonly applyImmediately?: boolean;
}

/** Networking props shared by both engines. */
export interface BrokerNetworkProps {
  /**
   * The VPC of the broker. Required unless `publiclyAccessible` is true.
   * @default - none: only allowed for publicly accessible brokers, which then use the default VPC
   */
  readonly vpc?: ec2.IVpc;
  /**
   * Where to place the broker. Amazon MQ takes one subnet per broker instance: one for single instances,
   * two in distinct Availability Zones for ActiveMQ active/standby, up to three for RabbitMQ clusters.
   * The construct picks one subnet per Availability Zone from this selection, as many as the mode takes.
   * @default - the VPC's private subnets; its public subnets for publicly accessible brokers
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Security groups of the broker (at most 5).
   * @default - a new security group with no ingress rule; open ports with `connections`
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * Whether the broker gets a public endpoint. Cannot change after creation.
   * @default false
   */
  readonly publiclyAccessible?: boolean;
}

/** Encryption props shared by both engines. */
export interface BrokerEncryptionProps {
  /**
   * Which key encrypts the broker at rest. Cannot change after creation.
   * @default - KMS when `encryptionKey` is given, AWS_OWNED otherwise
   */
  readonly encryption?: BrokerEncryption;
  /**
   * The customer managed key for `BrokerEncryption.KMS`.
   * @default - with encryption KMS, a new key with yearly rotation on
   */
  readonly encryptionKey?: kms.IKey;
}

/** Log settings shared by both engines. */
export interface BrokerLogOptions {
  /**
   * Publish the general log to CloudWatch Logs.
   * @default true
   */
  readonly general?: boolean;
  /**
   * How long CloudWatch Logs keeps the broker's logs. Applied to the log groups Amazon MQ writes to, whether
   * the service or this construct creates them first.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly retention?: logs.RetentionDays;
}
