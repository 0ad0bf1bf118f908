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

/**
 * The body of an ActiveMQ configuration: a typed model, or XML you wrote. Either way it is checked against what
 * Amazon MQ permits for the configuration's engine version.
 */
export abstract class ActiveMqConfigurationData {
  /** A typed `<broker>` configuration. */
  public static fromModel(model: ActiveMqConfigurationModel): ActiveMqConfigurationData {
    return new ModelData(model);
  }

  /**
   * XML you wrote: a `<broker xmlns="http://activemq.apache.org/schema/core">` document, as in the Amazon MQ
   * console. It is sent as given (comments kept); values may contain tokens.
   */
  public static fromXml(xml: string): ActiveMqConfigurationData {
    return new XmlData(xml);
  }

  /** @internal */
  public abstract _document(): ActiveMqConfigurationDocument;
}

class ModelData extends ActiveMqConfigurationData {
  constructor(private readonly model: ActiveMqConfigurationModel) {
    super();
  }

  public _document(): ActiveMqConfigurationDocument {
    const { root, problems } = renderActiveMqModel(this.model);
    const withNamespace = element(root.name, { xmlns: ACTIVEMQ_NAMESPACE, ...root.attributes }, root.children);
    return { root, problems, xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${renderXml(withNamespace)}\n` };
  }
}

class XmlData extends ActiveMqConfigurationData {
  constructor(private readonly xml: string) {
    super();
  }

  public _document(): ActiveMqConfigurationDocument {
    try {
      const { root, foreignElements } = parseXml(this.xml, ACTIVEMQ_NAMESPACE);
      const problems = foreignElements.map((path) => `${path}: element is outside namespace ${ACTIVEMQ_NAMESPACE}; allowed: ActiveMQ core elements only (no Spring beans)`);
      return { root, problems, xml: this.xml };
    } catch (e) {
      return { xml: this.xml, problems: [(e as Error).message] };
    }
  }
}
