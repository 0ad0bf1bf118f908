import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** A dashboard graph of a third of the width. */
export function graph(title: string, metrics: cloudwatch.IMetric[]): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, left: metrics, width: 8, height: 6 });
}
