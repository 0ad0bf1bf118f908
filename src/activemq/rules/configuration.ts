import { ConfigurationSpec, CONFIGURATION_NAME_RULES } from '../../broker/configuration/configuration-core';
import { isKnown, Rule } from '../../private/rules';
import { XmlNode } from '../../private/xml/xml-node';
import { validateXml } from '../../private/xml/xml-validator';
import { ActiveMqConfigurationDocument } from '../configuration/activemq-configuration-document';
import { AMAZON_MQ_XSD } from '../configuration/amazon-mq-xsd.generated';

/** What the ActiveMQ configuration rules read. */
export interface ActiveMqConfigurationSpec extends ConfigurationSpec {
  readonly document: ActiveMqConfigurationDocument;
  /** The key of the XSD in AMAZON_MQ_XSD the document is checked against. */
  readonly schemaVersion: string;
  readonly allowDeleteAllMessagesOnStartup: boolean;
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
  {
    id: 'ActiveMqDeleteAllMessagesOnStartup',
    fact: 'F-X03, F-M02',
    summary: '`deleteAllMessagesOnStartup="true"` only with allowDeleteAllMessagesOnStartup: every reboot (applyImmediately reboots on each change) would purge every message',
    check: (s) => s.document.root && /^true$/i.test(s.document.root.attributes.deleteAllMessagesOnStartup ?? '') && !s.allowDeleteAllMessagesOnStartup
      ? '/broker@deleteAllMessagesOnStartup: \'true\' deletes every stored message at each broker start, including the reboots that apply configuration changes; allowed: omit it, or \'false\'; set allowDeleteAllMessagesOnStartup: true if that is truly meant'
      : undefined,
  },
  {
    id: 'ActiveMqRedeliveryDelay',
    fact: 'F-X03 (engine)',
    summary: 'broker-side redelivery delays of at least 1 s (the XSD allows less; ActiveMQ refuses to start, seen in test/engines)',
    check: (s) => s.document.root && redeliveryDelayProblems(s.document.root, ''),
  },
];

/** The redelivery plugin refuses delays below 1000 ms at broker start ("must exceed: 1000"). */
const MIN_REDELIVERY_DELAY_MS = 1000;

function redeliveryDelayProblems(node: XmlNode, parentPath: string): string[] {
  const path = `${parentPath}/${node.name}`;
  const own = node.name !== 'redeliveryPolicy' ? [] : ['initialRedeliveryDelay', 'redeliveryDelay']
    .filter((a) => isKnown(node.attributes[a]) && Number(node.attributes[a]) < MIN_REDELIVERY_DELAY_MS)
    .map((a) => `${path}@${a}: ${node.attributes[a]} ms is not allowed; allowed: at least ${MIN_REDELIVERY_DELAY_MS} ms (ActiveMQ's redelivery plugin refuses to start otherwise)`);
  return [...own, ...node.children.flatMap((c) => redeliveryDelayProblems(c, path))];
}
