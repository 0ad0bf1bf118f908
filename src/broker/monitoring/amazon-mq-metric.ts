import { createHash } from 'crypto';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IConstruct } from 'constructs';
import { validateRules } from '../../private/rules';
import { METRIC_DIMENSION_RULES } from '../rules/alarms';

/**
 * One series over several instances (ActiveMQ active/standby `-1` and `-2`: the active one changes on failover):
 * SUM for per-period counts and bytes, MAX for gauges.
 */
export function acrossInstances(metricName: string, metrics: cloudwatch.Metric[], statistic: string): cloudwatch.IMetric {
  if (metrics.length === 1) {
    return metrics[0];
  }
  // Ids unique per metric and destination, so several of these expressions can share one graph or alarm.
  const usingMetrics = Object.fromEntries(metrics.map((m, i) => [`${expressionId(metricName, m.dimensions ?? {})}_${i + 1}`, m]));
  const fn = statistic === cloudwatch.Stats.SUM ? 'SUM' : 'MAX';
  return new cloudwatch.MathExpression({
    expression: `${fn}([${Object.keys(usingMetrics).join(',')}])`,
    usingMetrics,
    label: metricName,
    period: metrics[0].period,
  });
}

/** `cpuUtilization`, plus a short hash of the dimensions other than Broker (queue, topic, connector). */
function expressionId(metricName: string, dimensions: Record<string, unknown>): string {
  const extra = Object.entries(dimensions).filter(([k]) => k !== 'Broker').map(([k, v]) => `${k}=${String(v)}`).join(',');
  const base = metricName[0].toLowerCase() + metricName.slice(1);
  return extra ? `${base}_${createHash('sha256').update(extra).digest('hex').slice(0, 8)}` : base;
}

/** A dimension value that must not be empty (an empty one names a metric that never exists); tokens pass. */
export function requireName(scope: IConstruct, option: string, value: string, allowed: string): string {
  validateRules(scope, 'metric method', METRIC_DIMENSION_RULES, { option, value, allowed });
  return value;
}
