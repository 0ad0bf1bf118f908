import { ConfigurationSpec, CONFIGURATION_NAME_RULES } from '../../broker/configuration/configuration-core';
import { Rule } from '../../private/rules';
import { validateXml } from '../../private/xml/xml-validator';
import { ActiveMqConfigurationDocument } from '../configuration/activemq-configuration-document';
import { AMAZON_MQ_XSD } from '../configuration/amazon-mq-xsd.generated';

/** What the ActiveMQ configuration rules read. */
export interface ActiveMqConfigurationSpec extends ConfigurationSpec {
  readonly document: ActiveMqConfigurationDocument;
  /** The key of the XSD in AMAZON_MQ_XSD the document is checked against. */
  readonly schemaVersion: string;
}

export const ACTIVEMQ_CONFIGURATION_RULES: ReadonlyArray<Rule<ActiveMqConfigurationSpec>> = [
  ...CONFIGURATION_NAME_RULES,
  {
    id: 'ActiveMqConfigurationModel',
    fact: 'F-C05, F-X08',
    summary: 'XML well formed and in the ActiveMQ namespace; model values valid (destination names, group names, at most 20 network connectors)',
    check: (s) => s.document.problems,
  },
  {
    id: 'ActiveMqConfigurationXsd',
    fact: 'F-X01..F-X07',
    summary: 'only the elements, attributes and values the Amazon MQ XSD of the engine version permits',
    check: (s) => s.document.root && validateXml(s.document.root, AMAZON_MQ_XSD[s.schemaVersion]),
  },
];
