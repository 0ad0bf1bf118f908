import { mqClients, newCloudFormationClient, onEvent, OnEventResult, RebootEvent } from './reboot-handler';
import { isReplicationModeEvent, onReplicationModeEvent } from './replication-mode';

const mq = mqClients();
const cloudformation = newCloudFormationClient();

export async function handler(event: RebootEvent): Promise<OnEventResult> {
  const deps = { mq: mq(event.ResourceProperties.Region), cloudformation };
  return isReplicationModeEvent(event) ? onReplicationModeEvent(event, deps) : onEvent(event, deps);
}
