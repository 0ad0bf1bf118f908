/* eslint-disable import/no-extraneous-dependencies -- provided by the Lambda runtime */
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
/* eslint-enable import/no-extraneous-dependencies */
import { collectQueueMetrics } from './queue-metrics-handler';

const secrets = new SecretsManagerClient({});
const cloudwatch = new CloudWatchClient({});

export async function handler(): Promise<void> {
  const env = process.env;
  await collectQueueMetrics({
    endpoint: env.MANAGEMENT_ENDPOINT!,
    adminSecretArn: env.ADMIN_SECRET_ARN!,
    brokerName: env.BROKER_NAME!,
    namespace: env.METRIC_NAMESPACE!,
    queues: env.QUEUES ? JSON.parse(env.QUEUES) : undefined,
  }, {
    secret: async (arn) => JSON.parse((await secrets.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString ?? '{}'),
    putMetricData: async (namespace, data) => {
      await cloudwatch.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data }));
    },
  });
}
