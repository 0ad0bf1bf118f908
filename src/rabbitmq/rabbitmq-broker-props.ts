import { Size } from 'aws-cdk-lib';
import { RabbitMqAuthentication } from './authentication/rabbitmq-authentication';
import { RabbitMqAdminUser } from './rabbitmq-admin-user';
import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { RabbitMqEngineVersion } from './rabbitmq-engine-version';
import { BrokerLogOptions, BrokerProps } from '../broker/broker-props';

/** Props of a RabbitMQ broker. */
export interface RabbitMqBrokerProps extends BrokerProps {
  /** The RabbitMQ version; always set, so a deploy never picks one silently. */
  readonly engineVersion: RabbitMqEngineVersion;
  /** Single instance or a three-node cluster; a cluster triples the cost, so it is your choice. */
  readonly deploymentMode: RabbitMqDeploymentMode;
  /**
   * How clients authenticate. Every method but simple makes the broker CONFIG_MANAGED: its keys go into the
   * broker's configuration (one is made when `configuration` is not given; a given one must be made with this same
   * authentication).
   * @default RabbitMqAuthentication.simple()
   */
  readonly authentication?: RabbitMqAuthentication;
  /**
   * The administrative user. Changing it later replaces nothing but is not applied by Amazon MQ: further users,
   * virtual hosts and permissions belong in the RabbitMQ management API.
   * @default - user `admin` with a generated password, when internal users can sign in (simple authentication, or
   *   a method with `internalUsers: true`); no user otherwise (Amazon MQ allows none with CONFIG_MANAGED)
   */
  readonly adminUser?: RabbitMqAdminUser;
  /**
   * Storage per node, a multiple of 5 GiB; RabbitMQ 4.2+, CLUSTER_MULTI_AZ and mq.m7g only.
   * @default - Amazon MQ's default for the instance type
   */
  readonly storageSize?: Size;
  /**
   * AWS RAM resource shares (VPC Lattice) the broker may reach privately: LDAP, OAuth 2.0 or HTTP
   * authentication servers, and shovel or federation destinations such as another private broker (README,
   * "RabbitMQ versions, upgrades and private networking").
   * @default - none
   */
  readonly resourceShareArns?: string[];
  /**
   * Whether the general log goes to CloudWatch Logs, and for how long.
   * @default - general log, kept one year
   */
  readonly logs?: BrokerLogOptions;
}
