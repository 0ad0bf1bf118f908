import { ArnFormat, Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { BrokerAttributes } from './broker-attributes';
import { BrokerProtocol } from './protocol';
import { MqValidationError } from '../private/errors';

/** What identifies an imported broker: its ARN and the parts of it. */
export interface BrokerIdentity {
  readonly brokerArn: string;
  readonly brokerName: string;
  readonly brokerId: string;
  /** The region the broker runs in: its endpoints' host names hold it. */
  readonly region: string;
}

const BROKER_ID = /^b-[0-9a-z]+(-[0-9a-z]+)*$/i;

/**
 * The identity of an imported broker from its ARN, or from its name and ID in the stack's account and region.
 * An ARN held in a token is split at deploy time.
 */
export function brokerIdentity(scope: IConstruct, attrs: BrokerAttributes): BrokerIdentity {
  const byName = attrs.brokerName !== undefined || attrs.brokerId !== undefined;
  if (attrs.brokerArn !== undefined && byName) {
    throw new MqValidationError(scope, '\'brokerArn\' and \'brokerName\'/\'brokerId\' are both given; allowed: brokerArn alone, or brokerName with brokerId');
  }
  if (attrs.brokerArn !== undefined) {
    return { brokerArn: attrs.brokerArn, ...parseBrokerArn(scope, attrs.brokerArn) };
  }
  const { brokerName, brokerId } = attrs;
  if (brokerName === undefined || brokerId === undefined) {
    throw new MqValidationError(scope, `'${brokerName === undefined ? 'brokerName' : 'brokerId'}' is missing; allowed: brokerArn alone, or brokerName with brokerId`);
  }
  if (!Token.isUnresolved(brokerId) && !BROKER_ID.test(brokerId)) {
    throw new MqValidationError(scope, `'brokerId' '${brokerId}' is not a broker ID; allowed: the ID Amazon MQ gave the broker, 'b-' and letters, digits and hyphens (b-1234a5b6-78cd-...)`);
  }
  const stack = Stack.of(scope);
  const brokerArn = stack.formatArn({ service: 'mq', resource: 'broker', resourceName: `${brokerName}:${brokerId}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  return { brokerArn, brokerName, brokerId, region: stack.region };
}

/** Name, ID and region read from a broker ARN; tokens are split at deploy time. */
export function parseBrokerArn(scope: IConstruct, brokerArn: string): { brokerName: string; brokerId: string; region: string } {
  if (Token.isUnresolved(brokerArn)) {
    const parts = Fn.split(':', brokerArn);
    return { brokerName: Fn.select(6, parts), brokerId: Fn.select(7, parts), region: Fn.select(3, parts) };
  }
  const parts = brokerArn.split(':');
  if (parts.length !== 8 || parts[0] !== 'arn' || parts[2] !== 'mq' || parts[5] !== 'broker') {
    const hint = BROKER_ID.test(brokerArn)
      ? ' (this is a broker ID: import with fromBrokerAttributes({ brokerName, brokerId }))'
      : '';
    throw new MqValidationError(scope, `'brokerArn' '${brokerArn}' is not a broker ARN${hint}; allowed: arn:<partition>:mq:<region>:<account>:broker:<name>:<id>`);
  }
  return { brokerName: parts[6], brokerId: parts[7], region: parts[3] };
}

/**
 * The ARN to give `Resource` as `environmentFromArn`, or undefined when it is no ARN: `Resource` would throw its own
 * message first, and parseBrokerArn names the problem better.
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
