/**
 * Real RabbitMQ (Debian's 3.10 package) booted with the rabbitmq.conf settings this library renders, read back from
 * the running node: proves the key names and value formats we emit are the ones RabbitMQ's cuttlefish schema
 * understands. scripts/test.sh installs the package; without it these tests fail, they are never skipped.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { knownRabbitMqKeys, RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqEngineVersion } from '../../src';
import { parseConf } from '../../src/rabbitmq/configuration/rabbitmq-conf-document';
import { PERMITTED_KEYS } from '../../src/rabbitmq/configuration/rabbitmq-conf-keys';

jest.setTimeout(180_000);

/** rabbitmq.conf key -> the application environment key cuttlefish translates it to. */
const APP_ENV: Record<string, string> = {
  consumer_timeout: 'consumer_timeout',
  heartbeat: 'heartbeat',
  connection_max: 'connection_max',
  max_message_size: 'max_message_size',
};

const rendered = new RabbitMqConfiguration(new Stack(), 'Config', {
  engineVersion: RabbitMqEngineVersion.V4_2,
  data: RabbitMqConfigurationData.fromSettings({
    consumerTimeout: Duration.minutes(15),
    heartbeat: Duration.seconds(120),
    connectionMax: 1200,
    maxMessageSizeBytes: 262144,
    secureManagementHttpHeaders: true,
    quorumQueueRelaxedChecksOnRedeclaration: true,
    operatorPolicyChangesDisabled: true,
    vhostMax: 50,
  }),
}).renderText();
const settings = parseConf(rendered).settings;
const known = knownRabbitMqKeys();
const localSettings = settings.filter((s) => known.has(s.key));

/** A configuration of only the keys RabbitMQ 3.10 knows: its renderText() is what the node boots, byte for byte. */
const bootable = new RabbitMqConfiguration(new Stack(), 'Bootable', {
  engineVersion: RabbitMqEngineVersion.V4_2,
  data: RabbitMqConfigurationData.fromSettings({
    consumerTimeout: Duration.minutes(15),
    heartbeat: Duration.seconds(120),
    connectionMax: 1200,
    maxMessageSizeBytes: 262144,
  }),
}).renderText();

test('the bootable rendering holds exactly the upstream keys, as the full one renders them', () => {
  expect(parseConf(bootable).settings).toEqual(localSettings.map((s, i) => ({ ...s, line: i + 1 })));
});

test('the local RabbitMQ knows the upstream keys we render; the rest are Amazon MQ or 3.11+ keys', () => {
  expect(localSettings.map((s) => s.key).sort()).toEqual(Object.keys(APP_ENV).sort());
  // Keys a 3.10 node cannot check here: Amazon MQ's own or added upstream after 3.10.
  expect(settings.filter((s) => !known.has(s.key)).map((s) => s.key).sort()).toEqual([
    'management.restrictions.operator_policy_changes.disabled',
    'quorum_queue.property_equivalence.relaxed_checks_on_redeclaration',
    'secure.management.http.headers.enabled',
    'vhost_max',
  ]);
  expect(PERMITTED_KEYS.length).toBe(13);
});

describe('RabbitMQ 3.10 running the rendered settings', () => {
  let engine: RabbitMqEngine;
  beforeAll(async () => {
    // renderText() as is: what Amazon MQ would get, not lines re-serialised by the test.
    engine = await RabbitMqEngine.start(bootable);
  });
  afterAll(async () => engine?.stop());

  test('reports every setting back with the value we rendered', () => {
    const keys = localSettings.map((s) => APP_ENV[s.key]);
    const out = engine.ctl('eval', `[{K, application:get_env(rabbit, K)} || K <- [${keys.join(',')}]].`);
    for (const s of localSettings) {
      expect(out).toContain(`{${APP_ENV[s.key]},{ok,${s.value}}}`);
    }
  });

  test('the management API is up with the node configured this way', async () => {
    const res = await fetch(`http://127.0.0.1:${engine.managementPort}/api/overview`, { headers: { Authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
    expect(res.status).toBe(200);
    expect((await res.json() as { rabbitmq_version: string }).rabbitmq_version).toMatch(/^3\.10\./);
  });
});

test('RabbitMQ refuses a key it does not know, so a typo cannot pass silently', async () => {
  await expect(RabbitMqEngine.start('consumer_timeouts = 900000')).rejects.toThrow(/RabbitMQ did not start[\s\S]*consumer_timeouts/);
});

test.each([
  ['a byte order mark', '\uFEFFheartbeat = 120'],
  ['a no-break space', 'heartbeat\u00A0= 120'],
])('RabbitMQ does not boot with %s in rabbitmq.conf, and the library rejects that text at synth', async (_name, text) => {
  await expect(RabbitMqEngine.start(text)).rejects.toThrow(/RabbitMQ did not start/);
  expect(() => new RabbitMqConfiguration(new Stack(), 'Invisible', {
    engineVersion: RabbitMqEngineVersion.V4_2,
    data: RabbitMqConfigurationData.fromText(text),
  })).toThrow(/line 1 column \d+: character U\+(FEFF|00A0) is not allowed/);
});
