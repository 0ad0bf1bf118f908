import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IBrokerConfiguration } from './configuration/broker-configuration';
import { BrokerEncryption } from './encryption';
import { BrokerInstanceType } from './instance-type';
import { MaintenanceWindow } from './maintenance-window';
import { EngineVersionFacts } from '../private/versions';

/** A broker user as the rules see it (not exported: the public shapes are per engine). */
export interface UserSpec {
  readonly username: string;
  readonly groups?: string[];
  readonly consoleAccess?: boolean;
  readonly replicationUser?: boolean;
  /** The secret version the password is read from (ActiveMQ). */
  readonly passwordVersionId?: string;
}

/**
 * The props of a broker of either engine, normalized for the rules: every rule reads this, so a rule
 * file needs no knowledge of the construct that calls it.
 */
export interface BrokerSpec {
  readonly engine: 'ActiveMQ' | 'RabbitMQ';
  readonly brokerName: string;
  /** Other brokers of the app with the same explicit name in the same account and region. */
  readonly brokerNameTakenBy: string[];
  readonly deploymentMode: string;
  readonly instanceType: BrokerInstanceType;
  readonly engineVersion: EngineVersionFacts;
  readonly autoMinorVersionUpgrade: boolean;
  readonly maintenanceWindow?: MaintenanceWindow;
  readonly publiclyAccessible: boolean;
  readonly vpc?: ec2.IVpc;
  readonly securityGroups?: ec2.ISecurityGroup[];
  /** The subnets the broker will use (after selection); undefined when the service picks them. */
  readonly subnets?: ec2.ISubnet[];
  /** How many subnets the deployment mode needs: exact count, or a minimum for clusters. */
  readonly subnetRequirement: SubnetRequirement;
  readonly encryption?: BrokerEncryption;
  readonly encryptionKey?: kms.IKey;
  readonly users: UserSpec[];
  readonly removalPolicy?: RemovalPolicy;
  /** SIMPLE, LDAP or CONFIG_MANAGED. */
  readonly authenticationStrategy: string;
  readonly configuration?: IBrokerConfiguration;
}

/** Subnets a deployment mode needs (mq-facts §2.4). */
export interface SubnetRequirement {
  readonly min: number;
  readonly max: number;
}
