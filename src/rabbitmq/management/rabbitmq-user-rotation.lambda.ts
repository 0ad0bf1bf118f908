// eslint-disable-next-line import/no-extraneous-dependencies -- provided by the Lambda runtime
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
// eslint-disable-next-line import/no-extraneous-dependencies -- bundled into the function by esbuild
import * as amqp from 'amqplib';
import { rabbitMqUserPasswordTarget } from './user-rotation-handler';
import { rotate, RotationEvent } from '../../broker/rotation/rotation-steps';
import { secretsManagerRotationApi } from '../../broker/rotation/secrets-manager-rotation-api';

const client = new SecretsManagerClient({ maxAttempts: 8 });

const target = rabbitMqUserPasswordTarget({
  managementEndpoint: process.env.MANAGEMENT_ENDPOINT!,
  amqpEndpoint: process.env.AMQP_ENDPOINT!,
  adminSecretArn: process.env.ADMIN_SECRET_ARN!,
}, {
  secret: async (arn) => JSON.parse((await client.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString ?? '{}'),
  amqpConnect: async (options) => {
    const connection = await amqp.connect({ ...options, heartbeat: 0 }, { timeout: 10_000, servername: options.hostname });
    await connection.close();
  },
});

export async function handler(event: RotationEvent): Promise<void> {
  await rotate(event, secretsManagerRotationApi(client), target);
}
