import type { ActiveMqConfigurationDocument } from './activemq-configuration-document';
import { modelDocument, xmlDocument } from './activemq-configuration-document';
import { ActiveMqConfigurationModel } from './activemq-configuration-model';

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
    return modelDocument(this.model);
  }
}

class XmlData extends ActiveMqConfigurationData {
  constructor(private readonly xml: string) {
    super();
  }

  public _document(): ActiveMqConfigurationDocument {
    return xmlDocument(this.xml);
  }
}
