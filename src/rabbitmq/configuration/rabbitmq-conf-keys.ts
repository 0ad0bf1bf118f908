import { versionAtLeast } from '../../private/versions';

/** A `rabbitmq.conf` key Amazon MQ permits, with its value format (mq-facts §2.9). */
export interface PermittedKey {
  readonly key: string;
  readonly fact: string;
  /** Checks a known value; returns what is allowed when it is not. */
  readonly check: (value: string) => string | undefined;
  /** The first RabbitMQ version on Amazon MQ that takes the key. */
  readonly since?: string;
}

const integer = (min: number, max: number, unit = '') => (value: string) => {
  const n = Number(value);
  return /^\d+$/.test(value) && n >= min && n <= max ? undefined : `an integer from ${min} to ${max}${unit}`;
};
const boolean = (value: string) => (value === 'true' || value === 'false' ? undefined : 'true or false');
const nonNegative = integer(0, 2147483647);
const anyValue = (value: string) => (value.trim() === '' ? 'a non-empty value' : undefined);

/** Keys with a fixed name. */
export const PERMITTED_KEYS: ReadonlyArray<PermittedKey> = [
  { key: 'consumer_timeout', fact: 'F-Q01', check: integer(0, 2147483647, ' (milliseconds; 0 = no timeout)') },
  { key: 'heartbeat', fact: 'F-Q02', check: integer(60, 3600, ' (seconds)') },
  { key: 'management.restrictions.operator_policy_changes.disabled', fact: 'F-Q03', check: boolean },
  { key: 'quorum_queue.property_equivalence.relaxed_checks_on_redeclaration', fact: 'F-Q04', check: boolean, since: '3.13' },
  { key: 'secure.management.http.headers.enabled', fact: 'F-Q05', check: boolean },
  // Whether the broker's own AMQP client (shovels, federation) verifies the peer's certificate (Developer Guide,
  // "Configurable values", RabbitMQ 4 only).
  {
    key: 'amqp_client.ssl_options.verify',
    fact: 'F-Q01..F-Q07',
    check: (value: string) => (value === 'verify_peer' || value === 'verify_none' ? undefined : 'verify_peer or verify_none'),
    since: '4',
  },
  ...['connection_max', 'channel_max_per_node', 'cluster_queue_limit', 'vhost_max', 'runtime_parameters.limits.shovel',
    'cluster_exchange_limit', 'consumer_max_per_channel', 'max_message_size']
    .map((key) => ({ key, fact: 'F-Q06', check: nonNegative, since: '4' })),
];

/** Key families (authentication and TLS plugins) whose keys Amazon MQ permits under a prefix (mq-facts F-Q07). */
const PERMITTED_PREFIXES: ReadonlyArray<PermittedKey> = [
  { key: 'auth_oauth2.', fact: 'F-Q07', check: anyValue, since: '3.13' },
  { key: 'management.oauth_', fact: 'F-Q07', check: anyValue, since: '3.13' },
  { key: 'auth_ldap.', fact: 'F-Q07', check: anyValue },
  { key: 'auth_http.', fact: 'F-Q07', check: anyValue, since: '4' },
  { key: 'auth_backends.', fact: 'F-Q07', check: anyValue },
  { key: 'ssl_options.', fact: 'F-Q07', check: anyValue },
  // Client certificate sign-in (Developer Guide, SSL certificate authentication; RabbitMQ 4 and later).
  { key: 'ssl_cert_login_', fact: 'F-Q07', check: anyValue, since: '4' },
  { key: 'auth_mechanisms.', fact: 'F-Q07', check: anyValue, since: '4' },
  { key: 'aws.arns.', fact: 'F-Q07', check: anyValue },
];

/** Keys of the permitted families that Amazon MQ still rejects (mq-facts F-AU09). */
const FORBIDDEN_KEYS: ReadonlyArray<RegExp> = [
  /^auth_oauth2\.https\.cacertfile$/,
  /^auth_oauth2\.oauth_providers\.[^.]+\.https\.cacertfile$/,
  /^management\.oauth_client_secret$/,
  /^management\.oauth_resource_servers\.[^.]+\.oauth_client_secret$/,
  /^auth_oauth2\.signing_keys\.[^.]+$/,
];

/**
 * Keys whose value would be a password, a private key or a local file: Amazon MQ takes those only as ARNs under
 * `aws.arns.` (mq-facts F-AU10), so the secret never sits in the configuration.
 */
const SECRET_OR_FILE_KEY = /^(auth_ldap|ssl_options|auth_http|auth_oauth2|management)\.(.*\.)?(password|passphrase|secret|keyfile|certfile|cacertfile|key)$/;

/** An ARN of this partition family: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
// An account's resource, or an S3 object (S3 ARNs carry neither region nor account).
const ARN = /^arn:aws[a-z-]*:([a-z0-9-]+:[a-z0-9-]*:\d{12}:.+|s3:::[^/]+\/.+)$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;

function checkSecretsAndArns(key: string, value: string, valueKnown: boolean): string | undefined {
  if (SECRET_OR_FILE_KEY.test(key)) {
    return `key '${key}' would hold a password, key or file path in the configuration; allowed: 'aws.arns.${key} = <ARN of a Secrets Manager secret or S3 object>', with aws.arns.assume_role_arn`;
  }
  if (key === 'aws.arns.assume_role_arn' && valueKnown && !ROLE_ARN.test(value)) {
    return `key '${key}' value '${value}' is not allowed; allowed: an IAM role ARN (arn:aws:iam::<account>:role/<name>)`;
  }
  if (key.startsWith('aws.arns.') && valueKnown && !ARN.test(value)) {
    return `key '${key}' value '${value}' is not allowed; allowed: an ARN (arn:<partition>:<service>:<region>:<account>:<resource>, or arn:<partition>:s3:::<bucket>/<key>)`;
  }
  return undefined;
}

/** The problem with one `key = value` setting for an engine version, or undefined when Amazon MQ takes it. */
export function checkSetting(key: string, value: string, engineVersion: string, valueKnown: boolean): string | undefined {
  const permitted = PERMITTED_KEYS.find((k) => k.key === key) ?? PERMITTED_PREFIXES.find((k) => key.startsWith(k.key));
  if (!permitted || FORBIDDEN_KEYS.some((re) => re.test(key))) {
    return `key '${key}' is not permitted by Amazon MQ; allowed: ${PERMITTED_KEYS.map((k) => k.key).join(', ')}, and keys under ${PERMITTED_PREFIXES.map((p) => `${p.key}*`).join(', ')}`;
  }
  if (permitted.since && !versionAtLeast(engineVersion, permitted.since)) {
    return `key '${key}' is not allowed with engineVersion '${engineVersion}'; allowed: RabbitMQ ${permitted.since} or later`;
  }
  const secret = checkSecretsAndArns(key, value, valueKnown);
  if (secret) {
    return secret;
  }
  if (valueKnown) {
    const allowed = permitted.check(value);
    if (allowed) {
      return `key '${key}' value '${value}' is not allowed; allowed: ${allowed}`;
    }
  }
  // Amazon MQ takes only https:// URLs for OAuth 2.0 (issuer, JWKS, provider and UI endpoints).
  if (/^(auth_oauth2\.|management\.oauth_)/.test(key) && valueKnown && /^http:\/\//i.test(value)) {
    return `key '${key}' value '${value}' is not allowed; allowed: an https:// URL`;
  }
  return undefined;
}
