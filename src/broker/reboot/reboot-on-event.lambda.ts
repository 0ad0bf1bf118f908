import { mqClients, newCloudFormationClient, onEvent, OnEventResult, RebootEvent } from './reboot-handler';

const mq = mqClients();
const cloudformation = newCloudFormationClient();

export async function handler(event: RebootEvent): Promise<OnEventResult> {
  return onEvent(event, { mq: mq(event.ResourceProperties.Region), cloudformation });
}
