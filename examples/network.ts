import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';

/** The compliance packs the examples run besides AwsSolutions (examples/nag-packs.ts). */
const COMPLIANCE_PACKS = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];

/** Acknowledges one rule of each compliance pack (`<pack>-<rule>`) on `scope`, with one reason. */
export function acknowledgeCompliance(scope: IConstruct, rule: string, reason: string, packs = COMPLIANCE_PACKS): void {
  Validations.of(scope).acknowledge(...packs.map((pack) => ({ id: `${pack}-${rule}`, reason })));
}

/** A VPC for the examples: private subnets without NAT (brokers need none), flow logs on. */
export function exampleVpc(scope: Construct, maxAzs: number): ec2.Vpc {
  const vpc = new ec2.Vpc(scope, 'Vpc', {
    maxAzs,
    natGateways: 0,
    subnetConfiguration: [{ name: 'brokers', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL } },
  });
  acknowledgeCompliance(vpc, 'VPCDefaultSecurityGroupClosed', 'Nothing in the example uses the default security group: the broker, '
    + 'functions and endpoints each have their own. (restrictDefaultSecurityGroup would add a custom resource function per example.)');
  const flowLog = vpc.node.findChild('all');
  acknowledgeCompliance(flowLog, 'CloudWatchLogGroupEncrypted', 'Example flow logs (addresses and ports, no payload), encrypted at rest by '
    + 'CloudWatch Logs; in production, send them to a log group with your customer managed key.');
  acknowledgeCompliance(flowLog, 'IAMNoInlinePolicy', 'The flow log\'s own role, whose one policy the CDK writes inline.');
  return vpc;
}

/**
 * Interface endpoints admit HTTPS from the VPC's CIDR block (the CDK default), a deploy-time value cdk-nag cannot
 * read: AwsSolutions and the compliance packs' open-port rules report it.
 */
export function acknowledgeEndpointIngress(endpoint: ec2.InterfaceVpcEndpoint): void {
  const reason = 'The endpoint admits HTTPS (443) from the VPC\'s own CIDR block, a deploy-time value cdk-nag cannot read; never 0.0.0.0/0.';
  Validations.of(endpoint).acknowledge({ id: 'AwsSolutions-EC23', reason });
  acknowledgeCompliance(endpoint, 'EC2RestrictedSSH', reason);
  acknowledgeCompliance(endpoint, 'EC2RestrictedCommonPorts', reason);
}
