import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { BrokerAttributes } from '../broker/broker-attributes';

/** What is needed to use an existing RabbitMQ broker in this app. */
export interface RabbitMqBrokerAttributes extends BrokerAttributes {
  /**
   * The deployment mode.
   * @default RabbitMqDeploymentMode.SINGLE_INSTANCE
   */
  readonly deploymentMode?: RabbitMqDeploymentMode;
  /**
   * The secret with the broker's admin `username` and `password`: with it, virtual hosts and their objects
   * (`new RabbitMqVirtualHost(this, 'Orders', { broker, name: 'orders' })`) are applied to the broker through its
   * management API, as they are on a broker made here.
   * @default - none: no management objects on this broker
   */
  readonly adminSecret?: secretsmanager.ISecret;
  /**
   * The VPC of a private broker, where the management function runs (give `securityGroups` too, so the broker
   * admits it on 443).
   * @default - a public broker: the function runs outside any VPC
   */
  readonly vpc?: ec2.IVpc;
  /**
   * The broker's subnets in `vpc`.
   * @default - the VPC's private subnets with egress (`SubnetType.PRIVATE_WITH_EGRESS`)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * The broker's RabbitMQ version (`4.2`), for the rules of version-gated queue arguments and policy keys.
   * @default - not checked
   */
  readonly engineVersion?: string;
}
