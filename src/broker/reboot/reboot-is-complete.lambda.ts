import { MQClient } from '@aws-sdk/client-mq';
import { isComplete, RebootEvent } from './reboot-handler';

const client = new MQClient({});

export async function handler(event: RebootEvent): Promise<{ IsComplete: boolean }> {
  return isComplete(event, client);
}
