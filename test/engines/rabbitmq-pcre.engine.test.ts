/**
 * Permission and policy patterns on real RabbitMQ 4.0.5 (Erlang/OTP 27's PCRE): every pattern of the shared table
 * is set as a user's configure permission (PUT /api/permissions) and as a policy's pattern (PUT /api/policies); the
 * library's verdict (pcrePatternProblem, what the RabbitMqPermissionPatterns and RabbitMqPolicyDefinition rules use)
 * must equal RabbitMQ's for each (with PCRE's message when refused), and the table's recorded verdict too.
 */
import { RabbitMqEngine } from './rabbitmq-engine';
import { pcrePatternProblem } from '../../src/rabbitmq/management/pcre-pattern';
import { NOT_JUDGED, PCRE_PATTERNS } from '../rabbitmq/pcre-pattern-table';

jest.setTimeout(300_000);

interface Verdict {
  readonly pattern: string;
  readonly permission: number;
  readonly policy: number;
  /** RabbitMQ's reason, decoded (Erlang sends PCRE's message as a list of character codes). */
  readonly reason: string;
}

let engine: RabbitMqEngine;
const verdicts = new Map<string, Verdict>();

beforeAll(async () => {
  engine = await RabbitMqEngine.start('');
  const headers = { 'Authorization': `Basic ${Buffer.from('guest:guest').toString('base64')}`, 'content-type': 'application/json' };
  const api = (path: string, body: object) =>
    fetch(`http://127.0.0.1:${engine.managementPort}${path}`, { method: 'PUT', headers, body: JSON.stringify(body) });
  expect((await api('/api/vhosts/patterns', {})).ok).toBe(true);
  expect((await api('/api/users/app-user', { password: 'a-long-password-1', tags: '' })).ok).toBe(true);
  let n = 0;
  for (const pattern of [...PCRE_PATTERNS.map((r) => r.pattern), ...NOT_JUDGED]) {
    const permission = await api('/api/permissions/patterns/app-user', { configure: pattern, write: '^$', read: '^$' });
    const policy = await api(`/api/policies/patterns/p${n++}`, { 'pattern': pattern, 'definition': { 'max-length': 1 }, 'apply-to': 'queues' });
    const body = permission.ok ? '' : await permission.text();
    const codes = /\[\[([\d,]+)\]/.exec(body);
    const reason = codes ? String.fromCharCode(...codes[1].split(',').map(Number)) : body.slice(0, 120);
    verdicts.set(pattern, { pattern, permission: permission.status, policy: policy.status, reason });
  }
});
afterAll(async () => engine?.stop());

const accepted = (status: number) => status >= 200 && status < 300;

test('RabbitMQ 4.0.5 judges permission patterns and policy patterns alike', () => {
  const differ = [...verdicts.values()].filter((v) => accepted(v.permission) !== accepted(v.policy));
  expect(differ.map((v) => `${v.pattern}: permissions ${v.permission}, policy ${v.policy}`)).toEqual([]);
});

test('the library accepts exactly the table\'s patterns RabbitMQ 4.0.5 accepts, and the table records RabbitMQ\'s verdicts', () => {
  const rows = PCRE_PATTERNS.map((r) => ({ ...r, ...verdicts.get(r.pattern)!, library: pcrePatternProblem(r.pattern) }));
  console.log([
    `${rows.length} patterns on RabbitMQ 4.0.5 (permissions status, policy status, RabbitMQ's reason | the library's):`,
    ...rows.map((r) => `  ${JSON.stringify(r.pattern).padEnd(40)} ${r.permission} ${r.policy} ${r.reason || 'accepted'} | ${r.library ?? 'accepted'}`),
  ].join('\n'));
  expect(rows.filter((r) => accepted(r.permission) !== (r.library === undefined))
    .map((r) => `${r.pattern}: RabbitMQ ${r.permission} ${r.reason}, library ${r.library ?? 'accepts'}`)).toEqual([]);
  // Where both refuse, the library's message is RabbitMQ's (PCRE's) too.
  expect(rows.filter((r) => r.library !== undefined && r.library !== r.reason).map((r) => `${r.pattern}: ${r.library} / ${r.reason}`)).toEqual([]);
  expect(rows.filter((r) => accepted(r.permission) !== r.accepted).map((r) => `${r.pattern}: table says ${r.accepted}, RabbitMQ ${r.permission}`)).toEqual([]);
  // Both verdicts are tried, including where RegExp would have judged otherwise.
  expect(rows.filter((r) => r.accepted).length).toBeGreaterThan(30);
  expect(rows.filter((r) => !r.accepted).length).toBeGreaterThan(30);
});

test('what the library does not work out, RabbitMQ refuses and the library accepts: never the other way round', () => {
  expect(NOT_JUDGED.map((p) => [p, accepted(verdicts.get(p)!.permission), pcrePatternProblem(p)]))
    .toEqual(NOT_JUDGED.map((p) => [p, false, undefined]));
});
