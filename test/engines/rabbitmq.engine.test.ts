/**
 * Real RabbitMQ 4.0.5 (Debian 13's package, with Amazon MQ's defaults) booted with the rabbitmq.conf settings this
 * library renders, read back from the running node: proves the key names and value formats we emit are the ones
 * RabbitMQ's cuttlefish schema understands, and that they override Amazon MQ's defaults. scripts/test.sh builds the
 * engine root; without it these tests fail, they are never skipped.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { knownRabbitMqKeys, RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqEngineVersion } from '../../src';
import { parseConf } from '../../src/rabbitmq/configuration/rabbitmq-conf-document';
import { PERMITTED_KEYS } from '../../src/rabbitmq/configuration/rabbitmq-conf-keys';

jest.setTimeout(180_000);

/** rabbitmq.conf key -> the application and environment key cuttlefish translates it to, and the value read back. */
const APP_ENV: Record<string, { app: string; key: string; readBack: (value: string) => string }> = {
  'consumer_timeout': { app: 'rabbit', key: 'consumer_timeout', readBack: (v) => `{ok,${v}}` },
  'heartbeat': { app: 'rabbit', key: 'heartbeat', readBack: (v) => `{ok,${v}}` },
  'connection_max': { app: 'rabbit', key: 'connection_max', readBack: (v) => `{ok,${v}}` },
  'max_message_size': { app: 'rabbit', key: 'max_message_size', readBack: (v) => `{ok,${v}}` },
  'vhost_max': { app: 'rabbit', key: 'vhost_max', readBack: (v) => `{ok,${v}}` },
  'quorum_queue.property_equivalence.relaxed_checks_on_redeclaration': {
    app: 'rabbit', key: 'quorum_relaxed_checks_on_redeclaration', readBack: (v) => `{ok,${v}}`,
  },
  'management.restrictions.operator_policy_changes.disabled': {
    app: 'rabbitmq_management', key: 'restrictions', readBack: (v) => `{operator_policy_changes,[{disabled,${v}}]}`,
  },
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
    operatorPolicyChangesDisabled: false,
    vhostMax: 40,
  }),
}).renderText();
const settings = parseConf(rendered).settings;
const known = knownRabbitMqKeys();
const localSettings = settings.filter((s) => known.has(s.key));

/** A configuration of only the keys RabbitMQ 4.0.5 knows: its renderText() is what the node boots, byte for byte. */
const bootable = new RabbitMqConfiguration(new Stack(), 'Bootable', {
  engineVersion: RabbitMqEngineVersion.V4_2,
  data: RabbitMqConfigurationData.fromSettings({
    consumerTimeout: Duration.minutes(15),
    heartbeat: Duration.seconds(120),
    quorumQueueRelaxedChecksOnRedeclaration: true,
    operatorPolicyChangesDisabled: false,
    connectionMax: 1200,
    maxMessageSizeBytes: 262144,
    vhostMax: 40,
  }),
}).renderText();

test('the bootable rendering holds exactly the upstream keys, as the full one renders them', () => {
  expect(parseConf(bootable).settings).toEqual(localSettings.map((s, i) => ({ ...s, line: i + 1 })));
});

test('RabbitMQ 4.0.5 knows the upstream keys we render; the one it does not is Amazon MQ\'s own', () => {
  expect(localSettings.map((s) => s.key).sort()).toEqual(Object.keys(APP_ENV).sort());
  expect(settings.filter((s) => !known.has(s.key)).map((s) => s.key).sort()).toEqual([
    'secure.management.http.headers.enabled',
  ]);
  expect(PERMITTED_KEYS.length).toBe(14);
});

describe('RabbitMQ 4.0.5 running the rendered settings over Amazon MQ\'s defaults', () => {
  let engine: RabbitMqEngine;
  beforeAll(async () => {
    // renderText() as is: what Amazon MQ would get, not lines re-serialised by the test.
    engine = await RabbitMqEngine.start(bootable);
  });
  afterAll(async () => engine?.stop());

  test('reports every setting back with the value we rendered, not Amazon MQ\'s default', () => {
    for (const s of localSettings) {
      const { app, key, readBack } = APP_ENV[s.key];
      expect(engine.ctl('eval', `application:get_env(${app}, ${key}).`).replace(/\s+/g, '')).toContain(readBack(s.value));
    }
  });

  test('the management API is up with the node configured this way', async () => {
    const res = await fetch(`http://127.0.0.1:${engine.managementPort}/api/overview`, { headers: { Authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
    expect(res.status).toBe(200);
    expect((await res.json() as { rabbitmq_version: string }).rabbitmq_version).toMatch(/^4\.0\.5$/);
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
