import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { RabbitMqBrokerAttributes } from './rabbitmq-broker-attributes';
import { RabbitMqBrokerBase } from './rabbitmq-broker-base';
import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { environmentArn } from '../broker/broker-attributes';
import { importedBrokerIdentity } from '../broker/imported-broker';
import { RabbitMqProtocol } from '../broker/protocol';

/** An existing RabbitMQ broker. */
export class ImportedRabbitMqBroker extends RabbitMqBrokerBase {
  public readonly brokerArn: string;
  public readonly brokerId: string;
  public readonly brokerName: string;
  public readonly connections: ec2.Connections;
  public readonly deploymentMode: RabbitMqDeploymentMode;

  constructor(scope: Construct, id: string, attrs: RabbitMqBrokerAttributes) {
    super(scope, id, { environmentFromArn: environmentArn(attrs.brokerArn) });
    ({ brokerArn: this.brokerArn, brokerId: this.brokerId, brokerName: this.brokerName, connections: this.connections } =
      importedBrokerIdentity(this, attrs, RabbitMqProtocol.AMQPS));
    this.deploymentMode = attrs.deploymentMode ?? RabbitMqDeploymentMode.SINGLE_INSTANCE;
  }
}
