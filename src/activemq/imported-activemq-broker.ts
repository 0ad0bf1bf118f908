import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ActiveMqBrokerAttributes } from './activemq-broker-attributes';
import { ActiveMqBrokerBase } from './activemq-broker-base';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from './activemq-deployment-mode';
import { checkInstance, endpointScheme } from './activemq-endpoints';
import { brokerHost, BrokerIdentity, brokerIdentity, environmentArn, importedConnections } from '../broker/imported-broker';
import { ActiveMqProtocol, BrokerProtocol } from '../broker/protocol';

/** An existing ActiveMQ broker. */
export class ImportedActiveMqBroker extends ActiveMqBrokerBase {
  public readonly brokerArn: string;
  public readonly brokerId: string;
  public readonly brokerName: string;
  public readonly connections: ec2.Connections;
  public readonly deploymentMode: ActiveMqDeploymentMode;
  public readonly storageType?: ActiveMqStorageType;
  private readonly identity: BrokerIdentity;

  constructor(scope: Construct, id: string, attrs: ActiveMqBrokerAttributes) {
    super(scope, id, { environmentFromArn: environmentArn(attrs.brokerArn) });
    this.identity = brokerIdentity(this, attrs);
    ({ brokerArn: this.brokerArn, brokerId: this.brokerId, brokerName: this.brokerName } = this.identity);
    this.connections = importedConnections(attrs, ActiveMqProtocol.OPENWIRE);
    this.deploymentMode = attrs.deploymentMode ?? ActiveMqDeploymentMode.SINGLE_INSTANCE;
    this.storageType = attrs.storageType;
  }

  /** Built from the broker ID and region, as Amazon MQ names its endpoints: `ssl://b-<id>-1.mq.<region>.amazonaws.com:61617`. */
  public endpoint(protocol: BrokerProtocol, instance: number = 1): string {
    const scheme = endpointScheme(this, protocol);
    return `${scheme}://${brokerHost(this, this.identity, checkInstance(this, 'ActiveMqBroker.endpoint', this.deploymentMode, instance))}:${protocol.port}`;
  }
}
