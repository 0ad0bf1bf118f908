import { Aws, Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { RabbitmqManagementFunction } from './rabbitmq-management-function';
import { dependOnNetworkPath } from '../../private/network-path';
import { ScopedProvider } from '../../private/scoped-provider';


/** What the management API's provider needs from the broker it manages. */
export interface ManagedBrokerAccess {
  /** The management API's URL, `https://<broker host>`. */
  readonly endpoint: string;
  /** The broker's ARN: a Delete whose broker does not answer asks Amazon MQ whether it is gone. */
  readonly brokerArn: string;
  /** Whether the broker is made in this stack with removal policy DESTROY (never for an imported broker). */
  readonly deletedWithStack: boolean;
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
  /** Whether the broker is made in this stack with removal policy DESTROY. */
  public readonly deletedWithStack: boolean;

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
      onEventOutsideVpcReason: 'The broker is publicly accessible (it has no VPC): its management API is reached over the internet, '
        + 'with TLS and the admin user\'s credentials.',
    });
    if (securityGroup && access.vpc) {
      access.connections.allowFrom(securityGroup, ec2.Port.tcp(443), 'RabbitMQ management API from the management function');
      // Secrets Manager and CloudFormation, through VPC endpoints or a NAT gateway (README, "Inside the broker").
      securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to the broker, Secrets Manager and CloudFormation');
      // Objects are deleted before the path to the broker and to Secrets Manager: else their Delete fails.
      dependOnNetworkPath(this.onEventFunction, access.vpc, [securityGroup, ...access.connections.securityGroups], ['secretsmanager', 'cloudformation']);
    }
    access.adminSecret.grantRead(this.onEventRole);
    // A Delete skips an object that another resource of the stack declares (a renamed construct, a rollback), and,
    // when the broker goes with the stack, every object while the stack is being deleted (its status).
    this.onEventRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['cloudformation:ListStackResources', ...access.deletedWithStack ? ['cloudformation:DescribeStacks'] : []],
      resources: [Aws.STACK_ID],
    }));
    // A Delete whose broker does not answer asks Amazon MQ whether the broker is gone (then the Delete succeeds).
    this.onEventRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['mq:DescribeBroker'], resources: [access.brokerArn] }));
    this.onEventFunction.addEnvironment('BROKER_ARN', access.brokerArn);
    this.endpoint = access.endpoint;
    this.adminSecretArn = access.adminSecret.secretArn;
    this.deletedWithStack = access.deletedWithStack;
  }
}

