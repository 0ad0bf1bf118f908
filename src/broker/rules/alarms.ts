import { Token } from 'aws-cdk-lib';
import { Rule } from '../../private/rules';
import type { BrokerAlarmOverride } from '../monitoring/broker-alarm-options';

/** How a threshold option is checked. */
export type ThresholdKind = 'percent' | 'count' | 'positive';

/** What the rules of an alarm preset read: its threshold options and the destination names it watches. */
export interface AlarmOptionsSpec {
  readonly thresholds: ReadonlyArray<{ readonly option: string; readonly kind: ThresholdKind; readonly value: number | undefined }>;
  readonly names: ReadonlyArray<{ readonly option: string; readonly value: string }>;
}

const ALLOWED: Record<ThresholdKind, [(v: number) => boolean, string]> = {
  percent: [(v) => v >= 0 && v <= 100, 'a percentage from 0 to 100'],
  count: [(v) => Number.isInteger(v) && v >= 0, 'a whole count of 0 or more'],
  positive: [(v) => v > 0, 'a number above 0'],
};

/** The thresholds and names of both engines' recommended alarms (CloudWatch compares numbers; mq-facts §3.1). */
export const ALARM_OPTION_RULES: ReadonlyArray<Rule<AlarmOptionsSpec>> = [
  {
    id: 'BrokerAlarmThresholds',
    fact: '§3.1',
    summary: 'recommended alarms: percentages from 0 to 100, counts whole and 0 or more, multiples above 0',
    check: (s) => s.thresholds.filter((t) => t.value !== undefined && !Token.isUnresolved(t.value) && !ALLOWED[t.kind][0](t.value))
      .map((t) => `'${t.option}' ${t.value} is not allowed; allowed: ${ALLOWED[t.kind][1]}`),
  },
  {
    id: 'BrokerAlarmDestinations',
    fact: 'F-CW1',
    summary: 'recommended alarms: the queues they watch are named (an empty name is a metric that never exists)',
    check: (s) => s.names.filter((n) => !Token.isUnresolved(n.value) && n.value.trim() === '')
      .map((n) => `'${n.option}' is empty; allowed: a destination name`),
  },
];

/** What the overrides rule reads: the preset's alarms and the user's overrides. */
export interface AlarmOverridesSpec {
  readonly alarms: ReadonlyArray<{ readonly id: string; readonly evaluationPeriods: number }>;
  readonly overrides: { readonly [alarmId: string]: BrokerAlarmOverride };
}

export const ALARM_OVERRIDE_RULES: ReadonlyArray<Rule<AlarmOverridesSpec>> = [
  {
    id: 'BrokerAlarmOverrides',
    // CloudWatch PutMetricAlarm: EvaluationPeriods >= 1, 1 <= DatapointsToAlarm <= EvaluationPeriods.
    fact: '§3.1, CloudWatch PutMetricAlarm',
    summary: '`alarmOverrides`: alarm IDs of the preset; `evaluationPeriods` a whole number of 1 or more; `datapointsToAlarm` from 1 to the periods evaluated',
    check: ({ alarms, overrides }) => Object.entries(overrides).flatMap(([id, o]) => {
      const alarm = alarms.find((a) => a.id === id);
      if (!alarm) {
        return [`'alarmOverrides' names '${id}', which is not an alarm of this preset; allowed: ${alarms.map((a) => a.id).join(', ')}`];
      }
      const periods = o.evaluationPeriods ?? alarm.evaluationPeriods;
      return [
        ...o.evaluationPeriods !== undefined && !(Number.isInteger(o.evaluationPeriods) && o.evaluationPeriods >= 1)
          ? [`'alarmOverrides.${id}.evaluationPeriods' ${o.evaluationPeriods} is not allowed; allowed: a whole number of 1 or more`] : [],
        ...o.datapointsToAlarm !== undefined && !(Number.isInteger(o.datapointsToAlarm) && o.datapointsToAlarm >= 1 && o.datapointsToAlarm <= periods)
          ? [`'alarmOverrides.${id}.datapointsToAlarm' ${o.datapointsToAlarm} is not allowed; allowed: a whole number from 1 to evaluationPeriods (${periods})`] : [],
      ];
    }),
  },
];

export const RECOMMENDED_ALARMS_RULES: ReadonlyArray<Rule<{ readonly alreadyAdded: boolean }>> = [
  {
    id: 'RecommendedAlarmsOnce',
    fact: '§3.1',
    summary: '`addRecommendedAlarms()`: once per broker (its alarm names are `<prefix>-<alarm>`: a second set would clash)',
    check: (s) => s.alreadyAdded
      ? 'addRecommendedAlarms() was already called on this broker; allowed: once per broker (its alarm names are <brokerName>-<Alarm>, '
        + 'so a second set would clash). Keep the object it returned, or build more alarms from the metric methods.'
      : undefined,
  },
];

/** What the metric dimension rule reads: the argument that becomes a dimension value. */
export interface MetricDimensionSpec {
  readonly option: string;
  readonly value: string;
  /** What the argument names, for the message ("a queue name"). */
  readonly allowed: string;
}

export const METRIC_DIMENSION_RULES: ReadonlyArray<Rule<MetricDimensionSpec>> = [
  {
    id: 'MetricDimensionName',
    fact: 'F-CW1',
    summary: 'metric methods: queue, topic, connector, node and virtual host names not empty (an empty one names a metric that never exists)',
    check: (s) => !Token.isUnresolved(s.value) && s.value.trim() === '' ? `'${s.option}' is empty; allowed: ${s.allowed}` : undefined,
  },
];
