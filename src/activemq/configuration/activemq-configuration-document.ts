import { Token } from 'aws-cdk-lib';
import { ActiveMqConfigurationModel } from './activemq-configuration-model';
import { renderActiveMqModel } from './render-activemq-model';
import { element, renderXml, XmlNode } from '../../private/xml/xml-node';
import { parseXml } from '../../private/xml/xml-parse';

/** The namespace of ActiveMQ's `<broker>` element (mq-facts F-X01). */
export const ACTIVEMQ_NAMESPACE = 'http://activemq.apache.org/schema/core';

/** The data of an ActiveMQ configuration, checked and rendered by the `ActiveMqConfiguration` it is given to. */
export interface ActiveMqConfigurationDocument {
  /** The `<broker>` element; undefined when the XML is malformed. */
  readonly root?: XmlNode;
  /** The text Amazon MQ gets. */
  readonly xml: string;
  /** What is wrong beyond the XSD: malformed XML, foreign namespaces, model rules. */
  readonly problems: string[];
}

/** Renders a typed model. */
export function modelDocument(model: ActiveMqConfigurationModel): ActiveMqConfigurationDocument {
  const { root, problems } = renderActiveMqModel(model);
  const withNamespace = element(root.name, { xmlns: ACTIVEMQ_NAMESPACE, ...root.attributes }, root.children);
  return { root, problems, xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${renderXml(withNamespace)}\n` };
}

/** Parses XML the user wrote; it is sent as given. */
export function xmlDocument(xml: string): ActiveMqConfigurationDocument {
  // XML known only at deploy time (a parameter, an import) cannot be checked, and is not rejected for it.
  if (Token.isUnresolved(xml) && !xml.includes('<')) {
    return { xml, problems: [] };
  }
  try {
    const { root, foreignElements } = parseXml(xml, ACTIVEMQ_NAMESPACE);
    const problems = foreignElements.map((path) => `${path}: element is outside namespace ${ACTIVEMQ_NAMESPACE}; allowed: ActiveMQ core elements only (no Spring beans)`);
    return { root, problems, xml };
  } catch (e) {
    return { xml, problems: [(e as Error).message] };
  }
}
