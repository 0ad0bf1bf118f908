// Types only: erased at compile time, so the library has no runtime dependency on the SDK.
// eslint-disable-next-line import/no-extraneous-dependencies
import type { DescribeBrokerResponse, UserSummary } from '@aws-sdk/client-mq';

/**
 * What a broker applies only at its next reboot or maintenance window, as DescribeBroker reports
 * it, one readable line each. Shared by the applyImmediately handler and the post-deploy check.
 */
export function pendingChanges(broker: DescribeBrokerResponse): string[] {
  const pending: string[] = [];
  if (broker.PendingEngineVersion) {
    pending.push(`engine version ${broker.PendingEngineVersion} (running ${broker.EngineVersion})`);
  }
  if (broker.PendingHostInstanceType) {
    pending.push(`instance type ${broker.PendingHostInstanceType} (running ${broker.HostInstanceType})`);
  }
  const current = broker.Configurations?.Current;
  const next = broker.Configurations?.Pending;
  if (next && (next.Id !== current?.Id || next.Revision !== current?.Revision)) {
    pending.push(`configuration ${next.Id} revision ${next.Revision} (running ${current?.Id} revision ${current?.Revision})`);
  }
  if (broker.PendingSecurityGroups?.length) {
    pending.push(`security groups ${broker.PendingSecurityGroups.join(', ')}`);
  }
  if (broker.PendingAuthenticationStrategy) {
    pending.push(`authentication strategy ${broker.PendingAuthenticationStrategy}`);
  }
  if (broker.PendingLdapServerMetadata) {
    pending.push('LDAP server settings');
  }
  if (broker.Logs?.Pending) {
    pending.push('log settings');
  }
  if (broker.PendingDataReplicationMode && broker.PendingDataReplicationMode !== broker.DataReplicationMode) {
    pending.push(`data replication mode ${broker.PendingDataReplicationMode} (running ${broker.DataReplicationMode ?? 'NONE'})`);
  }
  return pending;
}

/** Users whose creation, update or deletion waits for a reboot. */
export function pendingUserChanges(users: UserSummary[] | undefined): string[] {
  return (users ?? []).filter((u) => u.PendingChange).map((u) => `user ${u.Username}: ${u.PendingChange}`);
}
