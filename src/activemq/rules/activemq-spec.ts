import { BrokerSpec, UserSpec } from '../../broker/broker-spec';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from '../activemq-deployment-mode';

/** What the ActiveMQ rules read, beyond the shared spec. */
export interface ActiveMqSpec extends BrokerSpec {
  readonly deploymentMode: ActiveMqDeploymentMode;
  readonly storageType: ActiveMqStorageType;
  readonly authenticationStrategy: string;
  readonly ldapHosts?: string[];
  /** The broker stack's region (a token when environment-agnostic). */
  readonly region: string;
  /** What is known of the primary, for a cross-region replica. */
  readonly replication?: {
    readonly primaryRegion: string;
    readonly primaryDeploymentMode: ActiveMqDeploymentMode;
    /** The primary's users, when it is made in this app. */
    readonly primaryUsers?: UserSpec[];
    readonly primaryIsReplica?: boolean;
  };
}
