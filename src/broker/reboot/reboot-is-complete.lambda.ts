import { isComplete, mqClients, newCloudFormationClient, RebootEvent } from './reboot-handler';

const mq = mqClients();
const cloudformation = newCloudFormationClient();

export async function handler(event: RebootEvent): Promise<{ IsComplete: boolean }> {
  return isComplete(event, { mq: mq(event.ResourceProperties.Region), cloudformation });
}
