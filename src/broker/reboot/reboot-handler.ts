/**
 * The logic of the applyImmediately custom resource (CDK Provider framework with asynchronous completion):
 * `onEvent` reboots the broker after an update, `isComplete` waits until it runs again. Bundled into two small
 * Lambda handlers; `@aws-sdk/client-mq` comes from the Lambda runtime.
 */
// The Lambda Node.js runtime provides the SDK: a devDependency here, external in the bundle, not a dependency of the library.
// eslint-disable-next-line import/no-extraneous-dependencies
import { DescribeBrokerCommand, MqClient, RebootBrokerCommand } from '@aws-sdk/client-mq';

/** The custom resource's properties. */
export interface RebootProperties {
  readonly BrokerId: string;
  /** How long to wait for RUNNING after the reboot, in seconds. */
  readonly TimeoutSeconds: string;
  /** What Amazon MQ applies only at a reboot; a change of it is what triggers the update. */
  readonly PendingChanges?: unknown;
}

/** The subset of a CloudFormation custom resource event the handlers read. */
export interface RebootEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: RebootProperties;
  /** Set by onEvent, passed to isComplete by the Provider framework. */
  readonly Data?: { readonly RebootRequestedAt?: string };
}

export interface OnEventResult {
  readonly PhysicalResourceId: string;
  readonly Data: { readonly RebootRequestedAt?: string; readonly Rebooted: string };
}

/** Amazon MQ states from which a reboot brings the broker back (mq-facts F-M02). */
const REBOOTING = 'REBOOT_IN_PROGRESS';
const RUNNING = 'RUNNING';

export async function onEvent(event: RebootEvent, client: MqClient, now: () => number = Date.now): Promise<OnEventResult> {
  const brokerId = event.ResourceProperties.BrokerId;
  const physicalResourceId = event.PhysicalResourceId ?? `reboot-${brokerId}`;
  // A new broker already runs with its configuration and users; nothing is pending on delete.
  if (event.RequestType !== 'Update') {
    return { PhysicalResourceId: physicalResourceId, Data: { Rebooted: 'false' } };
  }
  const state = await brokerState(client, brokerId);
  if (state === RUNNING) {
    try {
      await client.send(new RebootBrokerCommand({ BrokerId: brokerId }));
      console.log(`Rebooting broker ${brokerId} to apply pending changes`);
    } catch (e) {
      // The broker may have started rebooting between the two calls (a maintenance window, another deploy).
      if ((e as Error).name !== 'ConflictException') {
        throw e;
      }
      console.log(`Broker ${brokerId} refused the reboot (${(e as Error).message}); waiting for it to run`);
    }
  } else if (state === REBOOTING) {
    console.log(`Broker ${brokerId} is already rebooting; waiting for it to run`);
  } else {
    throw new Error(`Broker ${brokerId} is ${state}, not RUNNING: it cannot be rebooted to apply the changes now`);
  }
  return { PhysicalResourceId: physicalResourceId, Data: { RebootRequestedAt: String(now()), Rebooted: 'true' } };
}

export async function isComplete(event: RebootEvent, client: MqClient, now: () => number = Date.now): Promise<{ IsComplete: boolean }> {
  if (event.RequestType !== 'Update') {
    return { IsComplete: true };
  }
  const brokerId = event.ResourceProperties.BrokerId;
  const state = await brokerState(client, brokerId);
  if (state === RUNNING) {
    return { IsComplete: true };
  }
  const timeoutMs = Number(event.ResourceProperties.TimeoutSeconds) * 1000;
  const elapsed = now() - Number(event.Data?.RebootRequestedAt ?? now());
  if (elapsed > timeoutMs) {
    throw new Error(`Broker ${brokerId} did not return to RUNNING within ${Math.round(timeoutMs / 60000)} minutes of the reboot (state: ${state})`);
  }
  return { IsComplete: false };
}

async function brokerState(client: MqClient, brokerId: string): Promise<string> {
  const response = await client.send(new DescribeBrokerCommand({ BrokerId: brokerId }));
  return response.BrokerState ?? 'UNKNOWN';
}
