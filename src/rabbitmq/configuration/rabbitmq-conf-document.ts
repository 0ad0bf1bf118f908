import { Duration, Token } from 'aws-cdk-lib';
import { RabbitMqConfigurationSettings } from './rabbitmq-configuration-settings';

/** One `key = value` line. */
export interface RabbitMqSetting {
  readonly key: string;
  readonly value: string;
  /** 1-based line in the text, for messages. */
  readonly line: number;
}

/** A parsed `rabbitmq.conf`. */
export interface RabbitMqConfigurationDocument {
  readonly text: string;
  readonly settings: RabbitMqSetting[];
  /** Lines that are not `key = value`, comments or blank. */
  readonly problems: string[];
  /** Whether the text has `{{...}}` sections (RabbitMQ 4 only; mq-facts F-Q08). */
  readonly hasSections: boolean;
}

/**
 * Characters RabbitMQ's config parser (cuttlefish) does not take as blanks, yet that look blank or are invisible:
 * a byte order mark, no-break and other Unicode spaces, zero-width characters and control characters. A node
 * whose rabbitmq.conf holds one does not boot, so they are named here, with where they are.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0085\u00A0\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F\u2060\u3000\uFEFF]/g;

/** cuttlefish trims ASCII blanks only; String.trim() would also hide the characters above. */
function trimBlanks(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Parses cuttlefish lines, exactly as sent; a token may stand for a whole value but not for a key. */
export function parseConf(text: string): RabbitMqConfigurationDocument {
  const settings: RabbitMqSetting[] = [];
  const problems: string[] = [];
  let hasSections = false;
  // Text known only at deploy time cannot be checked, and is not rejected for it.
  if (Token.isUnresolved(text) && !text.includes('=')) {
    return { text, settings, problems, hasSections };
  }
  text.split(/\r?\n/).forEach((raw, i) => {
    for (const match of raw.matchAll(INVISIBLE)) {
      const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push(`line ${i + 1} column ${match.index! + 1}: character U+${code} is not allowed (RabbitMQ does not boot with it); allowed: printable characters, spaces and tabs`);
    }
    const line = trimBlanks(raw);
    if (line === '' || line.startsWith('#')) {
      return;
    }
    if (/^\{\{.*\}\}$/.test(line)) {
      hasSections = true;
      return;
    }
    const match = /^([A-Za-z0-9_.$-]+)\s*=\s*(.*)$/.exec(line);
    if (!match || (Token.isUnresolved(match[1]))) {
      problems.push(`line ${i + 1}: '${line}' is not a setting; allowed: 'key = value', '# comment' or a blank line`);
      return;
    }
    settings.push({ key: match[1], value: trimBlanks(match[2]), line: i + 1 });
  });
  return { text, settings, problems, hasSections };
}

/** The key that lets the management API edit operator policies (Amazon MQ's default `true` forbids it). */
export const OPERATOR_POLICY_CHANGES_DISABLED = 'management.restrictions.operator_policy_changes.disabled';

/** Renders typed settings as `rabbitmq.conf` lines. */
export function renderSettings(s: RabbitMqConfigurationSettings): string {
  const entries: Array<[string, string | number | boolean | undefined]> = [
    ['consumer_timeout', millis(s.consumerTimeout)],
    ['heartbeat', s.heartbeat?.toSeconds()],
    [OPERATOR_POLICY_CHANGES_DISABLED, s.operatorPolicyChangesDisabled],
    ['quorum_queue.property_equivalence.relaxed_checks_on_redeclaration', s.quorumQueueRelaxedChecksOnRedeclaration],
    ['secure.management.http.headers.enabled', s.secureManagementHttpHeaders],
    ['connection_max', s.connectionMax],
    ['channel_max_per_node', s.channelMaxPerNode],
    ['cluster_queue_limit', s.clusterQueueLimit],
    ['vhost_max', s.vhostMax],
    ['runtime_parameters.limits.shovel', s.shovelLimit],
    ['cluster_exchange_limit', s.clusterExchangeLimit],
    ['consumer_max_per_channel', s.consumerMaxPerChannel],
    ['max_message_size', s.maxMessageSizeBytes],
    ...Object.entries(s.extraSettings ?? {}),
  ];
  return entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${k} = ${v}\n`).join('');
}

function millis(d: Duration | undefined): number | undefined {
  // Duration.toMilliseconds() refuses fractions; rabbitmq.conf takes whole milliseconds anyway.
  return d?.toMilliseconds({ integral: true });
}
