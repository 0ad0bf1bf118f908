import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { baseSpec } from '../../broker/broker-core';
import { BrokerSpec } from '../../broker/broker-spec';
import { BrokerInstanceType } from '../../broker/instance-type';
import { RabbitMqAuthentication } from '../authentication/rabbitmq-authentication';
import { RabbitMqConfiguration } from '../configuration/rabbitmq-configuration';
import { RabbitMqBrokerProps } from '../rabbitmq-broker-props';
import { RABBITMQ_DEPLOYMENT_FACTS } from '../rabbitmq-deployment-facts';
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

/** What the rules read of a broker's props, with its defaults resolved. */
export function rabbitMqSpec(broker: Construct, props: RabbitMqBrokerProps, authentication: RabbitMqAuthentication,
  adminUsername: string | undefined): RabbitMqSpec {
  const configuration = props.configuration instanceof RabbitMqConfiguration ? props.configuration : undefined;
  return {
    ...baseSpec(broker, props, {
      engine: 'RabbitMQ',
      deploymentMode: props.deploymentMode,
      engineVersion: props.engineVersion._facts(),
      defaultInstanceType: BrokerInstanceType.M7G_LARGE,
      subnetRequirement: RABBITMQ_DEPLOYMENT_FACTS[props.deploymentMode]?.subnets ?? { min: 1, max: 1 },
      users: adminUsername !== undefined ? [{ username: adminUsername }] : [],
      authenticationStrategy: authentication.strategy,
    }),
    authentication,
    region: Stack.of(broker).region,
    configurationAuthentication: configuration?._authentication(),
    deploymentMode: props.deploymentMode,
    storageSizeGiB: props.storageSize?.toGibibytes(),
    requiresGraviton: props.engineVersion.requiresGraviton,
    supportsStorageSize: props.engineVersion.supportsStorageSize,
    configurationSettings: configuration?._settings(),
  };
}
