import { newCloudFormationClient, newMqClient, onEvent, OnEventResult, RebootEvent } from './reboot-handler';

const deps = { mq: newMqClient(), cloudformation: newCloudFormationClient() };

export async function handler(event: RebootEvent): Promise<OnEventResult> {
  return onEvent(event, deps);
}
