// eslint-disable-next-line import/no-extraneous-dependencies -- provided by the Lambda runtime
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ManagementEvent, onEvent } from './management-handler';

// Throttled calls are retried with backoff: a deploy applies many objects at once.
const client = new SecretsManagerClient({ maxAttempts: 8 });

async function secret(arn: string): Promise<Record<string, string>> {
  const response = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  return JSON.parse(response.SecretString ?? '{}');
}

export async function handler(event: ManagementEvent): Promise<{ PhysicalResourceId: string }> {
  return onEvent(event, { secret });
}
