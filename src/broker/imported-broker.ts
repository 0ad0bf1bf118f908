import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { BrokerAttributes, parseBrokerArn } from './broker-attributes';
import { BrokerProtocol } from './protocol';

/** What an imported broker of either engine knows from its attributes. */
export interface ImportedBrokerIdentity {
  readonly brokerArn: string;
  readonly brokerId: string;
  readonly brokerName: string;
  readonly connections: ec2.Connections;
}

/** Name and ID from the ARN; connections on the engine's default port. */
export function importedBrokerIdentity(scope: Construct, attrs: BrokerAttributes, defaultProtocol: BrokerProtocol): ImportedBrokerIdentity {
  return {
    brokerArn: attrs.brokerArn,
    ...parseBrokerArn(scope, attrs.brokerArn),
    connections: new ec2.Connections({ securityGroups: attrs.securityGroups, defaultPort: ec2.Port.tcp(defaultProtocol.port) }),
  };
}
