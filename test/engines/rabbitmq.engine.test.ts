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
    engine = await RabbitMqEngine.start(localSettings.map((s) => `${s.key} = ${s.value}`).join('\n'));
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
