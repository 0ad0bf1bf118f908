import type { RabbitMqConfigurationDocument } from './rabbitmq-conf-document';
import { parseConf, renderSettings } from './rabbitmq-conf-document';
import { RabbitMqConfigurationSettings } from './rabbitmq-configuration-settings';

/** The body of a RabbitMQ configuration: typed settings, or `rabbitmq.conf` text you wrote. */
export abstract class RabbitMqConfigurationData {
  /** Typed settings. */
  public static fromSettings(settings: RabbitMqConfigurationSettings): RabbitMqConfigurationData {
    return new TextData(renderSettings(settings));
  }

  /** `rabbitmq.conf` text (cuttlefish `key = value` lines, `#` comments), as in the Amazon MQ console. */
  public static fromText(text: string): RabbitMqConfigurationData {
    return new TextData(text);
  }

  /** @internal */
  public abstract _document(): RabbitMqConfigurationDocument;
}

class TextData extends RabbitMqConfigurationData {
  constructor(private readonly text: string) {
    super();
  }

  public _document(): RabbitMqConfigurationDocument {
    return parseConf(this.text);
  }
}

