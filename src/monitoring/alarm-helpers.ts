import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { MqValidationError } from '../private/errors';

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

/** Creates the alarms of a preset under `scope`, named `<prefix>-<id>`, with the same actions. */
export function createAlarms(scope: Construct, prefix: string, specs: AlarmSpec[], actions: cloudwatch.IAlarmAction[] = []): cloudwatch.Alarm[] {
  return specs.map((spec) => {
    const alarm = new cloudwatch.Alarm(scope, spec.id, {
      alarmName: `${prefix}-${spec.id}`,
      alarmDescription: spec.description,
      metric: spec.metric,
      threshold: spec.threshold,
      comparisonOperator: spec.comparisonOperator,
      evaluationPeriods: spec.evaluationPeriods,
      treatMissingData: spec.treatMissingData,
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
