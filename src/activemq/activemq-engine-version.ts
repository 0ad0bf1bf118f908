import { BrokerEngineVersion } from '../broker/broker-engine-version';

/** Minor versions whose support ended (mq-facts F-V03..F-V05). */
const END_OF_SUPPORT: Record<string, string> = {
  5.17: '2025-06-16',
  5.16: '2024-11-15',
  5.15: '2024-09-16',
};

/**
 * An Amazon MQ for ActiveMQ engine version.
 */
export class ActiveMqEngineVersion extends BrokerEngineVersion {
  /** ActiveMQ 5.19, the recommended version. */
  public static readonly V5_19 = new ActiveMqEngineVersion('5.19');
  /** ActiveMQ 5.18. */
  public static readonly V5_18 = new ActiveMqEngineVersion('5.18');

  /**
   * A version by its API string, for versions this library does not list yet.
   * From 5.18 on, give `major.minor` only (Amazon MQ manages the patch version).
   */
  public static of(version: string): ActiveMqEngineVersion {
    return new ActiveMqEngineVersion(version);
  }

  private constructor(version: string) {
    super(version, '5.18', END_OF_SUPPORT);
  }
}
