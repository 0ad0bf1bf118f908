import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ActiveMqBrokerBase } from './activemq-broker-base';
import { ActiveMqDeploymentMode } from './activemq-deployment-mode';
import { BrokerAttributes } from '../broker/broker-attributes';
import { importedBrokerIdentity } from '../broker/imported-broker';
import { ActiveMqProtocol } from '../broker/protocol';

/** What is needed to use an existing ActiveMQ broker in this app. */
export interface ActiveMqBrokerAttributes extends BrokerAttributes {
  /**
   * The deployment mode: metrics of an active/standby pair cover both instances.
   * @default ActiveMqDeploymentMode.SINGLE_INSTANCE
   */
  readonly deploymentMode?: ActiveMqDeploymentMode;
}

/** An existing ActiveMQ broker. */
export class ImportedActiveMqBroker extends ActiveMqBrokerBase {
  public readonly brokerArn: string;
  public readonly brokerId: string;
  public readonly brokerName: string;
  public readonly connections: ec2.Connections;
  public readonly deploymentMode: ActiveMqDeploymentMode;

  constructor(scope: Construct, id: string, attrs: ActiveMqBrokerAttributes) {
    super(scope, id, { environmentFromArn: attrs.brokerArn });
    ({ brokerArn: this.brokerArn, brokerId: this.brokerId, brokerName: this.brokerName, connections: this.connections } =
      importedBrokerIdentity(this, attrs, ActiveMqProtocol.OPENWIRE));
    this.deploymentMode = attrs.deploymentMode ?? ActiveMqDeploymentMode.SINGLE_INSTANCE;
  }
}
