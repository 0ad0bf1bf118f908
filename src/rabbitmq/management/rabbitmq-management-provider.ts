import { Duration, Fn } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { RabbitmqManagementFunction } from './rabbitmq-management-function';
import { ScopedProvider } from '../../private/scoped-provider';

/** The custom resource type of every object applied through the management API. */
export const RABBITMQ_OBJECT_TYPE = 'Custom::AmazonMqRabbitMqObject';

/** What the management API's provider needs from the broker it manages. */
export interface ManagedBrokerAccess {
  readonly consoleUrls: string[];
  readonly adminSecret: secretsmanager.ISecret;
  readonly connections: ec2.Connections;
  readonly vpc?: ec2.IVpc;
  readonly vpcSubnets?: ec2.SubnetSelection;
}

/**
 * One provider per broker: its function runs in the broker's subnets (when the broker is private) with a security
 * group the broker admits on 443, the management API's port on Amazon MQ, and may read the admin secret and the
 * secrets of the objects applied through it, nothing else.
 */
export class RabbitMqManagementProvider extends ScopedProvider {
  public readonly endpoint: string;
  public readonly adminSecretArn: string;

  constructor(scope: Construct, id: string, access: ManagedBrokerAccess) {
    const securityGroup = access.vpc && new ec2.SecurityGroup(scope, `${id}SecurityGroup`, {
      vpc: access.vpc,
      description: `Amazon MQ RabbitMQ management API client for ${scope.node.path}`,
      allowAllOutbound: false,
    });
    super(scope, id, {
      description: 'Amazon MQ RabbitMQ management',
      onEventHandler: RabbitmqManagementFunction,
      handlerTimeout: Duration.minutes(2),
      vpc: access.vpc,
      vpcSubnets: access.vpcSubnets,
      securityGroups: securityGroup && [securityGroup],
    });
    if (securityGroup) {
      access.connections.allowFrom(securityGroup, ec2.Port.tcp(443), 'RabbitMQ management API from the management function');
      // Secrets Manager, through a VPC endpoint or a NAT gateway (README, "Inside the broker").
      securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to the broker and Secrets Manager');
    }
    access.adminSecret.grantRead(this.onEventRole);
    this.endpoint = Fn.select(0, access.consoleUrls);
    this.adminSecretArn = access.adminSecret.secretArn;
  }
}

