import { CustomResource, RemovalPolicy } from 'aws-cdk-lib';
import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { IBroker } from './broker-base';
import { activeMqLogsResourcePolicy, retainBrokerLogs } from './logging/broker-logs';
import { newBrokerSecurityGroup } from './network';
import { applyImmediately } from './reboot/apply-immediately';

// What both engines wire the same way around their CfnBroker: the network before it, the logs and reboot after it.

/** The broker's security groups and its connections. */
export interface BrokerNetworking {
  readonly securityGroups: ec2.ISecurityGroup[];
  readonly connections: ec2.Connections;
}

/**
 * The security groups given, or one new group (construct id `SecurityGroup`) when the broker is in a VPC and takes
 * groups; connections on the engine's default port.
 */
export function brokerNetworking(scope: Construct, props: { readonly vpc?: ec2.IVpc; readonly securityGroups?: ec2.ISecurityGroup[] },
  engine: string, defaultPort: number, takesSecurityGroups = true): BrokerNetworking {
  const securityGroups = props.securityGroups ?? (props.vpc && takesSecurityGroups ? [newBrokerSecurityGroup(scope, props.vpc, engine)] : []);
  return { securityGroups, connections: new ec2.Connections({ securityGroups, defaultPort: ec2.Port.tcp(defaultPort) }) };
}

/** What follows the CfnBroker. */
export interface BrokerTail {
  /** The log types the broker publishes (`general`, `audit`). */
  readonly logTypes: string[];
  readonly retention?: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** ActiveMQ writes its logs through the stack's CloudWatch Logs resource policy. */
  readonly logsResourcePolicy: boolean;
  readonly applyImmediately?: boolean;
}

/**
 * The broker's log groups kept and expiring (one retention resource for all of them), the logs resource policy it
 * waits for, and the reboot that applies changes immediately (returned, for what must wait for it).
 */
export function wireBrokerTail(broker: IBroker & Construct, resource: CfnBroker, tail: BrokerTail): CustomResource | undefined {
  if (tail.logTypes.length > 0) {
    if (tail.logsResourcePolicy) {
      // Needed before the broker starts.
      resource.node.addDependency(activeMqLogsResourcePolicy(broker));
    }
    retainBrokerLogs(broker, resource.ref, tail.logTypes, tail.retention, tail.removalPolicy);
  }
  return tail.applyImmediately ? applyImmediately(broker, resource) : undefined;
}
