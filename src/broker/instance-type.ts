/**
 * The host instance type of a broker (`HostInstanceType`).
 *
 * Which engines, deployment modes, storage types and versions accept a type is checked at synth time by
 * each broker; `of()` accepts any type the library does not list yet.
 */
export class BrokerInstanceType {
  /** Legacy burstable micro instance (ActiveMQ single instance only). */
  public static readonly T2_MICRO = new BrokerInstanceType('mq.t2.micro');
  /** Burstable micro instance for development and tests. */
  public static readonly T3_MICRO = new BrokerInstanceType('mq.t3.micro');
  /** Legacy general purpose instance (ActiveMQ, older regions only). */
  public static readonly M4_LARGE = new BrokerInstanceType('mq.m4.large');
  /** General purpose, both engines (RabbitMQ 3.13 only). */
  public static readonly M5_LARGE = new BrokerInstanceType('mq.m5.large');
  /** General purpose, both engines (RabbitMQ 3.13 only). */
  public static readonly M5_XLARGE = new BrokerInstanceType('mq.m5.xlarge');
  /** General purpose, both engines (RabbitMQ 3.13 only). */
  public static readonly M5_2XLARGE = new BrokerInstanceType('mq.m5.2xlarge');
  /** General purpose, both engines (RabbitMQ 3.13 only). */
  public static readonly M5_4XLARGE = new BrokerInstanceType('mq.m5.4xlarge');
  /** Graviton, RabbitMQ only; for testing only (AWS sizing guidance). */
  public static readonly M7G_MEDIUM = new BrokerInstanceType('mq.m7g.medium');
  /** Graviton, RabbitMQ only (3.13 and 4.2). */
  public static readonly M7G_LARGE = new BrokerInstanceType('mq.m7g.large');
  /** Graviton, RabbitMQ only (3.13 and 4.2). */
  public static readonly M7G_XLARGE = new BrokerInstanceType('mq.m7g.xlarge');
  /** Graviton, RabbitMQ only (3.13 and 4.2). */
  public static readonly M7G_2XLARGE = new BrokerInstanceType('mq.m7g.2xlarge');
  /** Graviton, RabbitMQ only (3.13 and 4.2). */
  public static readonly M7G_4XLARGE = new BrokerInstanceType('mq.m7g.4xlarge');
  /** Graviton, RabbitMQ only (3.13 and 4.2). */
  public static readonly M7G_8XLARGE = new BrokerInstanceType('mq.m7g.8xlarge');
  /** Graviton, RabbitMQ only (3.13 and 4.2). */
  public static readonly M7G_12XLARGE = new BrokerInstanceType('mq.m7g.12xlarge');
  /** Graviton, RabbitMQ only (3.13 and 4.2). */
  public static readonly M7G_16XLARGE = new BrokerInstanceType('mq.m7g.16xlarge');

  /**
   * An instance type by its API name, for types this library does not list yet.
   * @param name the API name, for example `mq.m5.large`
   */
  public static of(name: string): BrokerInstanceType {
    return new BrokerInstanceType(name);
  }

  private constructor(
    /** The API name, for example `mq.m5.large`. */
    public readonly name: string,
  ) {}

  /**
   * The family, for example `m5` for `mq.m5.large`, or an empty string when the name has no `mq.<family>.<size>` shape.
   */
  public get family(): string {
    const match = /^mq\.([a-z0-9]+)\.[a-z0-9]+$/.exec(this.name);
    return match ? match[1] : '';
  }

  /** Whether this is a micro instance (lower storage and connection quotas). */
  public get isMicro(): boolean {
    return this.name.endsWith('.micro');
  }

  public toString(): string {
    return this.name;
  }
}
