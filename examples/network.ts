import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** A VPC for the examples: private subnets without NAT (brokers need none), flow logs on. */
export function exampleVpc(scope: Construct, maxAzs: number): ec2.Vpc {
  return new ec2.Vpc(scope, 'Vpc', {
    maxAzs,
    natGateways: 0,
    subnetConfiguration: [{ name: 'brokers', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL } },
  });
}
