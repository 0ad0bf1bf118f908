import { Token } from 'aws-cdk-lib';
import { isKnown, Rule } from '../../private/rules';
import { BrokerAttributes } from '../broker-attributes';

/** A broker ID as Amazon MQ gives it: `b-` and groups of letters and digits joined by hyphens. */
export const BROKER_ID = /^b-[0-9a-z]+(-[0-9a-z]+)*$/i;

/** Whether a broker ARN known at synth has the shape `arn:<partition>:mq:<region>:<account>:broker:<name>:<id>`. */
export function isBrokerArn(brokerArn: string): boolean {
  const parts = brokerArn.split(':');
  return parts.length === 8 && parts[0] === 'arn' && parts[2] === 'mq' && parts[5] === 'broker';
}

/** fromBrokerArn() and fromBrokerAttributes() of both engines (mq-facts F-R01 and the broker ARN below it). */
export const BROKER_IMPORT_RULES: ReadonlyArray<Rule<BrokerAttributes>> = [
  {
    id: 'ImportedBrokerReference',
    fact: 'F-R01',
    summary: 'fromBrokerAttributes(): `brokerArn` alone, or `brokerName` with `brokerId`',
    check: (a) => {
      if (a.brokerArn !== undefined && (a.brokerName !== undefined || a.brokerId !== undefined)) {
        return '\'brokerArn\' and \'brokerName\'/\'brokerId\' are both given; allowed: brokerArn alone, or brokerName with brokerId';
      }
      return a.brokerArn === undefined && (a.brokerName === undefined || a.brokerId === undefined)
        ? `'${a.brokerName === undefined ? 'brokerName' : 'brokerId'}' is missing; allowed: brokerArn alone, or brokerName with brokerId`
        : undefined;
    },
  },
  {
    id: 'ImportedBrokerId',
    fact: 'F-R01',
    summary: 'fromBrokerAttributes(): `brokerId` is an ID as Amazon MQ gives it, `b-` and letters, digits and hyphens',
    check: (a) => a.brokerId !== undefined && isKnown(a.brokerId) && !BROKER_ID.test(a.brokerId)
      ? `'brokerId' '${a.brokerId}' is not a broker ID; allowed: the ID Amazon MQ gave the broker, 'b-' and letters, digits and hyphens (b-1234a5b6-78cd-...)`
      : undefined,
  },
  {
    id: 'ImportedBrokerArn',
    fact: 'F-R01',
    summary: 'fromBrokerArn(), fromBrokerAttributes(): `brokerArn` is `arn:<partition>:mq:<region>:<account>:broker:<name>:<id>` (a token is split at deploy time)',
    check: (a) => {
      if (a.brokerArn === undefined || Token.isUnresolved(a.brokerArn) || isBrokerArn(a.brokerArn)) {
        return undefined;
      }
      const hint = BROKER_ID.test(a.brokerArn) ? ' (this is a broker ID: import with fromBrokerAttributes({ brokerName, brokerId }))' : '';
      return `'brokerArn' '${a.brokerArn}' is not a broker ARN${hint}; allowed: arn:<partition>:mq:<region>:<account>:broker:<name>:<id>`;
    },
  },
];
