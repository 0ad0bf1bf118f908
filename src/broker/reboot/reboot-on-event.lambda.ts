import { MQClient } from '@aws-sdk/client-mq';
import { onEvent, OnEventResult, RebootEvent } from './reboot-handler';

const client = new MQClient({});

export async function handler(event: RebootEvent): Promise<OnEventResult> {
  return onEvent(event, client);
}
