import { CfnBroker, CfnBrokerProps } from 'aws-cdk-lib/aws-amazonmq';
import { Construct } from 'constructs';
import type { IActiveMqBroker } from './activemq-broker-ref';
import { rebootOnChange } from '../broker/reboot/apply-immediately';

// Cross-region data replication (CRDR) of a replica made here: what its CfnBroker says, and what its primary does.

/** The replica's CfnBroker properties (none for a broker that replicates nothing). */
export function replicaProps(primary: IActiveMqBroker | undefined): Partial<CfnBrokerProps> {
  return primary ? { dataReplicationMode: 'CRDR', dataReplicationPrimaryBrokerArn: primary.brokerArn } : {};
}

/** The primary turns CRDR on only after its replica exists, and applies it at a reboot (mq-facts F-X-CR3). */
export function replicateFromPrimary(replica: IActiveMqBroker & Construct, resource: CfnBroker, primary: IActiveMqBroker | undefined): void {
  if (primary) {
    rebootOnChange(replica, 'PrimaryDataReplication', primary, { ReplicaArn: replica.brokerArn }, {
      rebootOnCreate: true,
      allowUpdate: true,
      properties: { DataReplicationMode: 'CRDR', DataReplicationModeOnDelete: 'NONE', Region: primary.env.region },
    }).node.addDependency(resource);
  }
}
