import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { BrokerAttributes } from '../broker/broker-attributes';

/** What is needed to use an existing RabbitMQ broker in this app. */
export interface RabbitMqBrokerAttributes extends BrokerAttributes {
  /**
   * The deployment mode.
   * @default RabbitMqDeploymentMode.SINGLE_INSTANCE
   */
  readonly deploymentMode?: RabbitMqDeploymentMode;
}
