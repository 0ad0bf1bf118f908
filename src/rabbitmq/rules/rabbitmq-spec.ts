import { BrokerSpec } from '../../broker/broker-spec';
import { RabbitMqDeploymentMode } from '../rabbitmq-deployment-mode';

/** What the RabbitMQ rules read, beyond the shared spec. */
export interface RabbitMqSpec extends BrokerSpec {
  readonly deploymentMode: RabbitMqDeploymentMode;
  readonly storageSizeGiB?: number;
  readonly requiresGraviton: boolean;
  readonly supportsStorageSize: boolean;
}
