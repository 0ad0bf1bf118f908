import { Annotations, Resource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ActiveMqConfigurationData } from './activemq-configuration-data';
import { AMAZON_MQ_XSD } from './amazon-mq-xsd.generated';
import { IBroker } from '../../broker/broker-base';
import { BrokerConfigurationAttributes, BrokerConfigurationProps, IBrokerConfiguration, ImportedConfigurationOptions } from '../../broker/configuration/broker-configuration';
import { associate } from '../../broker/configuration/configuration-association';
import { AssociateOptions, IBrokerConfigurationAssociation } from '../../broker/configuration/configuration-association-ref';
import { configurationName, createCfnConfiguration, ImportedConfiguration } from '../../broker/configuration/configuration-core';
import { requireProps } from '../../private/required';
import { validateRules } from '../../private/rules';
import { majorMinor } from '../../private/versions';
import { XmlNode } from '../../private/xml/xml-node';
import { ActiveMqEngineVersion } from '../activemq-engine-version';
import { ACTIVEMQ_CONFIGURATION_RULES } from '../rules/configuration';

/** How the brokers that use a configuration authenticate users; must match the broker's. */
export enum ActiveMqAuthenticationStrategy {
  SIMPLE = 'SIMPLE',
  LDAP = 'LDAP',
}

/** Props of an ActiveMQ configuration. */
export interface ActiveMqConfigurationProps extends BrokerConfigurationProps {
  /** The ActiveMQ version of the brokers that will use it (a configuration is bound to one version). */
  readonly engineVersion: ActiveMqEngineVersion;
  /** The `<broker>` configuration: `ActiveMqConfigurationData.fromModel({...})` or `.fromXml('...')`. */
  readonly data: ActiveMqConfigurationData;
  /**
   * The authentication strategy of the brokers that will use it.
   * @default ActiveMqAuthenticationStrategy.SIMPLE
   */
  readonly authenticationStrategy?: ActiveMqAuthenticationStrategy;
  /**
   * Accept `deleteAllMessagesOnStartup="true"`, which purges every stored message each time the broker starts,
   * including the reboots that apply configuration changes (`applyImmediately` reboots after every change).
   * @default false - the configuration is rejected with it
   */
  readonly allowDeleteAllMessagesOnStartup?: boolean;
}

/** The group Amazon MQ's web console uses to send and receive (mq-facts F-X09). */
const WEB_CONSOLE_GROUP = 'activemq-webconsole';

/**
 * An Amazon MQ for ActiveMQ configuration (`AWS::AmazonMQ::Configuration`), from a typed model or your XML,
 * checked at synth time against the XSD Amazon MQ publishes for the engine version. Every change creates a new
 * revision, which the brokers that use it pick up at their next reboot (see `applyImmediately` on the broker).
 *
 * @example
 * const configuration = new ActiveMqConfiguration(this, 'Configuration', {
 *   engineVersion: ActiveMqEngineVersion.V5_19,
 *   data: ActiveMqConfigurationData.fromModel({
 *     policyEntries: [{ destination: ActiveMqDestination.queue('orders.>'), prioritizedMessages: true }],
 *   }),
 * });
 */
export class ActiveMqConfiguration extends Resource implements IBrokerConfiguration {
  /** Imports an existing ActiveMQ configuration. */
  public static fromConfigurationAttributes(scope: Construct, id: string, attrs: BrokerConfigurationAttributes): IBrokerConfiguration {
    return new ImportedConfiguration(scope, id, 'ACTIVEMQ', { configurationId: attrs.configurationId }, attrs);
  }

  /** Imports an existing ActiveMQ configuration by its ARN (`arn:<partition>:mq:<region>:<account>:configuration:<id>`). */
  public static fromConfigurationArn(
    scope: Construct, id: string, configurationArn: string, options: ImportedConfigurationOptions,
  ): IBrokerConfiguration {
    return new ImportedConfiguration(scope, id, 'ACTIVEMQ', { configurationArn }, options);
  }

  public readonly configurationId: string;
  public readonly configurationArn: string;
  public readonly configurationRevision: number;
  public readonly engineType = 'ACTIVEMQ';
  public readonly engineVersion: string;
  public readonly authenticationStrategy: string;
  /** The configuration's name. */
  public readonly configurationName: string;
  private readonly xml: string;

  constructor(scope: Construct, id: string, props: ActiveMqConfigurationProps) {
    super(scope, id);
    requireProps(this, props);
    const document = props.data._document();
    const version = majorMinor(props.engineVersion.version);
    const schemaVersion = AMAZON_MQ_XSD[version] ? version : newestSchema();
    this.configurationName = configurationName(this, props);
    validateRules(this, 'ActiveMqConfiguration', ACTIVEMQ_CONFIGURATION_RULES, {
      configurationName: this.configurationName,
      document,
      schemaVersion,
      allowDeleteAllMessagesOnStartup: props.allowDeleteAllMessagesOnStartup ?? false,
    });

    this.engineVersion = props.engineVersion.version;
    this.authenticationStrategy = props.authenticationStrategy ?? ActiveMqAuthenticationStrategy.SIMPLE;
    this.xml = document.xml;
    const resource = createCfnConfiguration(this, this.configurationName, props, {
      engineType: 'ACTIVEMQ',
      engineVersion: this.engineVersion,
      authenticationStrategy: this.authenticationStrategy,
      data: document.xml,
    });
    this.configurationId = resource.attrId;
    this.configurationArn = resource.attrArn;
    this.configurationRevision = resource.attrRevision;

    if (schemaVersion !== version) {
      Annotations.of(this).addWarningV2('cdk-amazon-mq:ActiveMqConfigurationXsd',
        `No Amazon MQ XSD for ActiveMQ ${version} in this library: the configuration was checked against ${schemaVersion}.`);
    }
    if (document.root && lacksWebConsoleGroup(document.root)) {
      Annotations.of(this).addWarningV2('cdk-amazon-mq:WebConsoleGroup',
        `The authorization map grants nothing to group '${WEB_CONSOLE_GROUP}': the Amazon MQ web console cannot send or receive.`);
    }
  }

  public associateWith(broker: IBroker, options?: AssociateOptions): IBrokerConfigurationAssociation {
    return associate(this, broker, options);
  }

  /** The XML Amazon MQ gets, for previews and tests. */
  public renderXml(): string {
    return this.xml;
  }
}

function newestSchema(): string {
  return Object.keys(AMAZON_MQ_XSD).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).pop()!;
}

function lacksWebConsoleGroup(root: XmlNode): boolean {
  const entries: XmlNode[] = [];
  const collect = (n: XmlNode) => {
    if (n.name === 'authorizationEntry') {
      entries.push(n);
    }
    n.children.forEach(collect);
  };
  collect(root);
  return entries.length > 0 && !entries.some((e) => ['read', 'write', 'admin'].some((a) => (e.attributes[a] ?? '').split(',').includes(WEB_CONSOLE_GROUP)));
}
