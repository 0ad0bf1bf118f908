import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ManagementHost } from './management/management-host';
import { RabbitMqBrokerAttributes } from './rabbitmq-broker-attributes';
import { RabbitMqBrokerBase } from './rabbitmq-broker-base';
import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { brokerHost, BrokerIdentity, brokerIdentity, environmentArn, importedConnections } from '../broker/imported-broker';
import { RabbitMqProtocol } from '../broker/protocol';
import { checkManagementAccess } from './rules/management-access';

/** An existing RabbitMQ broker. */
export class ImportedRabbitMqBroker extends RabbitMqBrokerBase {
  public readonly brokerArn: string;
  public readonly brokerId: string;
  public readonly brokerName: string;
  public readonly connections: ec2.Connections;
  public readonly deploymentMode: RabbitMqDeploymentMode;
  private readonly identity: BrokerIdentity;
  private readonly management: ManagementHost;

  constructor(scope: Construct, id: string, attrs: RabbitMqBrokerAttributes) {
    super(scope, id, { environmentFromArn: environmentArn(attrs.brokerArn) });
    this.identity = brokerIdentity(this, attrs);
    ({ brokerArn: this.brokerArn, brokerId: this.brokerId, brokerName: this.brokerName } = this.identity);
    this.connections = importedConnections(attrs, RabbitMqProtocol.AMQPS);
    this.deploymentMode = attrs.deploymentMode ?? RabbitMqDeploymentMode.SINGLE_INSTANCE;
    this.management = new ManagementHost(this, {
      access: () => {
        checkManagementAccess(this, attrs.adminSecret, true);
        return {
          endpoint: this.managementUrl,
          brokerArn: this.brokerArn,
          // Not this stack's broker: its objects are deleted one by one.
          deletedWithStack: false,
          adminSecret: attrs.adminSecret,
          connections: this.connections,
          vpc: attrs.vpc,
          vpcSubnets: attrs.vpc ? attrs.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } : undefined,
        };
      },
      // The broker is not this stack's: what the app adds to it stays when the app lets go, unless told otherwise.
      removalPolicy: RemovalPolicy.RETAIN,
      engineVersion: attrs.engineVersion,
      // Its configuration is not known here: RabbitMQ answers 405 at deploy time if it forbids operator policies.
      operatorPoliciesAllowed: () => undefined,
      allowOperatorPolicies: () => undefined,
    });
  }

  /** `amqps://b-<id>.mq.<region>.amazonaws.com:5671`, as Amazon MQ names it (a cluster has one endpoint too). */
  public get amqpsEndpoint(): string {
    return `amqps://${brokerHost(this, this.identity)}:${RabbitMqProtocol.AMQPS.port}`;
  }

  /** `https://b-<id>.mq.<region>.amazonaws.com`. */
  public get managementUrl(): string {
    return `https://${brokerHost(this, this.identity)}`;
  }

  /** @internal */
  public _managementHost(): ManagementHost {
    return this.management;
  }
}
