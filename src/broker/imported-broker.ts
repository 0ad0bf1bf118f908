import { ArnFormat, Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { BrokerAttributes } from './broker-attributes';
import { BrokerProtocol } from './protocol';
import { BROKER_IMPORT_RULES } from './rules/imported-broker';
import { validateRules } from '../private/rules';

/** What identifies an imported broker: its ARN and the parts of it. */
export interface BrokerIdentity {
  readonly brokerArn: string;
  readonly brokerName: string;
  readonly brokerId: string;
  /** The region the broker runs in: its endpoints' host names hold it. */
  readonly region: string;
}

/**
 * The identity of an imported broker from its ARN, or from its name and ID in the stack's account and region.
 * An ARN held in a token is split at deploy time.
 */
export function brokerIdentity(scope: IConstruct, attrs: BrokerAttributes): BrokerIdentity {
  // ImportedActiveMqBroker -> ActiveMqBroker.fromBrokerAttributes, what the user called (fromBrokerArn calls it too).
  validateRules(scope, `${scope.constructor.name.replace(/^Imported/, '')}.fromBrokerAttributes`, BROKER_IMPORT_RULES, attrs);
  if (attrs.brokerArn !== undefined) {
    return { brokerArn: attrs.brokerArn, ...parseBrokerArn(attrs.brokerArn) };
  }
  const brokerName = attrs.brokerName!;
  const brokerId = attrs.brokerId!;
  const stack = Stack.of(scope);
  const brokerArn = stack.formatArn({ service: 'mq', resource: 'broker', resourceName: `${brokerName}:${brokerId}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  return { brokerArn, brokerName, brokerId, region: stack.region };
}

/** Name, ID and region read from a broker ARN (checked by ImportedBrokerArn); tokens are split at deploy time. */
export function parseBrokerArn(brokerArn: string): { brokerName: string; brokerId: string; region: string } {
  if (Token.isUnresolved(brokerArn)) {
    const parts = Fn.split(':', brokerArn);
    return { brokerName: Fn.select(6, parts), brokerId: Fn.select(7, parts), region: Fn.select(3, parts) };
  }
  const parts = brokerArn.split(':');
  return { brokerName: parts[6], brokerId: parts[7], region: parts[3] };
}

/**
 * The ARN to give `Resource` as `environmentFromArn`, or undefined when it is no ARN: `Resource` would throw its own
 * message first, and the ImportedBrokerArn rule names the problem better.
 */
export function environmentArn(brokerArn: string | undefined): string | undefined {
  return brokerArn !== undefined && (Token.isUnresolved(brokerArn) || brokerArn.startsWith('arn:')) ? brokerArn : undefined;
}

/**
 * The DNS name of a broker (mq-facts F-R01: `b-<id>[-<instance>].mq.<region>.amazonaws.com`); ActiveMQ instances
 * have the `-1`/`-2` suffix, RabbitMQ brokers none.
 */
export function brokerHost(scope: IConstruct, identity: BrokerIdentity, instance?: number): string {
  const suffix = instance === undefined ? '' : `-${instance}`;
  const domain = (!Token.isUnresolved(identity.region) && RegionInfo.get(identity.region).domainSuffix) || Stack.of(scope).urlSuffix;
  return `${identity.brokerId}${suffix}.mq.${identity.region}.${domain}`;
}

/** Connections of an imported broker, on the engine's default port. */
export function importedConnections(attrs: BrokerAttributes, defaultProtocol: BrokerProtocol): ec2.Connections {
  return new ec2.Connections({ securityGroups: attrs.securityGroups, defaultPort: ec2.Port.tcp(defaultProtocol.port) });
}
