import { ActiveMqAuthentication } from './activemq-authentication';
import { IActiveMqBroker } from './activemq-broker-ref';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from './activemq-deployment-mode';
import { ActiveMqEngineVersion } from './activemq-engine-version';
import { ActiveMqUserProps } from './activemq-user';
import { BrokerLogOptions, BrokerProps } from '../broker/broker-props';

/** ActiveMQ log settings. */
export interface ActiveMqLogOptions extends BrokerLogOptions {
  /**
   * Publish the audit log (management actions through JMX and the web console).
   * @default true
   */
  readonly audit?: boolean;
  /**
   * Put the CloudWatch Logs resource policy Amazon MQ for ActiveMQ writes logs through. It is one
   * policy per account and region, named `cdk-amazon-mq-AmazonMQLogs`, shared by every stack that uses this
   * library there and kept when a stack is deleted (see the README, "Logs"). Set false when your organization
   * manages that policy.
   * @default true
   */
  readonly resourcePolicy?: boolean;
}

/** Props of an ActiveMQ broker. */
export interface ActiveMqBrokerProps extends BrokerProps {
  /** The ActiveMQ version; always set, so a deploy never picks one silently. */
  readonly engineVersion: ActiveMqEngineVersion;
  /** Single instance or active/standby; active/standby doubles the cost, so it is your choice. */
  readonly deploymentMode: ActiveMqDeploymentMode;
  /**
   * Storage of the messages. Cannot change after creation.
   * @default ActiveMqStorageType.EFS
   */
  readonly storageType?: ActiveMqStorageType;
  /**
   * How clients authenticate.
   * @default ActiveMqAuthentication.simple()
   */
  readonly authentication?: ActiveMqAuthentication;
  /**
   * Users of the broker (simple authentication); more can be added with `addUser()`.
   * @default - with simple authentication, one user `admin` with console access and a generated password
   */
  readonly users?: ActiveMqUserProps[];
  /**
   * Which logs go to CloudWatch Logs, and for how long.
   * @default - general and audit logs, kept one year
   */
  readonly logs?: ActiveMqLogOptions;
  /**
   * Make this broker the cross-region data replication (CRDR) replica of a primary broker in another region: `DataReplicationMode: CRDR` with the primary's ARN. Once the replica exists, a custom resource
   * in this stack switches the primary to CRDR and reboots it (and back to NONE, with a reboot, when this replica
   * is deleted). Both brokers need ActiveMQ 5.17.6+, ACTIVE_STANDBY_MULTI_AZ, and one user with
   * `replicationUser: true`. A primary made in another stack of this app needs `crossRegionReferences` on this stack.
   * @default - not a replica
   */
  readonly replicaOf?: IActiveMqBroker;
}
