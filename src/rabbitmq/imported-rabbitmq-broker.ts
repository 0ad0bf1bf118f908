import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { RabbitMqBrokerAttributes } from './rabbitmq-broker-attributes';
import { RabbitMqBrokerBase } from './rabbitmq-broker-base';
import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { brokerHost, BrokerIdentity, brokerIdentity, environmentArn, importedConnections } from '../broker/imported-broker';
import { RabbitMqProtocol } from '../broker/protocol';

/** An existing RabbitMQ broker. */
export class ImportedRabbitMqBroker extends RabbitMqBrokerBase {
  public readonly brokerArn: string;
  public readonly brokerId: string;
  public readonly brokerName: string;
  public readonly connections: ec2.Connections;
  public readonly deploymentMode: RabbitMqDeploymentMode;
  private readonly identity: BrokerIdentity;

  constructor(scope: Construct, id: string, attrs: RabbitMqBrokerAttributes) {
    super(scope, id, { environmentFromArn: environmentArn(attrs.brokerArn) });
    this.identity = brokerIdentity(this, attrs);
    ({ brokerArn: this.brokerArn, brokerId: this.brokerId, brokerName: this.brokerName } = this.identity);
    this.connections = importedConnections(attrs, RabbitMqProtocol.AMQPS);
    this.deploymentMode = attrs.deploymentMode ?? RabbitMqDeploymentMode.SINGLE_INSTANCE;
  }

  /** `amqps://b-<id>.mq.<region>.amazonaws.com:5671`, as Amazon MQ names it (a cluster has one endpoint too). */
  public get amqpsEndpoint(): string {
    return `amqps://${brokerHost(this, this.identity)}:${RabbitMqProtocol.AMQPS.port}`;
  }

  /** `https://b-<id>.mq.<region>.amazonaws.com`. */
  public get managementUrl(): string {
    return `https://${brokerHost(this, this.identity)}`;
  }
}
