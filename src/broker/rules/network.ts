import { Rule } from '../../private/rules';
import { BrokerSpec } from '../broker-spec';
import { knownAvailabilityZone } from '../network';

const MAX_SECURITY_GROUPS = 5;

function describeRequirement(s: BrokerSpec): string {
  const { min, max } = s.subnetRequirement;
  if (min === max) {
    return `exactly ${min}`;
  }
  return `${min} to ${max}`;
}

export const NETWORK_RULES: Rule<BrokerSpec>[] = [
  {
    id: 'VpcRequiredWhenPrivate',
    fact: 'F-B05, F-B15',
    summary: 'vpc: required unless publiclyAccessible',
    check: (s) => !s.publiclyAccessible && !s.vpc
      ? '\'vpc\' is missing: a private broker needs a VPC; give a vpc, or set publiclyAccessible: true'
      : undefined,
  },
  {
    id: 'SecurityGroupLimit',
    fact: 'F-P04',
    summary: 'securityGroups: at most 5',
    check: (s) => (s.securityGroups?.length ?? 0) > MAX_SECURITY_GROUPS
      ? `'securityGroups' has ${s.securityGroups!.length} groups; allowed: at most ${MAX_SECURITY_GROUPS}`
      : undefined,
  },
  {
    id: 'SubnetCount',
    fact: 'F-B15, F-D01..F-D04, F-D08',
    summary: 'vpcSubnets: the count of distinct-AZ subnets the deployment mode needs (1; 2 for active/standby; 1-3 for clusters)',
    check: (s) => s.subnets && (s.subnets.length < s.subnetRequirement.min || s.subnets.length > s.subnetRequirement.max)
      ? `'vpcSubnets' selects ${s.subnets.length} subnet(s) in distinct Availability Zones; deploymentMode ${s.deploymentMode} needs ${describeRequirement(s)}`
      : undefined,
  },
  {
    id: 'SubnetAvailabilityZones',
    fact: 'F-B15, F-D02, F-D04, F-D08',
    summary: 'vpcSubnets: subnets given one by one are each in a different Availability Zone (when their AZs are known)',
    check: (s) => {
      const azs = (s.subnets ?? []).map(knownAvailabilityZone);
      const known = azs.filter((az): az is string => az !== undefined);
      return new Set(known).size < known.length
        ? `'vpcSubnets' has subnets sharing an Availability Zone (${known.join(', ')}); allowed: each subnet in a different Availability Zone`
        : undefined;
    },
  },
];
