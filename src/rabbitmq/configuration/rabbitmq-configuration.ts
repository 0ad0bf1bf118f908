import { Lazy, Resource, Stack } from 'aws-cdk-lib';
import { CfnConfiguration } from 'aws-cdk-lib/aws-amazonmq';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { parseConf, RabbitMqConfigurationDocument } from './rabbitmq-conf-document';
import { RabbitMqConfigurationData } from './rabbitmq-configuration-data';
import { IBroker } from '../../broker/broker-base';
import { BrokerConfigurationAttributes, BrokerConfigurationProps, IBrokerConfiguration, ImportedConfigurationOptions } from '../../broker/configuration/broker-configuration';
import { associate } from '../../broker/configuration/configuration-association';
import { AssociateOptions, IBrokerConfigurationAssociation } from '../../broker/configuration/configuration-association-ref';
import { configurationName, createCfnConfiguration, encodeConfigurationData, ImportedConfiguration } from '../../broker/configuration/configuration-core';
import { requireProps } from '../../private/required';
import { validateRules } from '../../private/rules';
import { authenticationSettings, secretsRole } from '../authentication/authentication-settings';
import { RabbitMqAuthentication } from '../authentication/rabbitmq-authentication';
import { RabbitMqEngineVersion } from '../rabbitmq-engine-version';
import { RABBITMQ_AUTHENTICATION_RULES } from '../rules/authentication';
import { RABBITMQ_CONFIGURATION_RULES } from '../rules/configuration';

/** Props of a RabbitMQ configuration. */
export interface RabbitMqConfigurationProps extends BrokerConfigurationProps {
  /** The RabbitMQ version of the brokers that will use it (a configuration is bound to one version). */
  readonly engineVersion: RabbitMqEngineVersion;
  /** The settings: `RabbitMqConfigurationData.fromSettings({...})` or `.fromText('...')`. */
  readonly data: RabbitMqConfigurationData;
  /**
   * How clients authenticate: every method but simple adds its keys to the data and makes the configuration
   * CONFIG_MANAGED; a secret or file it names is read by Amazon MQ through a role made here (`aws.arns.assume_role_arn`).
   * @default RabbitMqAuthentication.simple(), unless the data sets `auth_backends.*` (then CONFIG_MANAGED)
   */
  readonly authentication?: RabbitMqAuthentication;
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
  /** `SIMPLE`, or `CONFIG_MANAGED` with any other authentication method (or `auth_backends.*` in the data). */
  public readonly authenticationStrategy: string;
  /** The configuration's name. */
  public readonly configurationName: string;
  /** The role Amazon MQ assumes to read the secrets the authentication names, when it names any. */
  public readonly secretsRole?: iam.IRole;
  private document: RabbitMqConfigurationDocument;
  private readonly authentication?: RabbitMqAuthentication;
  private readonly resource: CfnConfiguration;

  constructor(scope: Construct, id: string, props: RabbitMqConfigurationProps) {
    super(scope, id);
    requireProps(this, props);
    this.engineVersion = props.engineVersion.version;
    this.authentication = props.authentication;
    if (props.authentication) {
      validateRules(this, 'RabbitMqConfiguration', RABBITMQ_AUTHENTICATION_RULES, {
        authentication: props.authentication, engineVersion: this.engineVersion, region: Stack.of(this).region,
      });
    }
    const auth = authenticationSettings(props.authentication ?? RabbitMqAuthentication.simple());
    // The role is made once the text has passed its rules; the text refers to it by a token.
    let role: iam.Role | undefined;
    const needsRole = auth.secrets.length + auth.files.length > 0;
    const roleLine = needsRole ? [`aws.arns.assume_role_arn = ${Lazy.string({ produce: () => role!.roleArn })}`] : [];
    const document = auth.lines.length > 0
      ? parseConf([props.data._document().text, ...auth.lines, ...roleLine].filter((line) => line !== '').join('\n'))
      : props.data._document();
    this.configurationName = configurationName(this, props);
    validateRules(this, 'RabbitMqConfiguration', RABBITMQ_CONFIGURATION_RULES, {
      configurationName: this.configurationName,
      document,
      engineVersion: this.engineVersion,
    });
    this.document = document;
    this.authenticationStrategy = props.authentication?.strategy
      ?? (document.settings.some((setting) => setting.key.startsWith('auth_backends.')) ? 'CONFIG_MANAGED' : 'SIMPLE');
    if (needsRole) {
      role = secretsRole(this, auth.secrets, auth.files);
      this.secretsRole = role;
    }
    const resource = createCfnConfiguration(this, this.configurationName, props, {
      engineType: 'RABBITMQ',
      engineVersion: this.engineVersion,
      authenticationStrategy: this.authenticationStrategy,
      data: document.text,
    });
    this.resource = resource;
    this.configurationId = resource.attrId;
    this.configurationArn = resource.attrArn;
    this.configurationRevision = resource.attrRevision;
  }

  public associateWith(broker: IBroker, options?: AssociateOptions): IBrokerConfigurationAssociation {
    return associate(this, broker, options);
  }

  /** The `rabbitmq.conf` text Amazon MQ gets, for previews and tests. */
  public renderText(): string {
    return this.document.text;
  }

  /**
   * Sets keys the broker needs (operator policies need `management.restrictions.operator_policy_changes.disabled =
   * false`), for a configuration the broker made itself; the text goes through the same rules again. @internal
   */
  public _setKeys(keys: Record<string, string>): void {
    const kept = this.document.text.split('\n').filter((line) => !Object.keys(keys).includes(line.split('=')[0].trim()));
    const document = parseConf([...kept, ...Object.entries(keys).map(([key, value]) => `${key} = ${value}`)].filter((l) => l !== '').join('\n'));
    validateRules(this, 'RabbitMqConfiguration', RABBITMQ_CONFIGURATION_RULES, {
      configurationName: this.configurationName,
      document,
      engineVersion: this.engineVersion,
    });
    this.document = document;
    this.resource.data = encodeConfigurationData(document.text);
  }

  /** The authentication the configuration was made with, for the broker's check. @internal */
  public _authentication(): RabbitMqAuthentication | undefined {
    return this.authentication;
  }

  /** The settings by key, for the broker's checks against its instance type. @internal */
  public _settings(): Record<string, string> {
    return Object.fromEntries(this.document.settings.map((s) => [s.key, s.value]));
  }
}
