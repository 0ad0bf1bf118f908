import { BrokerSpec } from '../../broker/broker-spec';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from '../activemq-deployment-mode';

/** What the ActiveMQ rules read, beyond the shared spec. */
export interface ActiveMqSpec extends BrokerSpec {
  readonly deploymentMode: ActiveMqDeploymentMode;
  readonly storageType: ActiveMqStorageType;
  readonly authenticationStrategy: string;
  readonly ldapHosts?: string[];
}
