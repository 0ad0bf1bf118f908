import { ALARM_OPTION_RULES, AlarmOptionsSpec } from '../../broker/rules/alarms';
import { Rule } from '../../private/rules';
import { ActiveMqStorageType } from '../activemq-deployment-mode';

/** What an ActiveMQ broker's recommended alarms are checked on. */
export interface ActiveMqAlarmSpec extends AlarmOptionsSpec {
  readonly storageType?: ActiveMqStorageType;
  readonly burstBalancePercent?: number;
}

export const ACTIVEMQ_ALARM_RULES: ReadonlyArray<Rule<ActiveMqAlarmSpec>> = [
  ...ALARM_OPTION_RULES,
  {
    id: 'ActiveMqAlarmBurstBalance',
    // mq-facts §3, metric table: BurstBalance is published for EBS storage only.
    fact: '§3',
    summary: 'ActiveMQ recommended alarms: `burstBalancePercent` on EBS brokers only (Amazon MQ publishes BurstBalance for EBS storage only)',
    check: (s) => s.burstBalancePercent !== undefined && s.storageType === ActiveMqStorageType.EFS
      ? '\'burstBalancePercent\' is not allowed: Amazon MQ publishes BurstBalance for EBS storage only; allowed: unset on EFS brokers'
      : undefined,
  },
];
