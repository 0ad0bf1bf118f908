/**
 * The library's verdicts against the engine's, table-driven, on real RabbitMQ 4.0.5 with Amazon MQ's defaults and plugins: every
 * policy and operator-policy key, queue argument, exchange type and user tag the library accepts, and a sample of
 * what it refuses, is declared through the management API; the library must accept exactly what RabbitMQ accepts,
 * except the deliberate differences listed (where Amazon MQ is stricter than RabbitMQ, or RabbitMQ stores what does
 * nothing). The library judges as for RabbitMQ 4.2, the version Amazon MQ recommends; the engine is 4.0.5.
 */
import { AMAZON_MQ_PLUGINS } from './amazon-mq-defaults';
import { RabbitMqEngine } from './rabbitmq-engine';
import { RabbitMqExchangeType, RabbitMqUserTag } from '../../src';
import { SHOVEL } from '../../src/rabbitmq/management/objects/shovel';
import { policyDefinitionProblems } from '../../src/rabbitmq/management/policy-definitions';
import { queueArgumentProblems } from '../../src/rabbitmq/management/queue-arguments';

jest.setTimeout(300_000);

const LIBRARY_VERSION = '4.2';

interface Row {
  readonly what: string;
  /** The management API call. */
  readonly path: string;
  readonly body: object;
  readonly library: boolean;
  /** Why the library refuses what RabbitMQ accepts, when it does on purpose. */
  readonly deliberate?: string;
}

/** A valid sample value per policy key, and invalid ones the engine should refuse too. */
const POLICY_SAMPLES: Array<[string, unknown]> = [
  ['alternate-exchange', 'ae'], ['dead-letter-exchange', 'dlx'], ['dead-letter-exchange', ''], ['dead-letter-routing-key', 'dead'], ['dead-letter-strategy', 'at-least-once'],
  ['federation-upstream', 'eu'], ['federation-upstream-set', 'all'], ['message-ttl', 60000], ['expires', 60000], ['max-length', 10],
  ['max-length-bytes', 1000], ['max-in-memory-length', 10], ['max-in-memory-bytes', 1000], ['overflow', 'reject-publish-dlx'],
  ['delivery-limit', -1], ['delivery-limit', 5], ['queue-version', 2], ['queue-version', 1], ['queue-leader-locator', 'balanced'],
  ['queue-master-locator', 'min-masters'], ['target-group-size', 3], ['initial-cluster-size', 3], ['consumer-timeout', 60000],
  ['queue-mode', 'lazy'],
  // Refused by both, or by the library alone (see the deliberate list).
  ['ha-mode', 'all'], ['ha-sync-mode', 'automatic'], ['dead-letter-exchnage', 'dlx'], ['single-active-consumer', true],
  ['message-ttl', -1], ['expires', 0], ['max-length', 'ten'], ['max-length-bytes', -5], ['overflow', 'nope'], ['queue-version', 3],
  ['dead-letter-strategy', 'sometimes'], ['queue-leader-locator', 'random'], ['queue-leader-locator', 'nearest'],
  ['max-age', '1D'], ['stream-max-segment-size-bytes', 1000], ['stream-filter-size-bytes', 16],
];
const STREAMS = 'Amazon MQ does not support streams (creating one loses data)';
const DELIBERATE_KEYS: Record<string, string> = {
  'max-age': STREAMS,
  'stream-max-segment-size-bytes': STREAMS,
  'stream-filter-size-bytes': STREAMS,
};

const QUEUE_SAMPLES: Array<['classic' | 'quorum', string, unknown]> = [
  ...(['classic', 'quorum'] as const).flatMap((type) => [
    [type, 'x-message-ttl', 60000], [type, 'x-expires', 60000], [type, 'x-max-length', 10], [type, 'x-max-length-bytes', 1000],
    [type, 'x-overflow', 'reject-publish'], [type, 'x-dead-letter-exchange', 'dlx'], [type, 'x-dead-letter-routing-key', 'dead'],
    [type, 'x-single-active-consumer', true], [type, 'x-queue-leader-locator', 'balanced'],
    [type, 'x-message-ttl', -1], [type, 'x-expires', 0], [type, 'x-overflow', 'nope'], [type, 'x-max-length', 'ten'],
  ] as Array<['classic' | 'quorum', string, unknown]>),
  ['classic', 'x-max-priority', 10], ['classic', 'x-queue-version', 2], ['classic', 'x-queue-version', 1], ['classic', 'x-queue-mode', 'lazy'],
  ['classic', 'x-max-priority', 300], ['classic', 'x-queue-version', 3],
  ['quorum', 'x-delivery-limit', 5], ['quorum', 'x-delivery-limit', -1], ['quorum', 'x-dead-letter-strategy', 'at-least-once'],
  ['quorum', 'x-quorum-initial-group-size', 1], ['quorum', 'x-quorum-target-group-size', 1],
  ['quorum', 'x-max-priority', 10], ['quorum', 'x-dead-letter-strategy', 'sometimes'], ['classic', 'x-queue-leader-locator', 'nearest'],
  ['classic', 'x-max-lenght', 10], ['quorum', 'x-queue-mode', 'lazy'], ['quorum', 'x-queue-version', 2],
];
/** RabbitMQ ignores arguments it does not know, and some on the wrong queue type: the library refuses them (typos). */
const IGNORED_BY_RABBITMQ = 'RabbitMQ stores an argument it does not use without complaint; the library refuses it so a typo or a misplaced argument is caught';

const rows: Row[] = [];
let n = 0;
for (const kind of ['policy', 'operator policy'] as const) {
  for (const [key, value] of POLICY_SAMPLES) {
    const library = policyDefinitionProblems(kind, 'p', { [key]: value }, LIBRARY_VERSION).length === 0;
    rows.push({
      what: `${kind} ${key}=${JSON.stringify(value)}`,
      path: `/api/${kind === 'policy' ? 'policies' : 'operator-policies'}/rules/p${n++}`,
      body: { 'pattern': `^p${n}$`, 'definition': { [key]: value }, 'apply-to': 'queues' },
      library,
      deliberate: DELIBERATE_KEYS[key],
    });
  }
}
for (const [type, key, value] of QUEUE_SAMPLES) {
  rows.push({
    what: `${type} queue ${key}=${JSON.stringify(value)}`,
    path: `/api/queues/rules/q${n++}`,
    body: { durable: true, auto_delete: false, arguments: { 'x-queue-type': type, [key]: value } },
    library: queueArgumentProblems('q', type, { [key]: value }, LIBRARY_VERSION).length === 0,
    deliberate: IGNORED_BY_RABBITMQ,
  });
}
for (const type of ['classic', 'quorum'] as const) {
  const args = { 'x-dead-letter-exchange': 'dlx', 'x-dead-letter-routing-key': 'dead' };
  rows.push({
    what: `${type} queue with a dead-letter exchange and routing key`,
    path: `/api/queues/rules/q${n++}`,
    body: { durable: true, auto_delete: false, arguments: { 'x-queue-type': type, ...args } },
    library: queueArgumentProblems('q', type, args, LIBRARY_VERSION).length === 0,
  });
}
for (const type of [...Object.values(RabbitMqExchangeType), 'x-delayed-message', 'x-random', 'x-local-random', 'x-nope']) {
  rows.push({
    what: `exchange type ${type}`,
    path: `/api/exchanges/rules/e${n++}`,
    body: { type, durable: true },
    library: (Object.values(RabbitMqExchangeType) as string[]).includes(type),
    deliberate: type === 'x-local-random' ? 'RabbitMQ 4 has local random exchanges; Amazon MQ does not support them (its nodes are behind a load balancer)' : undefined,
  });
}
for (const tag of [...Object.values(RabbitMqUserTag), 'management,administrator', 'adminstrator']) {
  rows.push({
    what: `user tag ${tag}`,
    path: `/api/users/u${n++}`,
    body: { password: 'a-long-password-1', tags: tag },
    library: (Object.values(RabbitMqUserTag) as string[]).includes(tag),
    deliberate: 'RabbitMQ stores any tag (and splits at commas: management,administrator grants administrator); the library takes only the tags that mean something, one per entry',
  });
}
for (const applyTo of ['queues', 'classic_queues', 'quorum_queues', 'exchanges', 'all']) {
  rows.push({
    what: `operator policy apply-to ${applyTo}`,
    path: `/api/operator-policies/rules/a${n++}`,
    body: { 'pattern': '^never$', 'definition': { 'max-length': 1 }, 'apply-to': applyTo },
    library: ['queues', 'classic_queues', 'quorum_queues'].includes(applyTo),
    deliberate: 'an operator policy holds queue limits only: RabbitMQ stores one for exchanges that does nothing',
  });
}

const ackModeRule = SHOVEL.rules.find((r) => r.id === 'RabbitMqShovelAckMode')!;
for (const ackMode of ['on-confirm', 'on-publish', 'no-ack', 'on_confirm', 'confirm']) {
  rows.push({
    what: `shovel ack-mode ${ackMode}`,
    path: `/api/parameters/shovel/rules/s${n++}`,
    body: { value: { 'src-uri': 'amqp:///rules', 'src-queue': `s${n}.in`, 'dest-uri': 'amqp:///rules', 'dest-queue': `s${n}.out`, 'ack-mode': ackMode } },
    library: ackModeRule.check({ kind: 'shovel', name: 's', taken: false, broker: { reservedUsernames: [] }, options: { source: { queue: 'a' }, destination: { queue: 'b' }, ackMode } }) === undefined,
  });
}

let engine: RabbitMqEngine;
const verdicts: Array<Row & { engine: boolean; status: number; reason: string }> = [];

beforeAll(async () => {
  // Operator policy changes allowed, as the library configures a broker that declares them; the rest are Amazon MQ's defaults.
  engine = await RabbitMqEngine.start('management.restrictions.operator_policy_changes.disabled = false', AMAZON_MQ_PLUGINS);
  const headers = { 'Authorization': `Basic ${Buffer.from('guest:guest').toString('base64')}`, 'content-type': 'application/json' };
  const api = (method: string, path: string, body?: object) =>
    fetch(`http://127.0.0.1:${engine.managementPort}${path}`, { method, headers, body: body && JSON.stringify(body) });
  expect((await api('PUT', '/api/vhosts/rules', {})).ok).toBe(true);
  for (const row of rows) {
    const response = await api('PUT', row.path, row.body);
    verdicts.push({ ...row, engine: response.ok, status: response.status, reason: response.ok ? '' : (await response.text()).slice(0, 160) });
  }
});
afterAll(async () => engine?.stop());

test('the library accepts what RabbitMQ 4.0.5 accepts, and refuses what it refuses, but for the deliberate differences', () => {
  const agreements = verdicts.filter((v) => v.library === v.engine);
  const deliberate = verdicts.filter((v) => v.library !== v.engine && v.deliberate !== undefined && !v.library && v.engine);
  const disagreements = verdicts.filter((v) => v.library !== v.engine && !deliberate.includes(v));
  console.log([
    `${verdicts.length} inputs tried on RabbitMQ 4.0.5: ${agreements.length} agreements, ${deliberate.length} deliberate differences`
      + ` (the library stricter), ${disagreements.length} disagreements`,
    ...deliberate.map((v) => `  stricter: ${v.what} (${v.deliberate})`),
  ].join('\n'));
  expect(disagreements.map((v) => `${v.what}: library ${v.library ? 'accepts' : 'refuses'}, RabbitMQ ${v.status} ${v.reason}`)).toEqual([]);
  // The table tries both sides: accepted and refused inputs, on both verdicts.
  expect(verdicts.filter((v) => v.engine && v.library).length).toBeGreaterThan(40);
  expect(verdicts.filter((v) => !v.engine && !v.library).length).toBeGreaterThan(15);
});
