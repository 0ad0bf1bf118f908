import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IConstruct } from 'constructs';

// Here, not in monitoring/, because every broker's metric() builds on it: monitoring depends on brokers, not back.

/** The namespace of every Amazon MQ metric. */
const AMAZON_MQ_NAMESPACE = 'AWS/AmazonMQ';

/** One `AWS/AmazonMQ` metric: 5-minute period and the given statistic unless `options` say otherwise. */
export function amazonMqMetric(
  scope: IConstruct,
  metricName: string,
  dimensionsMap: Record<string, string>,
  statistic: string,
  options: cloudwatch.MetricOptions = {},
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: AMAZON_MQ_NAMESPACE,
    metricName,
    dimensionsMap,
    statistic,
    period: Duration.minutes(5),
    ...options,
  }).attachTo(scope);
}
