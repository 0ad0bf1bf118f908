import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { BrokerNetworkProps } from './broker-props';
import { SubnetRequirement } from './broker-spec';


/**
 * The subnets the broker will use: one per Availability Zone, at most `requirement.max`. Subnets given one by one
 * are used as given, so the rules can name what is wrong with them (count, shared AZs).
 * Undefined when there is no VPC (the service picks subnets of the default VPC).
 */
export function selectBrokerSubnets(props: BrokerNetworkProps, requirement: SubnetRequirement): ec2.ISubnet[] | undefined {
  if (!props.vpc) {
    return undefined;
  }
  if (props.vpcSubnets?.subnets) {
    return props.vpcSubnets.subnets;
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

/** A subnet's Availability Zone when known at synth (imported subnets may not say). */
export function knownAvailabilityZone(subnet: ec2.ISubnet): string | undefined {
  try {
    const az = subnet.availabilityZone;
    return Token.isUnresolved(az) ? undefined : az;
  } catch {
    // Subnet.fromSubnetId() throws when asked for an AZ it was not given.
    return undefined;
  }
}
