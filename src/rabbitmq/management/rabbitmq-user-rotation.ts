import { Duration, Fn } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ManagedBrokerAccess } from './rabbitmq-management-provider';
import { RabbitmqUserRotationFunction } from './rabbitmq-user-rotation-function';
import { ROTATION_FUNCTION_NAG_REASONS } from '../../broker/rotation/user-rotation-schedule';
import { dependOnNetworkPath } from '../../private/network-path';
import { scopedFunction } from '../../private/scoped-function';

/** The AMQP port of a RabbitMQ broker on Amazon MQ (AMQP 0-9-1 over TLS). */
const AMQPS_PORT = 5671;

/**
 * The broker's one rotation function for its management users (construct ID `UserRotation` under the broker): in the
 * broker's subnets when the broker is private, with a security group the broker admits on 443 (the management API,
 * to set the password) and 5671 (AMQP, to sign in with it). It may read the admin secret; each RotationSchedule grants
 * it the secret it rotates.
 */
export function rabbitMqUserRotationFunction(broker: Construct, access: ManagedBrokerAccess): lambda.Function {
  const id = 'UserRotation';
  const existing = broker.node.tryFindChild(id) as lambda.Function | undefined;
  if (existing) {
    return existing;
  }
  const securityGroup = access.vpc && new ec2.SecurityGroup(broker, `${id}SecurityGroup`, {
    vpc: access.vpc,
    description: `Amazon MQ RabbitMQ user password rotation for ${broker.node.path}`,
    allowAllOutbound: false,
  });
  // The broker's host, from its management URL `https://<host>`: its AMQP endpoint is `amqps://<host>:5671`.
  const host = Fn.select(2, Fn.split('/', access.endpoint));
  const { func, role } = scopedFunction(broker, id, {
    handler: RabbitmqUserRotationFunction,
    description: `Amazon MQ RabbitMQ user password rotation for ${broker.node.path}`,
    timeout: Duration.minutes(2),
    environment: {
      MANAGEMENT_ENDPOINT: access.endpoint,
      AMQP_ENDPOINT: `amqps://${host}:${AMQPS_PORT}`,
      ADMIN_SECRET_ARN: access.adminSecret.secretArn,
    },
    vpc: access.vpc,
    vpcSubnets: access.vpcSubnets,
    securityGroups: securityGroup && [securityGroup],
    nagReasons: ROTATION_FUNCTION_NAG_REASONS,
  });
  if (securityGroup && access.vpc) {
    access.connections.allowFrom(securityGroup, ec2.Port.tcp(443), 'RabbitMQ management API from the user rotation function');
    access.connections.allowFrom(securityGroup, ec2.Port.tcp(AMQPS_PORT), 'AMQP sign-in test from the user rotation function');
    // Secrets Manager, through a VPC endpoint or a NAT gateway (README, "Password rotation").
    securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to the broker and Secrets Manager');
    dependOnNetworkPath(func, access.vpc, [securityGroup, ...access.connections.securityGroups], ['secretsmanager']);
  }
  access.adminSecret.grantRead(role);
  return func;
}
