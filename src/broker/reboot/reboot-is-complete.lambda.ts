import { isComplete, newCloudFormationClient, newMqClient, RebootEvent } from './reboot-handler';

const deps = { mq: newMqClient(), cloudformation: newCloudFormationClient() };

export async function handler(event: RebootEvent): Promise<{ IsComplete: boolean }> {
  return isComplete(event, deps);
}
