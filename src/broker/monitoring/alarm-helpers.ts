import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { BrokerAlarmOverride } from './broker-alarm-options';
import { MqValidationError } from '../../private/errors';

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

/** Problems with `alarmOverrides`: unknown alarm IDs (naming the preset's), periods and datapoints out of range. */
export function overrideProblems(specs: AlarmSpec[], overrides: { [alarmId: string]: BrokerAlarmOverride } = {}): string[] {
  const ids = specs.map((s) => s.id);
  return Object.entries(overrides).flatMap(([id, o]) => {
    if (!ids.includes(id)) {
      return [`'alarmOverrides' names '${id}', which is not an alarm of this preset; allowed: ${ids.join(', ')}`];
    }
    const periods = o.evaluationPeriods ?? specs.find((s) => s.id === id)!.evaluationPeriods;
    return [
      ...o.evaluationPeriods !== undefined && !(Number.isInteger(o.evaluationPeriods) && o.evaluationPeriods >= 1)
        ? [`'alarmOverrides.${id}.evaluationPeriods' ${o.evaluationPeriods} is not allowed; allowed: a whole number of 1 or more`] : [],
      ...o.datapointsToAlarm !== undefined && !(Number.isInteger(o.datapointsToAlarm) && o.datapointsToAlarm >= 1 && o.datapointsToAlarm <= periods)
        ? [`'alarmOverrides.${id}.datapointsToAlarm' ${o.datapointsToAlarm} is not allowed; allowed: a whole number from 1 to evaluationPeriods (${periods})`] : [],
    ];
  });
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

/** Collects threshold problems, naming the option, and throws them together. */
export class ThresholdCheck {
  private readonly problems: string[] = [];

  public percent(option: string, value: number | undefined): void {
    if (value !== undefined && !(value >= 0 && value <= 100)) {
      this.problems.push(`'${option}' ${value} is not allowed; allowed: a percentage from 0 to 100`);
    }
  }

  public count(option: string, value: number | undefined): void {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      this.problems.push(`'${option}' ${value} is not allowed; allowed: a whole count of 0 or more`);
    }
  }

  public positive(option: string, value: number | undefined): void {
    if (value !== undefined && !(value > 0)) {
      this.problems.push(`'${option}' ${value} is not allowed; allowed: a number above 0`);
    }
  }

  public name(option: string, value: string): void {
    if (value.trim() === '') {
      this.problems.push(`'${option}' is empty; allowed: a destination name`);
    }
  }

  public fail(option: string, message: string): void {
    this.problems.push(`'${option}' ${message}`);
  }

  public throwIfAny(scope: Construct, className: string): void {
    if (this.problems.length > 0) {
      throw new MqValidationError(scope, `${className} validation failed:\n${this.problems.map((p) => `  - ${p}`).join('\n')}`);
    }
  }
}

/** The construct id of a broker's recommended alarms. */
export const RECOMMENDED_ALARMS_ID = 'RecommendedAlarms';

/** addRecommendedAlarms() once per broker: its alarm names are fixed, so a second set would clash. */
export function checkFirstRecommendedAlarms(broker: Construct): void {
  if (broker.node.tryFindChild(RECOMMENDED_ALARMS_ID)) {
    throw new MqValidationError(broker, 'addRecommendedAlarms() was already called on this broker; allowed: once per broker (its alarm names are '
      + '<brokerName>-<Alarm>, so a second set would clash). Keep the object it returned, or build more alarms from the metric methods.');
  }
}
