import { ActiveMqDeploymentMode, ActiveMqStorageType } from './activemq-deployment-mode';
import { BrokerAttributes } from '../broker/broker-attributes';

/** What is needed to use an existing ActiveMQ broker in this app. */
export interface ActiveMqBrokerAttributes extends BrokerAttributes {
  /**
   * The deployment mode: metrics of an active/standby pair cover both instances.
   * @default ActiveMqDeploymentMode.SINGLE_INSTANCE
   */
  readonly deploymentMode?: ActiveMqDeploymentMode;
  /**
   * The storage type; EBS brokers get the burst balance alarm.
   * @default - unknown
   */
  readonly storageType?: ActiveMqStorageType;
}
