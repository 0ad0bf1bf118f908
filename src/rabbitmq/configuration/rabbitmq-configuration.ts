import { Resource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { RabbitMqConfigurationDocument } from './rabbitmq-conf-document';
import { RabbitMqConfigurationData } from './rabbitmq-configuration-data';
import { IBroker } from '../../broker/broker-base';
import { BrokerConfigurationAttributes, BrokerConfigurationProps, IBrokerConfiguration, ImportedConfigurationOptions } from '../../broker/configuration/broker-configuration';
import { associate, BrokerConfigurationAssociation } from '../../broker/configuration/configuration-association';
import { configurationName, createCfnConfiguration, ImportedConfiguration } from '../../broker/configuration/configuration-core';
import { validateRules } from '../../private/rules';
import { RabbitMqEngineVersion } from '../rabbitmq-engine-version';
import { RABBITMQ_CONFIGURATION_RULES } from '../rules/configuration';

/** Props of a RabbitMQ configuration. */
export interface RabbitMqConfigurationProps extends BrokerConfigurationProps {
  /** The RabbitMQ version of the brokers that will use it (a configuration is bound to one version). */
  readonly engineVersion: RabbitMqEngineVersion;
  /** The settings: `RabbitMqConfigurationData.fromSettings({...})` or `.fromText('...')`. */
  readonly data: RabbitMqConfigurationData;
}

/**
 * An Amazon MQ for RabbitMQ configuration (`AWS::AmazonMQ::Configuration`) from typed settings or your
 * `rabbitmq.conf` text, checked at synth time against the keys and value formats Amazon MQ permits.
 *
 * @example
 * new RabbitMqConfiguration(this, 'Configuration', {
 *   engineVersion: RabbitMqEngineVersion.V4_2,
 *   data: RabbitMqConfigurationData.fromSettings({ consumerTimeout: Duration.minutes(15), heartbeat: Duration.seconds(120) }),
 * });
 */
export class RabbitMqConfiguration extends Resource implements IBrokerConfiguration {
  /** Imports an existing RabbitMQ configuration. */
  public static fromConfigurationAttributes(scope: Construct, id: string, attrs: BrokerConfigurationAttributes): IBrokerConfiguration {
    return new ImportedConfiguration(scope, id, 'RABBITMQ', { configurationId: attrs.configurationId }, attrs);
  }

  /** Imports an existing RabbitMQ configuration by its ARN (`arn:<partition>:mq:<region>:<account>:configuration:<id>`). */
  public static fromConfigurationArn(
    scope: Construct, id: string, configurationArn: string, options: ImportedConfigurationOptions,
  ): IBrokerConfiguration {
    return new ImportedConfiguration(scope, id, 'RABBITMQ', { configurationArn }, options);
  }

  public readonly configurationId: string;
  public readonly configurationArn: string;
  public readonly configurationRevision: number;
  public readonly engineType = 'RABBITMQ';
  public readonly engineVersion: string;
  /** Always `SIMPLE` here: OAuth 2.0/LDAP brokers (CONFIG_MANAGED) are not modelled yet. */
  public readonly authenticationStrategy = 'SIMPLE';
  /** The configuration's name. */
  public readonly configurationName: string;
  private readonly document: RabbitMqConfigurationDocument;

  constructor(scope: Construct, id: string, props: RabbitMqConfigurationProps) {
    super(scope, id);
    const document = props.data._document();
    this.engineVersion = props.engineVersion.version;
    this.configurationName = configurationName(this, props);
    validateRules(this, 'RabbitMqConfiguration', RABBITMQ_CONFIGURATION_RULES, {
      configurationName: this.configurationName,
      document,
      engineVersion: this.engineVersion,
    });
    this.document = document;
    const resource = createCfnConfiguration(this, this.configurationName, props, {
      engineType: 'RABBITMQ',
      engineVersion: this.engineVersion,
      authenticationStrategy: this.authenticationStrategy,
      data: document.text,
    });
    this.configurationId = resource.attrId;
    this.configurationArn = resource.attrArn;
    this.configurationRevision = resource.attrRevision;
  }

  public associateWith(broker: IBroker): BrokerConfigurationAssociation {
    return associate(this, broker);
  }

  /** The `rabbitmq.conf` text Amazon MQ gets, for previews and tests. */
  public renderText(): string {
    return this.document.text;
  }

  /** The settings by key, for the broker's checks against its instance type. @internal */
  public _settings(): Record<string, string> {
    return Object.fromEntries(this.document.settings.map((s) => [s.key, s.value]));
  }
}
