import { RemovalPolicy } from 'aws-cdk-lib';
import { Rule } from '../../private/rules';
import { BrokerSpec } from '../broker-spec';

export const REMOVAL_POLICY_RULES: Rule<BrokerSpec>[] = [
  {
    id: 'RemovalPolicyNoSnapshot',
    fact: '§1.1 (AWS::AmazonMQ::Broker supports no Snapshot deletion policy)',
    summary: 'removalPolicy: RETAIN or DESTROY; brokers have no snapshot',
    check: (s) => s.removalPolicy === RemovalPolicy.SNAPSHOT
      ? '\'removalPolicy\' SNAPSHOT is not allowed: Amazon MQ brokers have no snapshot; allowed: RETAIN, RETAIN_ON_UPDATE_OR_DELETE, DESTROY'
      : undefined,
  },
];
