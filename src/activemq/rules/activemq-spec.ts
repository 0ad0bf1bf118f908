import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { baseSpec } from '../../broker/broker-core';
import { brokerSpecOf } from '../../broker/broker-registry';
import { BrokerSpec, UserSpec } from '../../broker/broker-spec';
import { BrokerInstanceType } from '../../broker/instance-type';
import { ActiveMqAuthentication } from '../activemq-authentication';
import { ActiveMqBrokerProps } from '../activemq-broker-props';
import type { IActiveMqBroker } from '../activemq-broker-ref';
import { ACTIVEMQ_DEPLOYMENT_FACTS } from '../activemq-deployment-facts';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from '../activemq-deployment-mode';
import { ActiveMqUserProps } from '../activemq-user';

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

/** What the rules read of a broker's props, with its defaults resolved. */
export function activeMqSpec(broker: Construct, props: ActiveMqBrokerProps, authentication: ActiveMqAuthentication,
  users: ReadonlyArray<ActiveMqUserProps>): ActiveMqSpec {
  return {
    ...baseSpec(broker, props, {
      engine: 'ActiveMQ',
      deploymentMode: props.deploymentMode,
      engineVersion: props.engineVersion._facts(),
      defaultInstanceType: BrokerInstanceType.M5_LARGE,
      subnetRequirement: ACTIVEMQ_DEPLOYMENT_FACTS[props.deploymentMode].subnets,
      users: [...users],
      authenticationStrategy: authentication.strategy,
    }),
    deploymentMode: props.deploymentMode,
    storageType: props.storageType ?? ActiveMqStorageType.EFS,
    authenticationStrategy: authentication.strategy,
    ldapHosts: authentication.ldapOptions?.hosts,
    region: Stack.of(broker).region,
    replication: props.replicaOf && replicationSpec(props.replicaOf),
  };
}

/** What a replica's rules know of its primary: everything for a primary made in this app, less for an import. */
function replicationSpec(primary: IActiveMqBroker): ActiveMqSpec['replication'] {
  const spec = brokerSpecOf(primary) as ActiveMqSpec | undefined;
  return {
    primaryRegion: primary.env.region,
    primaryDeploymentMode: primary.deploymentMode,
    primaryUsers: spec?.users,
    primaryIsReplica: spec?.replication !== undefined,
  };
}
