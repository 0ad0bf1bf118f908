// eslint-disable-next-line import/no-extraneous-dependencies -- provided by the Lambda runtime
import { MqClient } from '@aws-sdk/client-mq';
import { isComplete, RebootEvent } from './reboot-handler';

const client = new MqClient({});

export async function handler(event: RebootEvent): Promise<{ IsComplete: boolean }> {
  return isComplete(event, client);
}
