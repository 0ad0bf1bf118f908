import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { BrokerNetworkProps } from './broker-props';
import { SubnetRequirement } from './broker-spec';


/**
 * The subnets the broker will use: one per Availability Zone, at most `requirement.max`.
 * Undefined when there is no VPC (the service picks subnets of the default VPC).
 */
export function selectBrokerSubnets(props: BrokerNetworkProps, requirement: SubnetRequirement): ec2.ISubnet[] | undefined {
  if (!props.vpc) {
    return undefined;
  }
  const defaultSelection = { subnetType: props.publiclyAccessible ? ec2.SubnetType.PUBLIC : undefined };
  const { subnets } = props.vpc.selectSubnets({ ...(props.vpcSubnets ?? defaultSelection), onePerAz: true });
  return subnets.slice(0, requirement.max);
}

/** A security group for a broker: no ingress until `connections` opens a port, no egress until the engine needs one. */
export function newBrokerSecurityGroup(scope: Construct, vpc: ec2.IVpc, engine: string): ec2.SecurityGroup {
  return new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc,
    description: `Amazon MQ ${engine} broker ${scope.node.path}`,
    allowAllOutbound: false,
  });
}
