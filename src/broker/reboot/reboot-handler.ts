/**
 * The logic of the applyImmediately custom resource (CDK Provider framework with asynchronous completion):
 * `onEvent` reboots the broker after an update (or a create that asks for it) and waits until the reboot has started,
 * `isComplete` waits until the broker runs again. The data replication switch is its own logic (replication-mode.ts). Bundled into two small Lambda handlers; the SDK comes from the Lambda runtime.
 */
// The Lambda Node.js runtime provides the SDK: a devDependency here, external in the bundle, not a dependency of the library.
/* eslint-disable import/no-extraneous-dependencies */
import { CloudFormationClient, CloudFormationClientConfig, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeBrokerCommand, DescribeBrokerResponse, MqClient, MqClientConfig, RebootBrokerCommand } from '@aws-sdk/client-mq';
/* eslint-enable import/no-extraneous-dependencies */
import { pendingChanges, pendingUserChanges } from '../pending-changes';

/** The custom resource's properties. */
export interface RebootProperties {
  readonly BrokerId: string;
  /** How long to wait for RUNNING after the reboot, in seconds. */
  readonly TimeoutSeconds: string;
  /** What Amazon MQ applies only at a reboot; a change of it is what triggers the update. */
  readonly PendingChanges?: unknown;
  /** 'true' to reboot on create as well (a configuration association on a running broker). */
  readonly RebootOnCreate?: string;
  /**
   * The data replication mode the broker must run after create and update (replication-mode.ts): `CRDR` turns the
   * primary of a cross-region pair on once its replica exists (mq-facts F-X-CR3).
   */
  readonly DataReplicationMode?: string;
  /** The mode the broker must run after the resource is deleted (`NONE`: the primary stands alone again). */
  readonly DataReplicationModeOnDelete?: string;
  /** The broker's region, when it is not the stack's (the primary of a cross-region pair). */
  readonly Region?: string;
}

/** The subset of a CloudFormation custom resource event the handlers read. */
export interface RebootEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly StackId?: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: RebootProperties;
  /** Set by onEvent, passed to isComplete by the Provider framework. */
  readonly Data?: RebootData;
}

export interface RebootData {
  readonly Rebooted: string;
  readonly RebootRequestedAt?: string;
  /** 'true' when onEvent saw the broker leave RUNNING after the reboot request. */
  readonly RebootStarted?: string;
  /** How many changes were pending when the reboot was requested (a reboot clears them). */
  readonly PendingAtReboot?: string;
  /** The data replication mode the replication switch converges on (replication-mode.ts). */
  readonly ReplicationMode?: string;
}

export interface OnEventResult {
  readonly PhysicalResourceId: string;
  readonly Data: RebootData;
}

/** What the handlers call and how they wait; tests pass fakes and a fast clock. */
export interface RebootDependencies {
  readonly mq: MqClient;
  readonly cloudformation: CloudFormationClient;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Throttled calls are retried with backoff (the SDK's standard retry strategy) up to this many attempts. */
const MAX_ATTEMPTS = 8;

export function newMqClient(config: MqClientConfig = {}): MqClient {
  return new MqClient({ maxAttempts: MAX_ATTEMPTS, ...config });
}

/** One MQ client per region: the stack's, or the one the event names (the primary of a cross-region pair). */
export function mqClients(): (region?: string) => MqClient {
  const clients = new Map<string, MqClient>();
  return (region) => {
    const key = region ?? '';
    if (!clients.has(key)) {
      clients.set(key, newMqClient(region ? { region } : {}));
    }
    return clients.get(key)!;
  };
}

export function newCloudFormationClient(config: CloudFormationClientConfig = {}): CloudFormationClient {
  return new CloudFormationClient({ maxAttempts: MAX_ATTEMPTS, ...config });
}

const REBOOTING = 'REBOOT_IN_PROGRESS';
export const RUNNING = 'RUNNING';
/** How long onEvent waits for Amazon MQ to start the reboot it asked for, and how often it looks. */
export const START_WAIT_MS = 5 * 60_000;
export const START_POLL_MS = 5_000;

export async function onEvent(event: RebootEvent, deps: RebootDependencies): Promise<OnEventResult> {
  const { now = Date.now } = deps;
  const brokerId = event.ResourceProperties.BrokerId;
  const physicalResourceId = event.PhysicalResourceId ?? `reboot-${brokerId}`;
  const done = (Rebooted: string) => ({ PhysicalResourceId: physicalResourceId, Data: { Rebooted } });
  // A new broker already runs with its configuration and users; nothing is pending on delete. A new configuration
  // association (RebootOnCreate) sets a revision on a broker that already runs: that create reboots too.
  const rebootOnCreate = event.RequestType === 'Create' && event.ResourceProperties.RebootOnCreate === 'true';
  if (event.RequestType === 'Delete' || (event.RequestType === 'Create' && !rebootOnCreate)) {
    return done('false');
  }
  // A rollback arrives as an Update carrying the old properties: never reboot then, and never fail it.
  if (event.RequestType === 'Update' && await isRollingBack(event, deps.cloudformation)) {
    console.log(`Stack is rolling back: broker ${brokerId} is not rebooted; it applies the restored settings at its next reboot or maintenance window`);
    return done('false');
  }
  const broker = await describe(deps.mq, brokerId);
  const pendingAtReboot = pending(broker);
  const state = broker.BrokerState ?? 'UNKNOWN';
  if (state === RUNNING) {
    await reboot(deps.mq, brokerId);
  } else if (state !== REBOOTING) {
    throw new Error(`Broker ${brokerId} is ${state}, not RUNNING: it cannot be rebooted to apply the changes now`);
  }
  const requestedAt = now();
  const started = state === REBOOTING || await waitForRebootStart(deps, brokerId, requestedAt);
  if (!started && pendingAtReboot.length === 0) {
    throw new Error(`Broker ${brokerId} did not start rebooting within ${START_WAIT_MS / 60_000} minutes of the reboot request, and no pending change shows whether it rebooted`);
  }
  console.log(`Broker ${brokerId}: reboot ${started ? 'started' : 'requested'}; pending changes: ${pendingAtReboot.join('; ') || 'none'}`);
  return {
    PhysicalResourceId: physicalResourceId,
    Data: { Rebooted: 'true', RebootRequestedAt: String(requestedAt), RebootStarted: String(started), PendingAtReboot: String(pendingAtReboot.length) },
  };
}

export async function isComplete(event: RebootEvent, deps: RebootDependencies): Promise<{ IsComplete: boolean }> {
  const { now = Date.now } = deps;
  // Only what onEvent rebooted is waited for (Data.Rebooted).
  if (event.Data?.Rebooted !== 'true') {
    return { IsComplete: true };
  }
  const brokerId = event.ResourceProperties.BrokerId;
  const broker = await describe(deps.mq, brokerId);
  const state = broker.BrokerState ?? 'UNKNOWN';
  // RUNNING proves a finished reboot only if the broker was seen rebooting, or the changes it had pending cleared.
  const stillPending = pending(broker);
  const proven = event.Data.RebootStarted === 'true' || (Number(event.Data.PendingAtReboot ?? 0) > 0 && stillPending.length === 0);
  if (state === RUNNING && proven) {
    return { IsComplete: true };
  }
  const timeoutMs = Number(event.ResourceProperties.TimeoutSeconds) * 1000;
  const elapsed = now() - Number(event.Data.RebootRequestedAt ?? now());
  if (elapsed > timeoutMs) {
    const why = state === RUNNING ? `running, with changes still pending: ${stillPending.join('; ')}` : `state: ${state}`;
    throw new Error(`Broker ${brokerId} did not finish a reboot within ${Math.round(timeoutMs / 60000)} minutes of the request (${why})`);
  }
  return { IsComplete: false };
}

async function isRollingBack(event: RebootEvent, cloudformation: CloudFormationClient): Promise<boolean> {
  if (!event.StackId) {
    return false;
  }
  const response = await cloudformation.send(new DescribeStacksCommand({ StackName: event.StackId }));
  const status = response.Stacks?.[0]?.StackStatus ?? '';
  return status.includes('ROLLBACK');
}

/**
 * Asks for a reboot; true when Amazon MQ accepted it. A conflict counts as "already rebooting" only when the broker
 * says so (a maintenance window, another deploy), or, with `tolerateRunning`, for a caller that looks again later.
 */
export async function reboot(mq: MqClient, brokerId: string, options: { tolerateRunning?: boolean } = {}): Promise<boolean> {
  try {
    await mq.send(new RebootBrokerCommand({ BrokerId: brokerId }));
    console.log(`Rebooting broker ${brokerId} to apply pending changes`);
    return true;
  } catch (e) {
    if ((e as Error).name !== 'ConflictException') {
      throw e;
    }
    const state = (await describe(mq, brokerId)).BrokerState ?? 'UNKNOWN';
    if (state !== REBOOTING && !options.tolerateRunning) {
      throw new Error(`Broker ${brokerId} refused the reboot (${(e as Error).message}) and is ${state}, not rebooting`);
    }
    console.log(`Broker ${brokerId} refused the reboot (${(e as Error).message}); it is ${state}`);
    return false;
  }
}

/** Polls until the broker leaves RUNNING; false if it has not within START_WAIT_MS. */
export async function waitForRebootStart(deps: RebootDependencies, brokerId: string, requestedAt: number): Promise<boolean> {
  const { now = Date.now, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)) } = deps;
  while (now() - requestedAt < START_WAIT_MS) {
    if ((await describe(deps.mq, brokerId)).BrokerState !== RUNNING) {
      return true;
    }
    await sleep(START_POLL_MS);
  }
  return false;
}

export async function describe(mq: MqClient, brokerId: string): Promise<DescribeBrokerResponse> {
  return mq.send(new DescribeBrokerCommand({ BrokerId: brokerId }));
}

function pending(broker: DescribeBrokerResponse): string[] {
  return [...pendingChanges(broker), ...pendingUserChanges(broker.Users)];
}
