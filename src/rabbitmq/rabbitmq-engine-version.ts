import { BrokerEngineVersion } from '../broker/broker-engine-version';
import { versionAtLeast } from '../private/versions';

/** Minor versions whose support ended (mq-facts F-V08..F-V10). */
const END_OF_SUPPORT: Record<string, string> = {
  '3.12': '2025-03-17',
  '3.11': '2025-02-17',
  '3.10': '2024-10-15',
  '3.9': '2024-09-16',
};

/**
 * An Amazon MQ for RabbitMQ engine version.
 */
export class RabbitMqEngineVersion extends BrokerEngineVersion {
  /**
   * RabbitMQ 4.3: `mq.m7g` instances only; reached by upgrading 3.13 -> 4.2 -> 4.3. Refuses transient (non-durable)
   * non-exclusive queues, `x-queue-version: 1` and `x-queue-mode` (Developer Guide, "RabbitMQ 4.3"; RabbitMQ 4.3
   * release notes).
   */
  public static readonly V4_3 = new RabbitMqEngineVersion('4.3');
  /** RabbitMQ 4.2, the recommended version; `mq.m7g` instances only; quorum queues by default. */
  public static readonly V4_2 = new RabbitMqEngineVersion('4.2');
  /** RabbitMQ 3.13, on `mq.t3`, `mq.m5` and `mq.m7g`. */
  public static readonly V3_13 = new RabbitMqEngineVersion('3.13');

  /**
   * A version by its API string, for versions this library does not list yet.
   * From 3.13 on, give `major.minor` only (Amazon MQ manages the patch version).
   */
  public static of(version: string): RabbitMqEngineVersion {
    return new RabbitMqEngineVersion(version);
  }

  private constructor(version: string) {
    super(version, '3.13', END_OF_SUPPORT);
  }

  /** Whether this version runs only on `mq.m7g` instances (4.x). */
  public get requiresGraviton(): boolean {
    return versionAtLeast(this.version, '4');
  }

  /** Whether `storageSize` can be set (4.2 and later). */
  public get supportsStorageSize(): boolean {
    return versionAtLeast(this.version, '4.2');
  }
}
