// eslint-disable-next-line import/no-extraneous-dependencies -- provided by the Lambda runtime
import { DescribeBrokerCommand, DescribeUserCommand, MqClient, NotFoundException, RebootBrokerCommand, UpdateUserCommand } from '@aws-sdk/client-mq';
import { activeMqUserPasswordTarget, ActiveMqUsersApi } from './activemq-user-rotation-handler';
import { rotate, RotationEvent } from '../broker/rotation/rotation-steps';
import { secretsManagerRotationApi } from '../broker/rotation/secrets-manager-rotation-api';

const client = new MqClient({ maxAttempts: 8 });

const mq: ActiveMqUsersApi = {
  brokerState: async (brokerId) => (await client.send(new DescribeBrokerCommand({ BrokerId: brokerId }))).BrokerState ?? 'UNKNOWN',
  userPendingChange: async (brokerId, username) => {
    try {
      const user = await client.send(new DescribeUserCommand({ BrokerId: brokerId, Username: username }));
      return user.Pending?.PendingChange ?? 'none';
    } catch (e) {
      if (e instanceof NotFoundException) {
        return undefined;
      }
      throw e;
    }
  },
  updatePassword: async (brokerId, username, password) => {
    await client.send(new UpdateUserCommand({ BrokerId: brokerId, Username: username, Password: password }));
  },
  reboot: async (brokerId) => {
    await client.send(new RebootBrokerCommand({ BrokerId: brokerId }));
  },
};

/** The function's timeout is 15 minutes: testSecret waits for the reboot up to 13, and fails cleanly before the timeout. */
const target = activeMqUserPasswordTarget({
  brokerId: process.env.BROKER_ID!,
  rebootBroker: process.env.REBOOT_BROKER === 'true',
  waitMs: 13 * 60_000,
}, { mq });

export async function handler(event: RotationEvent): Promise<void> {
  await rotate(event, secretsManagerRotationApi(), target);
}
