import { Annotations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ActiveMqConfigurationData, ActiveMqConfigurationDocument } from './activemq-configuration-data';
import { AMAZON_MQ_XSD } from './amazon-mq-xsd.generated';
import {
  BrokerConfigurationAttributes, BrokerConfigurationBase, BrokerConfigurationProps, CONFIGURATION_NAME_RULES, ConfigurationSpec, IBrokerConfiguration, ImportedConfiguration,
} from '../../broker/configuration/broker-configuration';
import { Rule, validateRules } from '../../private/rules';
import { majorMinor } from '../../private/versions';
import { XmlNode } from '../../private/xml/xml-node';
import { validateXml } from '../../private/xml/xml-validator';
import { ActiveMqEngineVersion } from '../activemq-engine-version';

/** How the brokers that use a configuration authenticate users; must match the broker's (mq-facts F-C04). */
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
}

interface ActiveMqConfigurationSpec extends ConfigurationSpec {
  readonly document: ActiveMqConfigurationDocument;
  readonly schemaVersion: string;
}

/** The group Amazon MQ's web console uses to send and receive (mq-facts F-X09). */
const WEB_CONSOLE_GROUP = 'activemq-webconsole';

export const ACTIVEMQ_CONFIGURATION_RULES: ReadonlyArray<Rule<ActiveMqConfigurationSpec>> = [
  ...CONFIGURATION_NAME_RULES,
  {
    id: 'ActiveMqConfigurationModel',
    fact: 'F-C05, F-X08',
    summary: 'the XML is well formed, in the ActiveMQ namespace; model values (destination names, groups, network connectors ≤ 20) are valid',
    check: (s) => s.document.problems,
  },
  {
    id: 'ActiveMqConfigurationXsd',
    fact: 'F-X01..F-X07',
    summary: 'only elements, attributes and values that the Amazon MQ XSD of the engine version permits',
    check: (s) => s.document.root && validateXml(s.document.root, AMAZON_MQ_XSD[s.schemaVersion]),
  },
];

/**
 * An Amazon MQ for ActiveMQ configuration (`AWS::AmazonMQ::Configuration`), from a typed model or your XML,
 * checked at synth time against the XSD Amazon MQ publishes for the engine version.
 *
 * @example
 * const configuration = new ActiveMqConfiguration(this, 'Configuration', {
 *   engineVersion: ActiveMqEngineVersion.V5_19,
 *   data: ActiveMqConfigurationData.fromModel({
 *     policyEntries: [{ destination: ActiveMqDestination.queue('orders.>'), prioritizedMessages: true }],
 *   }),
 * });
 */
export class ActiveMqConfiguration extends BrokerConfigurationBase {
  /** Imports an existing ActiveMQ configuration. */
  public static fromConfigurationAttributes(scope: Construct, id: string, attrs: BrokerConfigurationAttributes): IBrokerConfiguration {
    return new ImportedConfiguration(scope, id, 'ACTIVEMQ', attrs);
  }

  private readonly xml: string;

  constructor(scope: Construct, id: string, props: ActiveMqConfigurationProps) {
    const document = props.data._document();
    const version = majorMinor(props.engineVersion.version);
    const schemaVersion = AMAZON_MQ_XSD[version] ? version : newestSchema();
    super(scope, id, props, {
      engineType: 'ACTIVEMQ',
      engineVersion: props.engineVersion.version,
      authenticationStrategy: props.authenticationStrategy ?? ActiveMqAuthenticationStrategy.SIMPLE,
      data: document.xml,
    }, (self, configurationName) =>
      validateRules(self, 'ActiveMqConfiguration', ACTIVEMQ_CONFIGURATION_RULES, { configurationName, document, schemaVersion }));
    this.xml = document.xml;
    if (schemaVersion !== version) {
      Annotations.of(this).addWarningV2('cdk-amazon-mq:ActiveMqConfigurationXsd',
        `No Amazon MQ XSD for ActiveMQ ${version} in this library: the configuration was checked against ${schemaVersion}.`);
    }
    if (document.root && lacksWebConsoleGroup(document.root)) {
      Annotations.of(this).addWarningV2('cdk-amazon-mq:WebConsoleGroup',
        `The authorization map grants nothing to group '${WEB_CONSOLE_GROUP}': the Amazon MQ web console cannot send or receive (mq-facts F-X09).`);
    }
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
