/**
 * The post-deploy check: what an operator needs to know about deployed brokers, from the AWS APIs.
 * The SDK clients are passed in, so tests point them at a loopback fake of the services.
 */
// The CLI is bundled with the SDK clients (assets/cli/check.js): devDependencies here, not library dependencies.
/* eslint-disable import/no-extraneous-dependencies */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, DescribeAlarmsCommand, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient } from '@aws-sdk/client-kms';
import { DescribeBrokerCommand, DescribeBrokerResponse, ListBrokersCommand, ListUsersCommand, MqClient, UserSummary } from '@aws-sdk/client-mq';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
/* eslint-enable import/no-extraneous-dependencies */
import { pendingChanges, pendingUserChanges } from '../broker/pending-changes';

/** The clients the check calls. */
export interface CheckClients {
  readonly mq: MqClient;
  readonly kms: KMSClient;
  readonly cloudwatch: CloudWatchClient;
  /** `--objects`: the deployed stacks' resources, to resolve what the templates leave to deploy time. */
  readonly cloudformation: CloudFormationClient;
  /** `--objects`: the admin credentials of the brokers. */
  readonly secretsManager: SecretsManagerClient;
}

/** `ok`: nothing to do; `info`: worth knowing; `action`: someone must act (the exit code becomes 1). */
export type Severity = 'ok' | 'info' | 'action';

export interface Finding {
  readonly broker: string;
  readonly severity: Severity;
  readonly message: string;
}

/** A failed API call, reported as a message (never a stack trace); the exit code becomes 2. */
export class CheckError extends Error {}

const ACTION_STATES = ['CREATION_FAILED', 'DELETION_IN_PROGRESS', 'CRITICAL_ACTION_REQUIRED'];

/** Broker IDs from IDs or ARNs (`arn:...:broker:<name>:<id>`). */
function brokerIdOf(idOrArn: string): string {
  return idOrArn.startsWith('arn:') ? idOrArn.split(':')[7] ?? idOrArn : idOrArn;
}

/**
 * Cross-region data replication: the broker's role and counterpart when CRDR runs (info), and a pair left half-made
 * (action): a replica whose primary never switched, or a primary whose counterpart is gone.
 */
function replicationFindings(broker: DescribeBrokerResponse): Array<Omit<Finding, 'broker'>> {
  const metadata = broker.DataReplicationMetadata;
  if (broker.DataReplicationMode !== 'CRDR') {
    return [];
  }
  if (!metadata?.DataReplicationCounterpart?.BrokerId) {
    return [{ severity: 'action', message: 'data replication CRDR without a counterpart: the other broker of the pair is missing' }];
  }
  const counterpart = `${metadata.DataReplicationCounterpart.BrokerId} in ${metadata.DataReplicationCounterpart.Region}`;
  return [{ severity: 'info', message: `data replication CRDR: ${metadata.DataReplicationRole ?? 'unknown role'}, counterpart ${counterpart}` }];
}

/** Runs every check on one broker. */
export async function checkBroker(clients: CheckClients, idOrArn: string): Promise<Finding[]> {
  const brokerId = brokerIdOf(idOrArn);
  const broker = await call(`mq:DescribeBroker ${brokerId}`, () => clients.mq.send(new DescribeBrokerCommand({ BrokerId: brokerId })));
  const label = `${broker.BrokerName ?? brokerId} (${brokerId})`;
  const findings: Finding[] = [];
  const add = (severity: Severity, message: string) => findings.push({ broker: label, severity, message });

  const state = broker.BrokerState ?? 'UNKNOWN';
  add(state === 'RUNNING' ? 'ok' : ACTION_STATES.includes(state) ? 'action' : 'info', `state ${state}`);
  for (const required of broker.ActionsRequired ?? []) {
    add('action', `action required: ${required.ActionRequiredCode}: ${required.ActionRequiredInfo ?? ''}`.trim());
  }
  for (const pending of pendingChanges(broker)) {
    add('action', `${pending} waits for a reboot or the maintenance window`);
  }
  for (const pending of pendingUserChanges(await listUsers(clients, brokerId))) {
    add('action', `${pending} waits for a reboot or the maintenance window`);
  }
  findings.push(...replicationFindings(broker).map((f) => ({ ...f, broker: label })));
  findings.push(...(await checkKey(clients, broker)).map((f) => ({ ...f, broker: label })));
  findings.push(...(await checkAlarms(clients, broker.BrokerName ?? brokerId)).map((f) => ({ ...f, broker: label })));
  return findings;
}

async function checkKey(clients: CheckClients, broker: DescribeBrokerResponse): Promise<Array<Omit<Finding, 'broker'>>> {
  const keyId = broker.EncryptionOptions?.KmsKeyId;
  if (broker.EncryptionOptions?.UseAwsOwnedKey !== false || !keyId) {
    return [{ severity: 'info', message: 'encrypted with an AWS owned or AWS managed key: nothing to check' }];
  }
  const key = await call(`kms:DescribeKey ${keyId}`, () => clients.kms.send(new DescribeKeyCommand({ KeyId: keyId })));
  const state = key.KeyMetadata?.KeyState ?? 'Unknown';
  if (state !== 'Enabled') {
    return [{ severity: 'action', message: `KMS key ${keyId} is ${state}: the broker cannot use it` }];
  }
  const rotation = await call(`kms:GetKeyRotationStatus ${keyId}`, () => clients.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId })));
  return rotation.KeyRotationEnabled
    ? [{ severity: 'ok', message: `KMS key ${keyId} enabled, rotating` }]
    : [{ severity: 'action', message: `KMS key ${keyId} enabled but not rotating: turn automatic rotation on` }];
}

/** Every user of the broker, page by page. */
async function listUsers(clients: CheckClients, brokerId: string): Promise<UserSummary[]> {
  const users: UserSummary[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await call(`mq:ListUsers ${brokerId}`, () => clients.mq.send(new ListUsersCommand({ BrokerId: brokerId, NextToken: token, MaxResults: 100 })));
    users.push(...(page.Users ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return users;
}

/**
 * The metric alarms of this broker: named `<brokerName>-*` (as addRecommendedAlarms names them) and on this broker's
 * metrics (dimension Broker `<name>`, `<name>-1` or `<name>-2`), so broker `orders` never claims `orders-eu`'s alarms.
 */
async function brokerAlarms(clients: CheckClients, brokerName: string): Promise<MetricAlarm[]> {
  const prefix = `${brokerName}-`;
  const alarms: MetricAlarm[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await call(`cloudwatch:DescribeAlarms ${prefix}*`, () =>
      clients.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: prefix, MaxRecords: 100, NextToken: token })));
    alarms.push(...(page.MetricAlarms ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  const ownDimension = new Set([brokerName, `${brokerName}-1`, `${brokerName}-2`]);
  const dimensions = (a: MetricAlarm) => [...(a.Dimensions ?? []), ...(a.Metrics ?? []).flatMap((m) => m.MetricStat?.Metric?.Dimensions ?? [])];
  return alarms.filter((a) => dimensions(a).some((d) => d.Name === 'Broker' && ownDimension.has(d.Value ?? '')));
}

async function checkAlarms(clients: CheckClients, brokerName: string): Promise<Array<Omit<Finding, 'broker'>>> {
  const prefix = `${brokerName}-`;
  const alarms = await brokerAlarms(clients, brokerName);
  if (alarms.length === 0) {
    return [{ severity: 'info', message: `no alarm named ${prefix}*: add them with broker.addRecommendedAlarms()` }];
  }
  return alarms.map((a) => ({
    severity: a.StateValue === 'ALARM' ? 'action' : a.StateValue === 'OK' ? 'ok' : 'info',
    message: `alarm ${a.AlarmName} is ${a.StateValue}${a.StateValue === 'ALARM' && a.StateReason ? `: ${a.StateReason}` : ''}`,
  }));
}

/** Broker IDs for broker names (those in a synthesized template), from mq:ListBrokers. */
export async function brokerIdsByName(clients: CheckClients, names: string[]): Promise<{ ids: string[]; missing: string[] }> {
  const found = new Map<string, string>();
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await call('mq:ListBrokers', () => clients.mq.send(new ListBrokersCommand({ NextToken: token, MaxResults: 100 })));
    for (const summary of page.BrokerSummaries ?? []) {
      if (summary.BrokerName && summary.BrokerId) {
        found.set(summary.BrokerName, summary.BrokerId);
      }
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return { ids: names.filter((n) => found.has(n)).map((n) => found.get(n)!), missing: names.filter((n) => !found.has(n)) };
}

/** Calls the API; turns failures into one readable line. */
export async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const error = e as Error & { $metadata?: { httpStatusCode?: number }; code?: string };
    const status = error.$metadata?.httpStatusCode;
    const reason = status === 403 || /AccessDenied|Forbidden|Unauthorized|not authorized/i.test(`${error.name} ${error.message}`)
      ? 'not authorized'
      : status === undefined ? 'unreachable' : `HTTP ${status}`;
    throw new CheckError(`${what} failed (${reason}): ${error.name}: ${error.message || error.code || 'no message'}`);
  }
}
