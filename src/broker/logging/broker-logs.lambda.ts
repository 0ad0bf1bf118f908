// eslint-disable-next-line import/no-extraneous-dependencies -- provided by the Lambda runtime
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LogsEvent, onEvent } from './broker-logs-handler';

// Throttled calls are retried with backoff: a stack with many brokers sets retention on many groups at once.
const client = new CloudWatchLogsClient({ maxAttempts: 8 });

export async function handler(event: LogsEvent): Promise<{ PhysicalResourceId: string }> {
  return onEvent(event, client);
}
