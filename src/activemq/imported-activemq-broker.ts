import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ActiveMqBrokerAttributes } from './activemq-broker-attributes';
import { ActiveMqBrokerBase } from './activemq-broker-base';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from './activemq-deployment-mode';
import { environmentArn } from '../broker/broker-attributes';
import { importedBrokerIdentity } from '../broker/imported-broker';
import { ActiveMqProtocol } from '../broker/protocol';

/** An existing ActiveMQ broker. */
export class ImportedActiveMqBroker extends ActiveMqBrokerBase {
  public readonly brokerArn: string;
  public readonly brokerId: string;
  public readonly brokerName: string;
  public readonly connections: ec2.Connections;
  public readonly deploymentMode: ActiveMqDeploymentMode;
  public readonly storageType?: ActiveMqStorageType;

  constructor(scope: Construct, id: string, attrs: ActiveMqBrokerAttributes) {
    super(scope, id, { environmentFromArn: environmentArn(attrs.brokerArn) });
    ({ brokerArn: this.brokerArn, brokerId: this.brokerId, brokerName: this.brokerName, connections: this.connections } =
      importedBrokerIdentity(this, attrs, ActiveMqProtocol.OPENWIRE));
    this.deploymentMode = attrs.deploymentMode ?? ActiveMqDeploymentMode.SINGLE_INSTANCE;
    this.storageType = attrs.storageType;
  }
}
