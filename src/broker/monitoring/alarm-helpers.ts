import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { BrokerAlarmOverride } from './broker-alarm-options';
import { Rule, validateRules } from '../../private/rules';
import { RECOMMENDED_ALARMS_RULES } from '../rules/alarms';

/** One alarm of a preset, before it is created. */
export interface AlarmSpec {
  readonly id: string;
  readonly metric: cloudwatch.IMetric;
  readonly threshold: number;
  readonly comparisonOperator: cloudwatch.ComparisonOperator;
  readonly evaluationPeriods: number;
  readonly treatMissingData: cloudwatch.TreatMissingData;
  /** What the alarm means and where its threshold comes from. */
  readonly description: string;
}

/** An alarm when the metric goes above the threshold. */
export function above(
  id: string, metric: cloudwatch.IMetric, threshold: number, evaluationPeriods: number, description: string,
  treatMissingData = cloudwatch.TreatMissingData.MISSING,
): AlarmSpec {
  const comparisonOperator = cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
  return { id, metric, threshold, evaluationPeriods, description, treatMissingData, comparisonOperator };
}

/** An alarm when the metric goes below the threshold. */
export function below(
  id: string, metric: cloudwatch.IMetric, threshold: number, evaluationPeriods: number, description: string,
  treatMissingData = cloudwatch.TreatMissingData.MISSING,
): AlarmSpec {
  const comparisonOperator = cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;
  return { id, metric, threshold, evaluationPeriods, description, treatMissingData, comparisonOperator };
}

/** An alarm when a queue has had no consumer for 15 minutes; a queue that disappears has none either. */
export function noConsumers(id: string, consumerCount: cloudwatch.IMetric, description: string): AlarmSpec {
  return below(id, consumerCount, 1, 3, description, cloudwatch.TreatMissingData.BREACHING);
}

/**
 * Creates the alarms of a preset under `scope`, named `<prefix>-<id>`, with the same actions and the overrides
 * applied (checked first with `overrideProblems`). The description ends with the window actually evaluated.
 */
export function createAlarms(scope: Construct, prefix: string, specs: AlarmSpec[], actions: cloudwatch.IAlarmAction[] = [],
  overrides: { [alarmId: string]: BrokerAlarmOverride } = {}): cloudwatch.Alarm[] {
  return specs.filter((spec) => overrides[spec.id]?.enabled !== false).map((spec) => {
    const override = overrides[spec.id] ?? {};
    const evaluationPeriods = override.evaluationPeriods ?? spec.evaluationPeriods;
    const datapointsToAlarm = override.datapointsToAlarm ?? evaluationPeriods;
    const window = datapointsToAlarm === evaluationPeriods
      ? `${evaluationPeriods * 5} minutes` : `${datapointsToAlarm} of ${evaluationPeriods} periods of 5 minutes`;
    const alarm = new cloudwatch.Alarm(scope, spec.id, {
      alarmName: `${prefix}-${spec.id}`,
      alarmDescription: `${spec.description} (Evaluated over ${window}.)`,
      metric: spec.metric,
      threshold: spec.threshold,
      comparisonOperator: spec.comparisonOperator,
      evaluationPeriods,
      datapointsToAlarm: override.datapointsToAlarm,
      treatMissingData: override.treatMissingData ?? spec.treatMissingData,
    });
    alarm.addAlarmAction(...actions);
    alarm.addOkAction(...actions);
    return alarm;
  });
}

/**
 * Runs an alarm preset's rules; on a failure the preset's construct is removed first, so addRecommendedAlarms() may
 * be called again with the options fixed (nothing half-built).
 */
export function validateAlarmRules<T>(alarms: Construct, className: string, rules: ReadonlyArray<Rule<T>>, input: T): void {
  try {
    validateRules(alarms, className, rules, input);
  } catch (e) {
    alarms.node.scope?.node.tryRemoveChild(alarms.node.id);
    throw e;
  }
}

/** The construct id of a broker's recommended alarms. */
export const RECOMMENDED_ALARMS_ID = 'RecommendedAlarms';

/** addRecommendedAlarms() once per broker: its alarm names are fixed, so a second set would clash. */
export function checkFirstRecommendedAlarms(broker: Construct): void {
  validateRules(broker, 'addRecommendedAlarms()', RECOMMENDED_ALARMS_RULES, { alreadyAdded: broker.node.tryFindChild(RECOMMENDED_ALARMS_ID) !== undefined });
}
