import { Rule } from '../../private/rules';
import { BrokerSpec } from '../broker-spec';

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
    check: (s) => s.subnets && s.subnets.length < s.subnetRequirement.min
      ? `'vpcSubnets' selects ${s.subnets.length} subnet(s) in distinct Availability Zones; deploymentMode ${s.deploymentMode} needs ${describeRequirement(s)}`
      : undefined,
  },
];
