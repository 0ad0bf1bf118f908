/**
 * The cross-region data replication switch (mq-facts F-X-CR3): the primary of a pair runs `DataReplicationMode: CRDR`
 * once its replica exists, and `NONE` again when the replica goes. Amazon MQ applies the mode at a reboot.
 *
 * Unlike a plain reboot, this converges on a state that can be observed: done when the primary *runs* the wanted
 * mode with nothing pending. So a reboot that was not ours (a maintenance window) never counts, an update with
 * nothing to change reboots nothing, and a primary that is busy (rebooting, updating, CRITICAL_ACTION_REQUIRED) is
 * waited for instead of failing the deploy. On delete, a primary that is gone, or being deleted, is done.
 */
// The Lambda Node.js runtime provides the SDK: a devDependency here, external in the bundle.
// eslint-disable-next-line import/no-extraneous-dependencies
import { DataReplicationMode, DescribeBrokerResponse, UpdateBrokerCommand } from '@aws-sdk/client-mq';
import { describe, OnEventResult, reboot, RebootDependencies, RebootEvent, RUNNING, waitForRebootStart } from './reboot-handler';

/** True for the events of the replication switch (the resource carries the modes). */
export function isReplicationModeEvent(event: RebootEvent): boolean {
  return event.ResourceProperties.DataReplicationMode !== undefined || event.ResourceProperties.DataReplicationModeOnDelete !== undefined;
}

export async function onReplicationModeEvent(event: RebootEvent, deps: RebootDependencies): Promise<OnEventResult> {
  const { now = Date.now } = deps;
  const props = event.ResourceProperties;
  const wanted = event.RequestType === 'Delete' ? props.DataReplicationModeOnDelete : props.DataReplicationMode;
  const physicalResourceId = event.PhysicalResourceId ?? `reboot-${props.BrokerId}`;
  if (!wanted) {
    return { PhysicalResourceId: physicalResourceId, Data: { Rebooted: 'false' } };
  }
  const data = { Rebooted: 'true', RebootRequestedAt: String(now()), ReplicationMode: wanted };
  await step({ ...event, Data: data }, deps);
  return { PhysicalResourceId: physicalResourceId, Data: data };
}

export async function isReplicationModeComplete(event: RebootEvent, deps: RebootDependencies): Promise<{ IsComplete: boolean }> {
  const { now = Date.now } = deps;
  if (await step(event, deps)) {
    return { IsComplete: true };
  }
  const timeoutMs = Number(event.ResourceProperties.TimeoutSeconds) * 1000;
  if (now() - Number(event.Data?.RebootRequestedAt ?? now()) > timeoutMs) {
    const broker = await find(event, deps);
    throw new Error(`Broker ${event.ResourceProperties.BrokerId} does not run data replication mode ${event.Data?.ReplicationMode} `
      + `${Math.round(timeoutMs / 60000)} minutes after the request (${broker ? describeMode(broker) : 'not found'}). `
      + 'Once it is RUNNING, set the mode (aws mq update-broker --data-replication-mode) and reboot it, then retry.');
  }
  return { IsComplete: false };
}

/** One move towards the wanted mode; true when the broker runs it (or, on delete, is gone). */
async function step(event: RebootEvent, deps: RebootDependencies): Promise<boolean> {
  const brokerId = event.ResourceProperties.BrokerId;
  const wanted = event.Data!.ReplicationMode!;
  const broker = await find(event, deps);
  if (!broker) {
    if (event.RequestType === 'Delete') {
      console.log(`Broker ${brokerId} is gone: no data replication mode to reset`);
      return true;
    }
    throw new Error(`Broker ${brokerId} was not found: the primary of a cross-region pair must exist before its replica`);
  }
  if (event.RequestType === 'Delete' && broker.BrokerState === 'DELETION_IN_PROGRESS') {
    console.log(`Broker ${brokerId} is being deleted: no data replication mode to reset`);
    return true;
  }
  const pending = broker.PendingDataReplicationMode;
  const current = broker.DataReplicationMode ?? 'NONE';
  if (broker.BrokerState !== RUNNING) {
    console.log(`Broker ${brokerId}: waiting for RUNNING to apply data replication mode ${wanted} (${describeMode(broker)})`);
    return false;
  }
  if (current === wanted && (pending === undefined || pending === wanted)) {
    console.log(`Broker ${brokerId} runs data replication mode ${wanted}`);
    return true;
  }
  if (pending !== wanted) {
    await deps.mq.send(new UpdateBrokerCommand({ BrokerId: brokerId, DataReplicationMode: wanted as DataReplicationMode }));
    console.log(`Broker ${brokerId}: data replication mode ${current} -> ${wanted}, applied by the reboot that follows`);
  }
  const { now = Date.now } = deps;
  const requestedAt = now();
  if (await reboot(deps.mq, brokerId, { tolerateRunning: true })) {
    await waitForRebootStart(deps, brokerId, requestedAt);
  }
  return false;
}

/** The broker, or undefined when Amazon MQ does not know it (any more). */
async function find(event: RebootEvent, deps: RebootDependencies): Promise<DescribeBrokerResponse | undefined> {
  try {
    return await describe(deps.mq, event.ResourceProperties.BrokerId);
  } catch (e) {
    if ((e as Error).name === 'NotFoundException') {
      return undefined;
    }
    throw e;
  }
}

function describeMode(broker: DescribeBrokerResponse): string {
  return `state ${broker.BrokerState}, mode ${broker.DataReplicationMode ?? 'NONE'}, pending ${broker.PendingDataReplicationMode ?? 'none'}`;
}
