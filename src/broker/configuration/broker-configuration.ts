import { IResource } from 'aws-cdk-lib';
import { AssociateOptions, IBrokerConfigurationAssociation } from './configuration-association-ref';
import { IBroker } from '../broker-base';

/** An Amazon MQ configuration of either engine, created here or imported. */
export interface IBrokerConfiguration extends IResource {
  /**
   * The configuration's ID (`c-1234...`).
   * @attribute
   */
  readonly configurationId: string;
  /**
   * The configuration's ARN.
   * @attribute
   */
  readonly configurationArn: string;
  /**
   * The revision brokers use: the latest one, which every change of the data creates.
   * @attribute
   */
  readonly configurationRevision: number;
  /** `ACTIVEMQ` or `RABBITMQ`. */
  readonly engineType: string;
  /** The engine version the configuration is for (`major.minor`). */
  readonly engineVersion: string;
  /** `SIMPLE`, `LDAP` (ActiveMQ) or `CONFIG_MANAGED` (RabbitMQ): must match the broker's. */
  readonly authenticationStrategy: string;

  /**
   * Sets this configuration on a broker that exists already (`AWS::AmazonMQ::ConfigurationAssociation`): for a
   * configuration that refers to brokers' endpoints. The broker must not set `configuration` itself.
   */
  associateWith(broker: IBroker, options?: AssociateOptions): IBrokerConfigurationAssociation;
}

/** Props shared by the configurations of both engines. */
export interface BrokerConfigurationProps {
  /**
   * The configuration's name: 1-150 of `A-Z a-z 0-9 - . _ ~`. Changing it replaces the configuration.
   * @default - derived from the construct path
   */
  readonly configurationName?: string;
  /**
   * A description, shown in the Amazon MQ console.
   * @default - none
   */
  readonly description?: string;
}

/** What an import needs besides the configuration's ID or ARN. */
export interface ImportedConfigurationOptions {
  /** The revision to use. */
  readonly configurationRevision: number;
  /** The engine version the configuration was created for (`major.minor`). */
  readonly engineVersion: string;
  /**
   * @default 'SIMPLE'
   */
  readonly authenticationStrategy?: string;
}

/** Attributes of an existing configuration, for imports. */
export interface BrokerConfigurationAttributes extends ImportedConfigurationOptions {
  /** The configuration's ID (`c-1234...`). */
  readonly configurationId: string;
}

