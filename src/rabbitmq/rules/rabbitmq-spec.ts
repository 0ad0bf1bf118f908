import { BrokerSpec } from '../../broker/broker-spec';
import { RabbitMqAuthentication } from '../authentication/rabbitmq-authentication';
import { RabbitMqDeploymentMode } from '../rabbitmq-deployment-mode';

/** What the RabbitMQ rules read, beyond the shared spec. */
export interface RabbitMqSpec extends BrokerSpec {
  readonly deploymentMode: RabbitMqDeploymentMode;
  readonly storageSizeGiB?: number;
  readonly requiresGraviton: boolean;
  readonly supportsStorageSize: boolean;
  readonly authentication: RabbitMqAuthentication;
  /** The broker stack's region (a token when environment-agnostic). */
  readonly region: string;
  /** The authentication the broker's configuration was made with, when it is a RabbitMqConfiguration of this app. */
  readonly configurationAuthentication?: RabbitMqAuthentication;
  /** The settings of the broker's configuration, when it is a RabbitMqConfiguration of this app. */
  readonly configurationSettings?: Record<string, string>;
}
