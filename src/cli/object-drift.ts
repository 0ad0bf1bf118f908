/**
 * Drift of the RabbitMQ management objects: what a template declares (`Custom::AmazonMqRabbitMqObject`), compared
 * with what the broker holds, read through the management API (GET only). CloudFormation cannot drift-detect custom
 * resources; this reads the broker itself.
 *
 * - missing: declared, absent on the broker;
 * - different: present, a declared field has another value (only what the template declares, as RabbitMQ returns it;
 *   passwords cannot be read back, and a field holding a secret is compared without the secret's part);
 * - extra: on the broker, in a virtual host the app declares, not declared (what every virtual host has and what
 *   Amazon MQ creates are not counted);
 * - shovel state: a declared shovel not running.
 *
 * No AWS SDK import: the management API comes in as `ManagementRead`.
 */
import type { Finding } from './broker-check';
import { CheckError } from './broker-check';
import type { ManagementRead } from './management-api';
import { canonicalJson } from '../rabbitmq/management/canonical-json';
import { liveValue } from '../rabbitmq/management/immutable-fields';
import { redact } from '../rabbitmq/management/management-handler';
import {
  AMAZON_MQ_LIMITED_VIRTUAL_HOST, AMAZON_MQ_MONITORING_USER, AMAZON_MQ_OPERATOR_POLICY, isAmazonMqPolicy,
} from '../rabbitmq/management/objects/amazon-mq-owned';
import { objectIdentity } from '../rabbitmq/management/objects/object-kind';

/** One declared object, its values resolved (the body as JSON text, secret markers left in place). */
export interface DeclaredObject {
  readonly Kind: string;
  readonly Path: string;
  readonly Method?: string;
  readonly Body?: string;
  readonly OnDelete?: string;
}

export type ObjectFinding = Omit<Finding, 'broker'>;

type Json = Record<string, unknown>;

/** `{{secret:0:password}}`, `{{secret-uri:0:username}}`: values read from Secrets Manager at deploy time. */
const MARKER = /\{\{secret(?:-uri)?:\d+:[A-Za-z0-9_-]+\}\}/;
const MARKERS = new RegExp(MARKER.source, 'g');

/** The path's segments after `/api/`, decoded. */
function segmentsOf(path: string): string[] {
  return path.replace(/^\/api\//, '').split('/').map((s) => decodeURIComponent(s));
}

function apiPath(...segments: string[]): string {
  return `/api/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}

/** The virtual host an object lives in; undefined for broker-wide ones (users, their limits, virtual hosts). */
function virtualHostOf(segments: string[]): string | undefined {
  switch (segments[0]) {
    case 'vhosts': case 'users': case 'user-limits': return undefined;
    case 'parameters': return segments[2];
    default: return segments[1];
  }
}

/** How an object is named in a finding. */
function describe(kind: string, segments: string[], body?: Json): string {
  const [collection, a, b, c, d, e] = segments;
  switch (collection) {
    case 'vhosts': return `virtual host ${a}`;
    case 'users': return `user ${a}`;
    case 'user-limits': return `user limit ${b} of user ${a}`;
    case 'vhost-limits': return `virtual host limit ${b} (vhost ${a})`;
    case 'permissions': return `permissions of user ${b} (vhost ${a})`;
    case 'topic-permissions': return `topic permissions of user ${b} on exchange ${c ?? body?.exchange} (vhost ${a})`;
    case 'bindings': {
      const args = body?.arguments && Object.keys(body.arguments as Json).length > 0 ? `, arguments ${canonicalJson(body.arguments)}` : '';
      return `binding ${b === 'e' ? c || '(default exchange)' : c} -> ${d === 'q' ? 'queue' : 'exchange'} ${e}, routing key '${body?.routing_key ?? ''}'${args} (vhost ${a})`;
    }
    case 'parameters': return `${kind} ${c} (vhost ${b})`;
    case 'queues': case 'exchanges': case 'policies': case 'operator-policies': return `${kind} ${b} (vhost ${a})`;
    default: return `${kind} ${segments.join('/')}`;
  }
}

function parseBody(body: string | undefined): Json {
  if (body === undefined) {
    return {};
  }
  const parsed = JSON.parse(body) as unknown;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Json : {};
}

/** Whether the declared value holds a secret marker anywhere. */
function holdsSecret(value: unknown): boolean {
  return typeof value === 'string' ? MARKER.test(value) : value !== null && typeof value === 'object' && Object.values(value).some(holdsSecret);
}

/**
 * Whether the live value is the declared one: strings with secret markers match whatever the secret's part holds
 * (the secret is never read), objects and arrays element by element, the rest as canonical JSON.
 */
function matches(declared: unknown, live: unknown): boolean {
  if (typeof declared === 'string' && MARKER.test(declared)) {
    if (typeof live !== 'string') {
      return false;
    }
    const pattern = declared.split(MARKERS).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${pattern}$`, 's').test(live);
  }
  if (Array.isArray(declared)) {
    return Array.isArray(live) && live.length === declared.length && declared.every((d, i) => matches(d, live[i]));
  }
  if (declared && typeof declared === 'object' && holdsSecret(declared)) {
    const liveFields = (live ?? {}) as Json;
    const keys = new Set([...Object.keys(declared), ...Object.keys(liveFields)]);
    return live !== null && typeof live === 'object' && [...keys].every((k) => matches((declared as Json)[k], liveFields[k]));
  }
  return live !== undefined && canonicalJson(declared) === canonicalJson(live);
}

/** Tags as RabbitMQ returns them (a list; older versions: comma-separated text), sorted. */
function tagList(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  return list.map((t) => t.trim()).filter((t) => t.length > 0).sort();
}

function shown(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/** One field compared: its name, the template's value, the broker's. */
interface FieldValues {
  readonly field: string;
  readonly template: unknown;
  readonly broker: unknown;
}

/** The declared fields of an object and their live values, normalised as RabbitMQ returns them. */
function fieldsOf(kind: string, body: Json, live: Json): FieldValues[] {
  const fields: FieldValues[] = [];
  for (const [key, declared] of Object.entries(body)) {
    if (key === 'password') {
      continue;
    }
    if (key === 'tags') {
      fields.push({ field: 'tags', template: tagList(declared), broker: tagList(live.tags) });
    } else if (key === 'arguments' && declared && typeof declared === 'object') {
      for (const [arg, value] of Object.entries(declared as Json)) {
        fields.push({ field: `arguments.${arg}`, template: value, broker: liveValue(kind, live, `arguments.${arg}`) });
      }
    } else if (key === 'definition' && declared && typeof declared === 'object') {
      // A policy's PUT replaces its whole definition: a key only the broker has is drift too.
      const liveDefinition = (live.definition ?? {}) as Json;
      for (const k of [...new Set([...Object.keys(declared as Json), ...Object.keys(liveDefinition)])].sort()) {
        fields.push({ field: `definition.${k}`, template: (declared as Json)[k], broker: liveDefinition[k] });
      }
    } else if (key === 'value' && declared && typeof declared === 'object' && !Array.isArray(declared)) {
      // Shovels and federation upstreams: the keys the template sets (RabbitMQ may add its defaults).
      const liveValueObject = (live.value ?? {}) as Json;
      for (const [k, v] of Object.entries(declared as Json)) {
        fields.push({ field: `value.${k}`, template: v, broker: liveValueObject[k] });
      }
    } else {
      fields.push({ field: key, template: declared, broker: live[key] });
    }
  }
  return fields;
}

/** The live object, or undefined when it is absent. */
async function liveObject(read: ManagementRead, object: DeclaredObject, segments: string[], body: Json): Promise<Json | undefined> {
  const collection = segments[0];
  if (collection === 'vhost-limits' || collection === 'user-limits') {
    // GET answers the owner's limits, as a list of one `{ value: { <limit>: n } }`.
    const listed = await read(apiPath(collection, segments[1]));
    const limits = ((listed.body as Array<{ value?: Json }> | undefined)?.[0]?.value ?? {});
    return listed.status === 200 && segments[2] in limits ? { value: limits[segments[2]] } : undefined;
  }
  if (collection === 'topic-permissions') {
    const listed = await read(apiPath(collection, segments[1], segments[2]));
    return listed.status === 200 ? (listed.body as Json[]).find((p) => p.exchange === body.exchange) : undefined;
  }
  const answer = await read(object.Path);
  if (answer.status === 404) {
    return undefined;
  }
  expectOk(object.Path, answer.status);
  if (objectIdentity(object.Kind, object.Method) === 'binding') {
    // A binding is found in its collection by its routing key and arguments (its identity).
    return (answer.body as Json[]).find((b) => (b.routing_key ?? '') === (body.routing_key ?? '')
      && canonicalJson(b.arguments ?? {}) === canonicalJson(body.arguments ?? {}));
  }
  return answer.body as Json;
}

function expectOk(path: string, status: number): void {
  if (status !== 200) {
    throw new CheckError(`RabbitMQ management API: GET ${path} answered ${status}`);
  }
}

/** Compares each declared object with the broker. */
/** The findings of the comparison, and what is absent: virtual hosts, and objects by canonical path. */
interface Comparison {
  readonly findings: ObjectFinding[];
  readonly absentVirtualHosts: Set<string>;
  readonly absent: Set<string>;
}

async function compareDeclared(objects: DeclaredObject[], read: ManagementRead, secrets: string[]): Promise<Comparison> {
  const findings: ObjectFinding[] = [];
  const absentVirtualHosts = new Set<string>();
  const absent = new Set<string>();
  let same = 0;
  for (const object of objects) {
    const segments = segmentsOf(object.Path);
    const vhost = virtualHostOf(segments);
    if (vhost !== undefined && absentVirtualHosts.has(vhost)) {
      continue;
    }
    const body = parseBody(object.Body);
    const label = describe(object.Kind, segments, body);
    const live = await liveObject(read, object, segments, body);
    if (live === undefined) {
      absent.add(canonicalPath(object.Path));
      if (segments[0] === 'vhosts') {
        absentVirtualHosts.add(segments[1]);
        const inside = objects.filter((o) => virtualHostOf(segmentsOf(o.Path)) === segments[1]).length;
        findings.push({ severity: 'action', message: `${label}: missing (declared, absent on the broker)${inside > 0 ? `, and with it the ${inside} object(s) declared in it` : ''}` });
      } else {
        findings.push({ severity: 'action', message: `${label}: missing (declared, absent on the broker)` });
      }
      continue;
    }
    const unknownKind = !['vhosts', 'vhost-limits', 'users', 'user-limits', 'permissions', 'topic-permissions', 'queues', 'exchanges',
      'bindings', 'policies', 'operator-policies', 'parameters'].includes(segments[0]);
    if (unknownKind) {
      findings.push({ severity: 'info', message: `${label}: present; its fields are not compared (not a kind this check knows)` });
      continue;
    }
    const differences = fieldsOf(object.Kind, body, live).filter((f) => !matches(f.template, f.broker));
    for (const d of differences) {
      // A field holding a secret: the broker's value would show it.
      const broker = holdsSecret(d.template) ? 'another value (not shown: it holds a secret)' : redact(shown(d.broker), secrets);
      findings.push({ severity: 'action', message: `${label}: different: ${d.field} is ${shown(d.template)} in the template, ${broker} on the broker` });
    }
    if ('password' in body) {
      findings.push({ severity: 'info', message: `${label}: password not compared (RabbitMQ returns only its hash)` });
    }
    same += differences.length === 0 ? 1 : 0;
  }
  findings.unshift({ severity: same === objects.length ? 'ok' : 'info', message: `${same} of ${objects.length} declared object(s) as declared on the broker` });
  return { findings, absentVirtualHosts, absent };
}

/** A listing of a virtual host (404: none, e.g. a plugin not enabled). */
async function listing(read: ManagementRead, path: string): Promise<Json[]> {
  const answer = await read(path);
  if (answer.status === 404) {
    return [];
  }
  expectOk(path, answer.status);
  return answer.body as Json[];
}

/** A path in the form the template writes (segments encoded the same way), to tell declared objects apart. */
function canonicalPath(path: string): string {
  return apiPath(...segmentsOf(path));
}

/**
 * What the broker holds in a virtual host the app declares and the app does not. Not counted: what every virtual host
 * has (the `amq.*` exchanges, the default exchange and its bindings), what clients make at run time (exclusive and
 * server-named `amq.gen-*` queues), federation's own queues and exchanges, Amazon MQ's objects, and the admin's and
 * Amazon MQ's users.
 */
async function extras(vhost: string, objects: DeclaredObject[], read: ManagementRead, adminUsername: string): Promise<ObjectFinding[]> {
  const declared = new Set(objects.map((o) => canonicalPath(o.Path)));
  const declaredBindings = new Set(objects.filter((o) => objectIdentity(o.Kind, o.Method) === 'binding').map((o) => {
    const body = parseBody(o.Body);
    return `${canonicalPath(o.Path)}#${canonicalJson([body.routing_key ?? '', body.arguments ?? {}])}`;
  }));
  const findings: ObjectFinding[] = [];
  const extra = (kind: string, segments: string[], body?: Json) =>
    findings.push({ severity: 'action', message: `${describe(kind, segments, body)}: extra (on the broker, not declared, in virtual host ${vhost}, which the app declares)` });
  const isDeclared = (...segments: string[]) => declared.has(apiPath(...segments));
  const ownQueue = (q: Json) => q.exclusive === true || String(q.name).startsWith('amq.') || String(q.name).startsWith('federation: ');
  const ownExchange = (name: string) => name === '' || name.startsWith('amq.') || name.startsWith('federation: ');

  const queues = await listing(read, `${apiPath('queues', vhost)}?columns=name,exclusive`);
  const ignoredQueues = new Set(queues.filter(ownQueue).map((q) => String(q.name)));
  for (const q of queues.filter((x) => !ownQueue(x) && !isDeclared('queues', vhost, String(x.name)))) {
    extra('queue', ['queues', vhost, String(q.name)]);
  }
  for (const x of (await listing(read, `${apiPath('exchanges', vhost)}?columns=name`)).filter((e) => !ownExchange(String(e.name)))) {
    if (!isDeclared('exchanges', vhost, String(x.name))) {
      extra('exchange', ['exchanges', vhost, String(x.name)]);
    }
  }
  for (const b of await listing(read, apiPath('bindings', vhost))) {
    const [source, destination, type] = [String(b.source), String(b.destination), b.destination_type === 'queue' ? 'q' : 'e'];
    if (source === '' || source.startsWith('federation: ') || (type === 'q' && ignoredQueues.has(destination))) {
      continue;
    }
    const key = `${apiPath('bindings', vhost, 'e', source, type, destination)}#${canonicalJson([b.routing_key ?? '', b.arguments ?? {}])}`;
    if (!declaredBindings.has(key)) {
      extra('binding', ['bindings', vhost, 'e', source, type, destination], b);
    }
  }
  for (const p of (await listing(read, apiPath('policies', vhost))).filter((x) => !isAmazonMqPolicy(String(x.name)))) {
    if (!isDeclared('policies', vhost, String(p.name))) {
      extra('policy', ['policies', vhost, String(p.name)]);
    }
  }
  for (const p of (await listing(read, apiPath('operator-policies', vhost))).filter((x) => x.name !== AMAZON_MQ_OPERATOR_POLICY)) {
    if (!isDeclared('operator-policies', vhost, String(p.name))) {
      extra('operator policy', ['operator-policies', vhost, String(p.name)]);
    }
  }
  const ownUser = (user: unknown) => user === adminUsername || user === AMAZON_MQ_MONITORING_USER;
  for (const p of (await listing(read, apiPath('vhosts', vhost, 'permissions'))).filter((x) => !ownUser(x.user))) {
    if (!isDeclared('permissions', vhost, String(p.user))) {
      extra('permissions', ['permissions', vhost, String(p.user)]);
    }
  }
  for (const p of (await listing(read, apiPath('vhosts', vhost, 'topic-permissions'))).filter((x) => !ownUser(x.user))) {
    if (!isDeclared('topic-permissions', vhost, String(p.user), String(p.exchange))) {
      extra('topic permissions', ['topic-permissions', vhost, String(p.user), String(p.exchange)]);
    }
  }
  for (const [component, kind] of [['shovel', 'shovel'], ['federation-upstream', 'federation upstream']]) {
    for (const p of await listing(read, apiPath('parameters', component, vhost))) {
      if (!isDeclared('parameters', component, vhost, String(p.name))) {
        extra(kind, ['parameters', component, vhost, String(p.name)]);
      }
    }
  }
  if (vhost !== AMAZON_MQ_LIMITED_VIRTUAL_HOST) {
    const limits = ((await listing(read, apiPath('vhost-limits', vhost)))[0]?.value ?? {}) as Json;
    for (const limit of Object.keys(limits).filter((l) => !isDeclared('vhost-limits', vhost, l))) {
      extra('virtual host limit', ['vhost-limits', vhost, limit]);
    }
  }
  return findings;
}

/** How long a shovel may stay `starting` before it counts as broken: a healthy one runs within seconds. */
export const SHOVEL_SETTLE_MS = 15_000;

/**
 * The state of each declared shovel (`GET /api/shovels/<vhost>`): running, or not and why. A shovel that cannot connect
 * stays `starting` (RabbitMQ 4.0.5 retries without a reason) or cycles through `terminated`; one still starting after
 * `settleMs` is reported as broken.
 */
async function shovelStates(vhost: string, shovels: string[], read: ManagementRead, secrets: string[], settleMs: number): Promise<ObjectFinding[]> {
  if (shovels.length === 0) {
    return [];
  }
  const statusOf = (states: Json[], name: string) => states.find((s) => s.name === name && s.vhost === vhost);
  let states = await listing(read, apiPath('shovels', vhost));
  const deadline = Date.now() + settleMs;
  // A shovel that cannot connect cycles: starting, terminated, then no status row at all until it restarts.
  while (shovels.some((name) => (statusOf(states, name)?.state ?? 'starting') === 'starting') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, settleMs)));
    states = await listing(read, apiPath('shovels', vhost));
  }
  return shovels.map((name): ObjectFinding => {
    const label = `shovel ${name} (vhost ${vhost})`;
    const status = statusOf(states, name);
    if (!status) {
      return { severity: 'action', message: `${label}: no status: not running on any node` };
    }
    const reason = status.reason ? `: ${redact(String(status.reason), secrets)}` : '';
    switch (status.state) {
      case 'running': return { severity: 'ok', message: `${label}: running` };
      case 'starting': return { severity: 'action', message: `${label}: still starting after ${settleMs / 1000} s${reason}: it cannot connect (check its URIs, their credentials and the other broker)` };
      default: return { severity: 'action', message: `${label}: ${String(status.state)}${reason}` };
    }
  });
}

/**
 * Every finding for one broker's declared objects: the comparison, then per declared virtual host its extras and the
 * state of its shovels. `adminUsername` is the user the check reads as (its permissions are not extras).
 * `secrets` are values to keep out of the messages (the admin's password).
 */
export async function objectDrift(objects: DeclaredObject[], read: ManagementRead, adminUsername: string, secrets: string[],
  shovelSettleMs = SHOVEL_SETTLE_MS): Promise<ObjectFinding[]> {
  const { findings, absentVirtualHosts, absent } = await compareDeclared(objects, read, secrets);
  const vhosts = objects.filter((o) => segmentsOf(o.Path)[0] === 'vhosts').map((o) => segmentsOf(o.Path)[1]).filter((v) => !absentVirtualHosts.has(v));
  for (const vhost of vhosts) {
    const inside = objects.filter((o) => virtualHostOf(segmentsOf(o.Path)) === vhost);
    findings.push(...await extras(vhost, inside, read, adminUsername));
    // The state of the shovels the broker has (a missing one is reported as such).
    const shovels = inside.filter((o) => o.Path.startsWith('/api/parameters/shovel/') && !absent.has(canonicalPath(o.Path)))
      .map((o) => segmentsOf(o.Path)[3]);
    findings.push(...await shovelStates(vhost, shovels, read, secrets, shovelSettleMs));
  }
  return findings;
}
