import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqEngineVersion } from '../../../src';

function configuration(data: RabbitMqConfigurationData, version = RabbitMqEngineVersion.V4_2, stack = new Stack()) {
  return new RabbitMqConfiguration(stack, 'Config', { engineVersion: version, data });
}

test('typed settings render the keys and value formats Amazon MQ documents', () => {
  const text = configuration(RabbitMqConfigurationData.fromSettings({
    consumerTimeout: Duration.minutes(15),
    heartbeat: Duration.minutes(2),
    operatorPolicyChangesDisabled: false,
    quorumQueueRelaxedChecksOnRedeclaration: true,
    secureManagementHttpHeaders: true,
    connectionMax: 1000,
    channelMaxPerNode: 3000,
    clusterQueueLimit: 5000,
    vhostMax: 20,
    shovelLimit: 10,
    clusterExchangeLimit: 500,
    consumerMaxPerChannel: 50,
    maxMessageSizeBytes: 1048576,
    extraSettings: { 'auth_oauth2.resource_server_id': 'rabbitmq' },
  })).renderText();
  expect(text).toBe([
    'consumer_timeout = 900000',
    'heartbeat = 120',
    'management.restrictions.operator_policy_changes.disabled = false',
    'quorum_queue.property_equivalence.relaxed_checks_on_redeclaration = true',
    'secure.management.http.headers.enabled = true',
    'connection_max = 1000',
    'channel_max_per_node = 3000',
    'cluster_queue_limit = 5000',
    'vhost_max = 20',
    'runtime_parameters.limits.shovel = 10',
    'cluster_exchange_limit = 500',
    'consumer_max_per_channel = 50',
    'max_message_size = 1048576',
    'auth_oauth2.resource_server_id = rabbitmq',
    '',
  ].join('\n'));
});

test('the template holds the text base64-encoded', () => {
  const stack = new Stack();
  const config = configuration(RabbitMqConfigurationData.fromText('# tuned\nconsumer_timeout = 600000\n'), RabbitMqEngineVersion.V3_13, stack);
  Template.fromStack(stack).hasResourceProperties('AWS::AmazonMQ::Configuration', {
    EngineType: 'RABBITMQ',
    EngineVersion: '3.13',
    AuthenticationStrategy: 'SIMPLE',
    Data: Buffer.from(config.renderText()).toString('base64'),
  });
});

test.each<[string, string, RabbitMqEngineVersion, string]>([
  ['an unknown key', 'vm_memory_high_watermark.relative = 0.6', RabbitMqEngineVersion.V4_2,
    "line 1: key 'vm_memory_high_watermark.relative' is not permitted by Amazon MQ; allowed: consumer_timeout, heartbeat,"],
  ['a heartbeat below 60 s', 'heartbeat = 30', RabbitMqEngineVersion.V4_2,
    "line 1: key 'heartbeat' value '30' is not allowed; allowed: an integer from 60 to 3600 (seconds)"],
  ['a consumer timeout that is not an integer', 'consumer_timeout = 30m', RabbitMqEngineVersion.V4_2,
    "line 1: key 'consumer_timeout' value '30m' is not allowed; allowed: an integer from 0 to 2147483647 (milliseconds; 0 = no timeout)"],
  ['a boolean that is not one', 'secure.management.http.headers.enabled = yes', RabbitMqEngineVersion.V4_2,
    "line 1: key 'secure.management.http.headers.enabled' value 'yes' is not allowed; allowed: true or false"],
  ['a resource limit on RabbitMQ 3', 'connection_max = 100', RabbitMqEngineVersion.V3_13,
    "line 1: key 'connection_max' is not allowed with engineVersion '3.13'; allowed: RabbitMQ 4 or later"],
  ['an OAuth 2.0 key Amazon MQ refuses', 'auth_oauth2.https.cacertfile = /x.pem', RabbitMqEngineVersion.V4_2,
    "line 1: key 'auth_oauth2.https.cacertfile' is not permitted by Amazon MQ"],
  ['a plain-http OAuth 2.0 URL', 'auth_oauth2.issuer = http://idp.example.com/issuer', RabbitMqEngineVersion.V4_2, 'is not allowed; allowed: an https:// URL'],
  ['a key set twice', 'heartbeat = 60\nheartbeat = 120', RabbitMqEngineVersion.V4_2, "key 'heartbeat' is set more than once; allowed: each key once"],
  ['a line that is not a setting', 'heartbeat 60', RabbitMqEngineVersion.V4_2, "line 1: 'heartbeat 60' is not a setting; allowed: 'key = value', '# comment' or a blank line"],
  ['sections on RabbitMQ 3', '{{m7g.large.single}}\nheartbeat = 60', RabbitMqEngineVersion.V3_13, "'{{...}}' sections are not allowed with engineVersion '3.13'; allowed: RabbitMQ 4 or later [RabbitMqConfigurationSyntax]"],
  // F-AU10: passwords, keys and files only as ARNs.
  ['an LDAP bind password in the text', 'auth_ldap.dn_lookup_bind.password = s3cr3t-Passw0rd', RabbitMqEngineVersion.V4_2,
    "line 1: key 'auth_ldap.dn_lookup_bind.password' would hold a password, key or file path in the configuration; allowed: 'aws.arns.auth_ldap.dn_lookup_bind.password = <ARN of a Secrets Manager secret or S3 object>'"],
  ['an LDAP TLS key file', 'auth_ldap.ssl_options.keyfile = /etc/rabbitmq/ldap.key', RabbitMqEngineVersion.V4_2,
    "allowed: 'aws.arns.auth_ldap.ssl_options.keyfile = <ARN"],
  ['a TLS key password', 'ssl_options.password = hunter2hunter2', RabbitMqEngineVersion.V4_2, "allowed: 'aws.arns.ssl_options.password = <ARN"],
  ['a CA file path', 'ssl_options.cacertfile = /etc/ca.pem', RabbitMqEngineVersion.V4_2, "allowed: 'aws.arns.ssl_options.cacertfile = <ARN"],
  ['an aws.arns value that is no ARN', 'aws.arns.auth_ldap.dn_lookup_bind.password = s3cr3t', RabbitMqEngineVersion.V4_2,
    "line 1: key 'aws.arns.auth_ldap.dn_lookup_bind.password' value 's3cr3t' is not allowed; allowed: an ARN (arn:<partition>:<service>:<region>:<account>:<resource>, or arn:<partition>:s3:::<bucket>/<key>)"],
  ['an assume_role_arn that is no role', 'aws.arns.assume_role_arn = arn:aws:iam::123456789012:user/mq', RabbitMqEngineVersion.V4_2,
    'allowed: an IAM role ARN (arn:aws:iam::<account>:role/<name>)'],
  // Characters RabbitMQ does not boot with, though they look blank.
  ['a byte order mark', '\uFEFFheartbeat = 60', RabbitMqEngineVersion.V4_2, 'line 1 column 1: character U+FEFF is not allowed (RabbitMQ does not boot with it)'],
  ['a no-break space', 'heartbeat\u00A0= 60', RabbitMqEngineVersion.V4_2, 'line 1 column 10: character U+00A0 is not allowed'],
  ['a zero-width space in a value', 'heartbeat = 6\u200B0', RabbitMqEngineVersion.V4_2, 'line 1 column 14: character U+200B is not allowed'],
])('rejects %s, naming the key', (_, text, version, message) => {
  const stack = new Stack();
  expect(() => configuration(RabbitMqConfigurationData.fromText(text), version, stack)).toThrow(message);
  expect(stack.node.findAll().filter((c) => c.node.path.startsWith('Default/Config/'))).toEqual([]);
});

test('a typed setting out of range is named too', () => {
  expect(() => configuration(RabbitMqConfigurationData.fromSettings({ heartbeat: Duration.hours(2) })))
    .toThrow("Default/Config: RabbitMqConfiguration validation failed:\n  - line 1: key 'heartbeat' value '7200' is not allowed; allowed: an integer from 60 to 3600 (seconds) [RabbitMqConfigurationKeys]");
});

test('tokens as values are not rejected', () => {
  const stack = new Stack();
  const timeout = new CfnParameter(stack, 'Timeout').valueAsString;
  configuration(RabbitMqConfigurationData.fromText(`consumer_timeout = ${timeout}\n`), undefined, stack);
  expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain('Fn::Base64');
});

test('text known only at deploy time is not rejected', () => {
  const stack = new Stack();
  expect(() => configuration(RabbitMqConfigurationData.fromText(new CfnParameter(stack, 'Conf').valueAsString), undefined, stack)).not.toThrow();
});

test('secrets and files by ARN are accepted (F-AU10, F-AU11): S3 objects too, never a bucket alone', () => {
  expect(() => configuration(RabbitMqConfigurationData.fromText([
    'auth_backends.1 = ldap',
    'auth_ldap.servers.1 = ldap.example.com',
    'aws.arns.assume_role_arn = arn:aws:iam::123456789012:role/AmazonMqSecrets',
    'aws.arns.auth_ldap.dn_lookup_bind.password = arn:aws:secretsmanager:us-east-1:123456789012:secret:ldap-bind-AbCdEf',
    'aws.arns.auth_ldap.ssl_options.cacertfile = arn:aws:s3:::certs/ca.pem',
  ].join('\n')))).not.toThrow();
  expect(() => configuration(RabbitMqConfigurationData.fromText('aws.arns.auth_ldap.ssl_options.cacertfile = arn:aws:s3:::certs')))
    .toThrow("'aws.arns.auth_ldap.ssl_options.cacertfile' value 'arn:aws:s3:::certs' is not allowed");
  expect(() => configuration(RabbitMqConfigurationData.fromText([
    'aws.arns.assume_role_arn = arn:aws:iam::123456789012:role/AmazonMqSecrets',
    'aws.arns.auth_ldap.dn_lookup_bind.password = arn:aws:secretsmanager:us-east-1:123456789012:secret:ldap-bind-AbCdEf',
  ].join('\n')))).not.toThrow();
});

test('validation grows linearly with the lines (no quadratic duplicate check): 10x the lines, well under 100x the time', () => {
  // A ratio of two runs in the same process, not a wall-clock budget: a loaded machine slows both alike.
  const time = (lines: number) => {
    const text = Array.from({ length: lines }, (_, i) => `auth_ldap.servers.${i} = ldap${i}.example.com`).join('\n');
    const started = process.hrtime.bigint();
    expect(() => configuration(RabbitMqConfigurationData.fromText(text))).not.toThrow();
    return Number(process.hrtime.bigint() - started);
  };
  time(4_000); // warm-up
  const ratio = Math.min(...[1, 2].map(() => time(40_000) / time(4_000)));
  expect(ratio).toBeLessThan(40);
});

test('sections are accepted on RabbitMQ 4', () => {
  expect(() => configuration(RabbitMqConfigurationData.fromText('{{m7g.large.single}}\nconnection_max = 100\n'))).not.toThrow();
});
