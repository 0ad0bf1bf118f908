import { Rule, isKnown } from '../../private/rules';
import { BrokerSpec } from '../broker-spec';

const BROKER_NAME = /^[0-9A-Za-z_-]{1,50}$/;

export const BROKER_NAME_RULES: Rule<BrokerSpec>[] = [
  {
    id: 'BrokerNamePattern',
    fact: 'F-B01',
    summary: 'brokerName: 1-50 letters, digits, `-` or `_`',
    check: (s) => isKnown(s.brokerName) && !BROKER_NAME.test(s.brokerName)
      ? `'brokerName' '${s.brokerName}' is not allowed; allowed: 1-50 characters of A-Z, a-z, 0-9, '-' and '_'`
      : undefined,
  },
  {
    id: 'BrokerNameUnique',
    fact: 'F-B01',
    summary: 'brokerName: not used by another broker of the app in the same account and region',
    check: (s) => s.brokerNameTakenBy.length > 0
      ? `'brokerName' '${s.brokerName}' is already used by ${s.brokerNameTakenBy.join(', ')} in the same account and region; allowed: a name unique per account and region`
      : undefined,
  },
];
