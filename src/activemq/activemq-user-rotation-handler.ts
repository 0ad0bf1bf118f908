/**
 * The Amazon MQ side of an ActiveMQ user's password rotation (the steps are `rotation-steps.ts`). Amazon MQ stages
 * a user change (mq:UpdateUser) and applies it at the next reboot or maintenance window (mq-facts F-M02); until then
 * the broker accepts the old password only, afterwards the new one only. So:
 *
 * - setPassword sends the pending password once (UpdateUser with the password only: groups and console access stay,
 *   pending changes to them too) and marks the version `STAGED_LABEL`, so a retry does not stage it again; with
 *   `rebootBroker`, it reboots the broker while the change is pending (never twice: not while a reboot runs, not once
 *   the change is applied).
 * - testPassword passes once the broker runs and DescribeUser reports no pending change: the password is applied.
 *   With `rebootBroker` it waits for that; without, it fails while the change waits for a reboot, so AWSCURRENT keeps
 *   the password the broker still accepts, and a later attempt after the reboot finishes the rotation.
 * - finished removes the label from the version, now AWSCURRENT.
 *
 * No AWS SDK import: Amazon MQ comes through `ActiveMqUsersApi`, so tests pass a fake.
 */
import { PendingVersion, RotationSecrets, UserPasswordTarget } from '../broker/rotation/rotation-steps';

/** The staging label of a version whose password Amazon MQ has been sent (UpdateUser). */
export const STAGED_LABEL = 'CDK_AMAZON_MQ_STAGED';

export const RUNNING = 'RUNNING';
export const REBOOTING = 'REBOOT_IN_PROGRESS';

/** The Amazon MQ calls the rotation makes (the Lambda entry adapts the SDK). */
export interface ActiveMqUsersApi {
  /** The broker's state (`RUNNING`, `REBOOT_IN_PROGRESS`, ...). */
  brokerState(brokerId: string): Promise<string>;
  /** The user's pending change (`CREATE`, `UPDATE`, `DELETE`), `'none'` without one; undefined when there is no such user. */
  userPendingChange(brokerId: string, username: string): Promise<string | undefined>;
  updatePassword(brokerId: string, username: string, password: string): Promise<void>;
  reboot(brokerId: string): Promise<void>;
}

export interface ActiveMqRotationConfig {
  readonly brokerId: string;
  readonly rebootBroker: boolean;
  /** How long testSecret waits for the reboot to apply the change (with `rebootBroker`). */
  readonly waitMs: number;
  readonly pollMs?: number;
}

export interface ActiveMqRotationDependencies {
  readonly mq: ActiveMqUsersApi;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly log?: (message: string) => void;
}

export function activeMqUserPasswordTarget(config: ActiveMqRotationConfig, deps: ActiveMqRotationDependencies): UserPasswordTarget {
  const { mq } = deps;
  const log = deps.log ?? console.log;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const broker = config.brokerId;

  const pendingChange = async (username: string) => {
    const change = await mq.userPendingChange(broker, username);
    if (change === undefined) {
      throw new Error(`broker ${broker} has no user ${username} (simple authentication only; a user deleted by hand is not made again)`);
    }
    return change;
  };

  return {
    async setPassword(pending: PendingVersion, secrets: RotationSecrets) {
      await pendingChange(pending.username);
      if (pending.stages.includes(STAGED_LABEL)) {
        log(`setSecret: the password of version ${pending.versionId} was already sent to Amazon MQ for user ${pending.username} (a retry): not sent again`);
      } else {
        await mq.updatePassword(broker, pending.username, pending.password);
        await secrets.label(pending.secretId, STAGED_LABEL, pending.versionId);
        log(`setSecret: Amazon MQ staged the new password of user ${pending.username}; it applies it at the broker's next reboot`);
      }
      if (!config.rebootBroker) {
        return;
      }
      if (await pendingChange(pending.username) === 'none') {
        log(`setSecret: user ${pending.username} has no pending change: a reboot already applied the password, no reboot now`);
        return;
      }
      const state = await mq.brokerState(broker);
      if (state === REBOOTING) {
        log(`setSecret: broker ${broker} is already rebooting: it applies the password then`);
      } else if (state === RUNNING) {
        await mq.reboot(broker);
        log(`setSecret: broker ${broker} is rebooting to apply the new password of user ${pending.username}`);
      } else {
        throw new Error(`broker ${broker} is ${state}, not RUNNING: it cannot be rebooted to apply the new password now; AWSCURRENT is unchanged`);
      }
    },

    async testPassword(pending: PendingVersion) {
      if (!pending.stages.includes(STAGED_LABEL)) {
        throw new Error(`the password of version ${pending.versionId} was never sent to Amazon MQ (setSecret did not finish); AWSCURRENT is unchanged`);
      }
      const deadline = now() + config.waitMs;
      for (;;) {
        const [state, change] = [await mq.brokerState(broker), await pendingChange(pending.username)];
        if (state === RUNNING && change === 'none') {
          log(`testSecret: broker ${broker} runs with the new password of user ${pending.username} (no pending change)`);
          return;
        }
        if (!config.rebootBroker) {
          throw new Error(`the new password of user ${pending.username} waits for broker ${broker}'s next reboot or maintenance window (pending change ${change}, broker ${state}); `
            + 'AWSCURRENT keeps the password the broker accepts until then, and a rotation attempt after the reboot finishes the rotation');
        }
        if (now() >= deadline) {
          throw new Error(`broker ${broker} did not apply the new password of user ${pending.username} within ${Math.round(config.waitMs / 1000)} s `
            + `(broker ${state}, pending change ${change}); AWSCURRENT is unchanged`);
        }
        await sleep(config.pollMs ?? 15_000);
      }
    },

    async finished(pending: PendingVersion, secrets: RotationSecrets) {
      if (pending.stages.includes(STAGED_LABEL)) {
        await secrets.label(pending.secretId, STAGED_LABEL, pending.versionId, true);
      }
    },
  };
}
