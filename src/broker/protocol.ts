/**
 * A protocol a broker listens on, with its TLS port.
 */
export class BrokerProtocol {
  /** A protocol on a port this library does not list. */
  public static of(name: string, port: number): BrokerProtocol {
    return new BrokerProtocol(name, port);
  }

  private constructor(
    /** Protocol name, for rule descriptions. */
    public readonly name: string,
    /** TCP port. */
    public readonly port: number,
  ) {}
}

/** Protocols of Amazon MQ for ActiveMQ. */
export class ActiveMqProtocol {
  /** OpenWire over TLS (`ssl://...:61617`); the default port of `connections`. */
  public static readonly OPENWIRE = BrokerProtocol.of('OpenWire', 61617);
  /** AMQP 1.0 over TLS (`amqp+ssl://...:5671`). */
  public static readonly AMQP = BrokerProtocol.of('AMQP', 5671);
  /** STOMP over TLS (`stomp+ssl://...:61614`). */
  public static readonly STOMP = BrokerProtocol.of('STOMP', 61614);
  /** MQTT over TLS (`mqtt+ssl://...:8883`). */
  public static readonly MQTT = BrokerProtocol.of('MQTT', 8883);
  /** WebSocket over TLS (`wss://...:61619`). */
  public static readonly WSS = BrokerProtocol.of('WSS', 61619);
  /** The ActiveMQ web console (`https://...:8162`). */
  public static readonly CONSOLE = BrokerProtocol.of('ActiveMQ web console', 8162);

  private constructor() {}
}

/** Protocols of Amazon MQ for RabbitMQ. */
export class RabbitMqProtocol {
  /** AMQP 0-9-1 over TLS (`amqps://...:5671`); the default port of `connections`. */
  public static readonly AMQPS = BrokerProtocol.of('AMQPS', 5671);
  /** The RabbitMQ web console and management API (HTTPS). */
  public static readonly CONSOLE = BrokerProtocol.of('RabbitMQ web console', 443);
  /** Prometheus metrics (RabbitMQ 4.2+ on Amazon MQ): open it to a scraper with `broker.connections.allowFrom`. */
  public static readonly PROMETHEUS = BrokerProtocol.of('Prometheus metrics', 16001);

  private constructor() {}
}
