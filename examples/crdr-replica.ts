// The replica half of a cross-region data replication pair: a primary deployed elsewhere (us-east-1, imported by
// ARN) gets a replica in this stack's region, and is switched to CRDR and rebooted once the replica exists. The
// replication password is the primary's secret, replicated to this region by Secrets Manager.
import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { exampleApp } from './app';
import { exampleVpc } from './network';
import { ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion } from '../src';

export class CrdrReplicaStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    // The replica's region, explicit: a replica must be in another region than its primary.
    super(scope, id, { env: { region: 'us-west-2' }, ...props });
    const primary = ActiveMqBroker.fromBrokerAttributes(this, 'Primary', {
      brokerArn: 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-1234a5b6-78cd-901e-2fab-3c45d6e178f9',
      deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
    });
    new ActiveMqBroker(this, 'Replica', {
      vpc: exampleVpc(this, 2),
      brokerName: 'orders',
      engineVersion: ActiveMqEngineVersion.V5_19,
      deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
      users: [
        { username: 'admin', consoleAccess: true },
        { username: 'replication', replicationUser: true, password: secretsmanager.Secret.fromSecretNameV2(this, 'ReplicationPassword', 'orders/replication') },
      ],
      replicaOf: primary,
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}

if (require.main === module) {
  exampleApp(CrdrReplicaStack, 'CrdrReplica');
}
