import { isComplete, mqClients, newCloudFormationClient, RebootEvent } from './reboot-handler';
import { isReplicationModeComplete } from './replication-mode';

const mq = mqClients();
const cloudformation = newCloudFormationClient();

export async function handler(event: RebootEvent): Promise<{ IsComplete: boolean }> {
  const deps = { mq: mq(event.ResourceProperties.Region), cloudformation };
  return event.Data?.ReplicationMode ? isReplicationModeComplete(event, deps) : isComplete(event, deps);
}
