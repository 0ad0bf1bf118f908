import { canonicalJson } from './canonical-json';
import { heldChanges, immutableChanges, refusalMessage } from './immutable-fields';
import { BrokerCallError, dnsFailureCode } from './management-call-error';
import { objectIdentity, RabbitMqObjectKind } from './objects/object-kind';
import { deleteQueueIf, queueDeleteConditions } from './queue-delete-conditions';
import { redact } from '../../private/redact';

export { redact };

/**
 * The logic of `Custom::AmazonMqRabbitMqObject`: one object inside a RabbitMQ broker (virtual host, user, permission,
 * queue, exchange, binding, policy, shovel, ...), applied through the RabbitMQ management HTTP API.
 *
 * - Create and Update PUT (or POST, for bindings) the object; RabbitMQ's API is declarative, so a retry or a
 *   second apply converges. The API path is the physical ID: a new path (a renamed object) makes CloudFormation
 *   delete the old one.
 * - An Update that changes what RabbitMQ keeps from a queue's or an exchange's declaration (type, durability,
 *   arguments) is refused before any call that changes the broker, while the live object still holds the old value;
 *   so the rollback that follows (old and new swapped) goes through.
 * - Delete removes the object, unless its removal policy keeps it (queues by default: a queue with messages is
 *   never deleted by accident), or its conditions do not hold (a queue's `deleteIfEmpty`, `deleteIfUnused`: kept and
 *   logged, never a failed Delete). When the stack is being deleted and the broker goes with it (DESTROY, same
 *   stack), nothing is called: the broker's deletion takes its objects. A broker that is gone (its name no longer
 *   resolves, or Amazon MQ says so) never fails a Delete; one that answers and refuses does.
 * - Secrets (the admin's, users' passwords, credentials in shovel or federation URIs) are read from Secrets Manager
 *   at deploy time: the template and the custom resource properties only hold their ARNs and markers.
 *
 * No AWS SDK import here: the secrets are read through `ManagementDependencies`, so this file runs in tests as is.
 */

/** The custom resource's properties. Scalars arrive as strings (CloudFormation), so the body is JSON text. */
export interface ManagementProperties {
  /** The management API's base URL, `https://<broker host>` on Amazon MQ. */
  readonly Endpoint: string;
  /** The secret with the broker's admin `username` and `password`. */
  readonly AdminSecretArn: string;
  /**
   * What the object is: one of the typed kinds, which also say how the object is identified (`binding`: by its
   * routing key and arguments), or the escape hatch's free text for messages.
   */
  readonly Kind: RabbitMqObjectKind | string;
  /** The object's API path, every segment URI-encoded, e.g. `/api/queues/orders/orders.in`. */
  readonly Path: string;
  /** `PUT` (default) or `POST` (bindings, and escape-hatch objects RabbitMQ names itself). */
  readonly Method?: string;
  /** The JSON body, where `{{secret:<i>:<key>}}` (raw) or `{{secret-uri:<i>:<key>}}` (URI-encoded) stand for secret values. */
  readonly Body?: string;
  /** The secrets the markers index into. */
  readonly Secrets?: string[];
  /** `retain` keeps the object when it is removed from the app or the stack is deleted. */
  readonly OnDelete?: string;
  /** A virtual host's queue listing (`/api/queues/<vhost>`): the virtual host is kept while it holds a queue. */
  readonly KeepIfQueuesIn?: string;
  /** A user's password version: any new value makes CloudFormation send an Update, which sets the password again. */
  readonly PasswordVersion?: string;
  /** The path of the object's virtual host (`/api/vhosts/<vhost>`): once it is gone, so is the object. */
  readonly VirtualHostPath?: string;
  /** A queue's `deleteIfEmpty`: `'true'` deletes it only when it holds no message, else it is kept (and logged). */
  readonly DeleteIfEmpty?: string;
  /** A queue's `deleteIfUnused`: `'true'` deletes it only when it has no consumer, else it is kept (and logged). */
  readonly DeleteIfUnused?: string;
  /**
   * `'true'` when the broker is made in the object's stack with removal policy DESTROY: when that stack is being
   * deleted, the broker's deletion takes the object, so the Delete calls nothing.
   */
  readonly BrokerDeletedWithStack?: string;
}

export interface ManagementEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly StackId?: string;
  readonly LogicalResourceId?: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: ManagementProperties;
  /** An Update's previous properties (also a rollback's: then the ones of the update that failed). */
  readonly OldResourceProperties?: ManagementProperties;
}

export interface ManagementDependencies {
  /** The JSON keys of a secret (`username`, `password`, ...). */
  readonly secret: (arn: string) => Promise<Record<string, string>>;
  readonly fetch?: typeof fetch;
  /** Waits between attempts; tests pass a fast one. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** How long one call may take (default `REQUEST_TIMEOUT_MS`); tests pass a short one. */
  readonly requestTimeoutMs?: number;
  /**
   * Whether another live resource of the stack has this physical ID (a renamed or moved object, or the resource a
   * rollback restores); undefined when the stack cannot be read.
   */
  readonly declaredElsewhere?: (stackId: string, logicalId: string, physicalId: string) => Promise<boolean | undefined>;
  /** Whether the stack is being deleted (`DELETE_IN_PROGRESS`); undefined when the stack cannot be read. */
  readonly stackDeleting?: (stackId: string) => Promise<boolean | undefined>;
  /** What Amazon MQ says of the function's broker; undefined when it cannot be asked (no broker ID, no route, denied). */
  readonly brokerState?: () => Promise<BrokerState | undefined>;
}

/** Amazon MQ's word on a broker. */
export interface BrokerState {
  /** False when Amazon MQ does not know the broker (NotFound) or is deleting it (`DELETION_IN_PROGRESS`). */
  readonly exists: boolean;
  /** What it said, for the log: `not found`, `state DELETION_IN_PROGRESS`, `state RUNNING`, ... */
  readonly detail: string;
}

/** Attempts for a call that fails on the network or with a 5xx (a node restarting, a load balancer blip). */
const ATTEMPTS = 4;
/** How long one call may take: a silent server must not hold the deploy until the function's timeout. */
export const REQUEST_TIMEOUT_MS = 20_000;

export async function onEvent(event: ManagementEvent, deps: ManagementDependencies): Promise<{ PhysicalResourceId: string }> {
  // Every secret value read, raw and URI-encoded: none may reach an error (CloudFormation's Reason, the stack events,
  // the function's logs), even where RabbitMQ quotes a URI it could not parse with the credentials filled in.
  const secrets: string[] = [];
  const reading: ManagementDependencies = {
    ...deps,
    secret: async (arn) => {
      const value = await deps.secret(arn);
      // User names stay readable in messages (they are in API paths too); everything else of a secret is hidden.
      secrets.push(...Object.entries(value).filter(([key, v]) => key !== 'username' && typeof v === 'string' && v.length > 0).map(([, v]) => v));
      return value;
    },
  };
  try {
    return await apply(event, reading);
  } catch (e) {
    throw new Error(redact((e as Error).message, secrets));
  }
}

async function apply(event: ManagementEvent, deps: ManagementDependencies): Promise<{ PhysicalResourceId: string }> {
  const props = event.ResourceProperties;
  const api = managementApi(props, deps);
  if (event.RequestType === 'Delete') {
    // A Delete carries the properties the object was created with (also when a replacement removes the old one).
    const physicalId = event.PhysicalResourceId ?? identity(props);
    if (props.OnDelete === 'retain') {
      console.log(`Kept ${props.Kind} ${props.Path} (removal policy retain)`);
    } else if (await deletedWithBroker(event, deps)) {
      console.log(`Skipped ${props.Kind} ${props.Path}: the stack is being deleted, and the broker with it (removal policy destroy), which takes the object`);
    } else if (await declaredElsewhere(event, physicalId, deps)) {
      console.log(`Kept ${props.Kind} ${props.Path}: another resource of the stack declares it (a renamed or moved construct, or a rollback)`);
    } else {
      await unlessBrokerGone(props, deps, async () => {
        if (await holdsQueues(api, props)) {
          // Deleting a virtual host deletes its queues and their messages: never as a side effect.
        } else {
          await deleteObject(api, props, props.Path);
        }
      });
    }
    return { PhysicalResourceId: physicalId };
  }
  if (event.RequestType === 'Update') {
    await refuseImpossibleChanges(api, event.OldResourceProperties, props);
  }
  const body = props.Body === undefined ? undefined : await withSecrets(JSON.parse(props.Body), props.Secrets ?? [], deps);
  const response = await api.call(props.Method ?? 'PUT', props.Path, body);
  if (!response.ok) {
    const why = await reason(response);
    throw new Error(`${props.Kind} ${props.Path}: RabbitMQ answered ${response.status}: ${why}${hint(props.Kind, response.status, why)}`);
  }
  console.log(`Applied ${props.Kind} ${props.Path}`);
  // An identity written before it was canonical (a binding's argument keys in another order) stays: a new one would
  // make CloudFormation delete the binding the template still declares.
  const id = identity(props);
  const previous = event.RequestType === 'Update' ? event.PhysicalResourceId : undefined;
  return { PhysicalResourceId: previous !== undefined && canonicalIdentity(previous) === id ? previous : id };
}

/**
 * Fails, before any call that changes the broker, an update of what RabbitMQ keeps from a queue's or an exchange's
 * declaration, while the live object (read, GET only) still has the old value. A live object that already has the new
 * value (a rollback of a refused update, a retry) or is gone (then the PUT declares it anew) goes on to the PUT.
 */
async function refuseImpossibleChanges(api: ManagementApi, old: ManagementProperties | undefined, props: ManagementProperties): Promise<void> {
  const changes = immutableChanges(old, props);
  if (changes.length === 0) {
    return;
  }
  const response = await api.call('GET', props.Path);
  if (response.status === 404) {
    console.log(`${props.Kind} ${props.Path} is gone: declaring it anew with ${changes.map((c) => c.field).join(', ')} as the template says`);
    return;
  }
  if (!response.ok) {
    const why = await reason(response);
    throw new Error(`${props.Kind} ${props.Path}: could not be read before the update (RabbitMQ answered ${response.status}: ${why})${hint(props.Kind, response.status, why)}`);
  }
  const held = heldChanges(props.Kind, await response.json() as Record<string, unknown>, changes);
  if (held.length > 0) {
    throw new Error(refusalMessage(props.Kind, props.Path, held));
  }
  console.log(`${props.Kind} ${props.Path}: ${changes.map((c) => c.field).join(', ')} changed in the template, and the live ${props.Kind} holds none of the old values (it has the new ones: a rollback or a retry; or others: RabbitMQ answers): applying`);
}

/**
 * The object's identity, as its physical ID: a change of it makes CloudFormation delete the old object. A binding
 * (POSTed to the collection of its exchange and destination) is also identified by its routing key and arguments,
 * whose keys are sorted (RabbitMQ matches arguments whatever their order).
 */
export function identity(props: ManagementProperties): string {
  if (objectIdentity(props.Kind, props.Method) === 'path') {
    return props.Path;
  }
  const { routing_key: key, arguments: args } = JSON.parse(props.Body ?? '{}') as { routing_key?: string; arguments?: unknown };
  return `${props.Path}#${canonicalJson([key ?? '', args ?? {}])}`;
}

/** A physical ID in canonical form (binding identities of earlier versions kept their keys' order). */
function canonicalIdentity(physicalId: string): string {
  const hash = physicalId.indexOf('#');
  if (hash < 0) {
    return physicalId;
  }
  try {
    return `${physicalId.slice(0, hash)}#${canonicalJson(JSON.parse(physicalId.slice(hash + 1)))}`;
  } catch {
    return physicalId;
  }
}

/**
 * True when the object's broker goes with the stack (DESTROY, same stack) and the stack is being deleted. Not on a
 * rollback (`ROLLBACK_IN_PROGRESS`) nor an update's cleanup: then the broker stays and the object is deleted.
 */
async function deletedWithBroker(event: ManagementEvent, deps: ManagementDependencies): Promise<boolean> {
  if (event.ResourceProperties.BrokerDeletedWithStack !== 'true' || !deps.stackDeleting || !event.StackId) {
    return false;
  }
  const deleting = await deps.stackDeleting(event.StackId);
  if (deleting === undefined) {
    console.log(`Could not read the stack's status (no route to CloudFormation from the function?): deleting ${event.ResourceProperties.Path} as if the broker stayed`);
  }
  return deleting === true;
}

/**
 * Runs a Delete's calls; when they fail without RabbitMQ refusing (no answer on any attempt, or a 5xx each time),
 * asks whether the broker is gone: then the object is gone with it, and the Delete succeeds. A broker that answers
 * 4xx (a wrong admin password: 401) or that Amazon MQ says exists still fails the Delete.
 */
async function unlessBrokerGone(props: ManagementProperties, deps: ManagementDependencies, deleting: () => Promise<void>): Promise<void> {
  try {
    await deleting();
  } catch (e) {
    if (!(e instanceof BrokerCallError) || (e.status !== undefined && e.status < 500)) {
      throw e;
    }
    const state = deps.brokerState && await deps.brokerState();
    if (state && !state.exists) {
      console.log(`Deleted ${props.Kind} ${props.Path} with its broker: Amazon MQ says the broker is ${state.detail} (${e.message})`);
      return;
    }
    if (!state && e.dnsCode) {
      console.log(`Deleted ${props.Kind} ${props.Path} with its broker: the broker's name does not resolve (${e.dnsCode} on every attempt), so the broker is gone (${e.message})`);
      return;
    }
    if (state && e.dnsCode) {
      throw new Error(`${e.message}. Amazon MQ says the broker exists (${state.detail}), but its name does not resolve from the function (${e.dnsCode}): check the VPC's DNS resolution`);
    }
    throw e;
  }
}

async function declaredElsewhere(event: ManagementEvent, physicalId: string, deps: ManagementDependencies): Promise<boolean> {
  if (!deps.declaredElsewhere || !event.StackId || !event.LogicalResourceId) {
    return false;
  }
  const found = await deps.declaredElsewhere(event.StackId, event.LogicalResourceId, physicalId);
  if (found === undefined) {
    console.log(`Could not read the stack's resources (no route to CloudFormation from the function?): deleting ${physicalId} without checking for a renamed construct that declares it`);
  }
  return found === true;
}

/** True (and says so) when the virtual host still holds queues: it is kept with them. */
async function holdsQueues(api: ManagementApi, props: ManagementProperties): Promise<boolean> {
  if (!props.KeepIfQueuesIn) {
    return false;
  }
  const response = await api.call('GET', props.KeepIfQueuesIn);
  if (response.status === 404) {
    return false;
  }
  if (!response.ok) {
    throw new BrokerCallError(`${props.Kind} ${props.Path}: its queues could not be listed before the delete (${response.status}: ${await reason(response)})`, response.status);
  }
  const queues = (await response.json() as Array<{ name: string }>).map((q) => q.name);
  if (queues.length > 0) {
    const shown = queues.slice(0, 5).join(', ') + (queues.length > 5 ? `, and ${queues.length - 5} more` : '');
    console.log(`Kept ${props.Kind} ${props.Path}: it holds ${queues.length} queue(s) (${shown}), which a delete would destroy with their messages; delete them first to delete it`);
  }
  return queues.length > 0;
}

/** The management API as the admin, with retries on the network and 5xx. */
export interface ManagementApi {
  call(method: string, path: string, body?: unknown): Promise<Response>;
}

/** The management API as the broker's admin; the admin secret is read on the first call (a skipped Delete reads none). */
export function managementApi(props: Pick<ManagementProperties, 'Endpoint' | 'AdminSecretArn'>, deps: ManagementDependencies): ManagementApi {
  let authorization: Promise<string> | undefined;
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const base = props.Endpoint.replace(/\/+$/, '');
  return {
    async call(method, path, body) {
      authorization ??= deps.secret(props.AdminSecretArn).then((admin) => `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`);
      const headers = { 'authorization': await authorization, 'content-type': 'application/json' };
      // The resolver's error, while every attempt so far failed to resolve the endpoint's name.
      let dnsCode: string | undefined;
      let onlyDnsFailures = true;
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await doFetch(`${base}${path}`, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
          });
          if (response.status < 500 || attempt >= ATTEMPTS) {
            return response;
          }
          onlyDnsFailures = false;
        } catch (e) {
          dnsCode = dnsFailureCode(e);
          onlyDnsFailures &&= dnsCode !== undefined;
          if (attempt >= ATTEMPTS) {
            throw new BrokerCallError(`RabbitMQ management API at ${base} unreachable: ${causes(e as Error)} (is the function in the broker's VPC, and does the broker's security group allow it on 443?)`,
              undefined, onlyDnsFailures ? dnsCode : undefined);
          }
        }
        await sleep(500 * 2 ** attempt);
      }
    },
  };
}

async function deleteObject(api: ManagementApi, props: ManagementProperties, path: string): Promise<void> {
  if (objectIdentity(props.Kind, props.Method) === 'binding') {
    // A binding: POSTed to the collection; delete each binding of the collection with the same key and arguments.
    const wanted = JSON.parse(props.Body ?? '{}') as { routing_key?: string; arguments?: Record<string, unknown> };
    const listed = await api.call('GET', path);
    if (listed.status === 404) {
      // Its exchange, queue or virtual host is gone, and the binding with it.
      console.log(`Deleted ${props.Kind} ${path} (already gone)`);
      return;
    }
    if (!listed.ok) {
      throw new BrokerCallError(`${props.Kind} ${path}: RabbitMQ refused to list the bindings to delete with ${listed.status}: ${await reason(listed)}`, listed.status);
    }
    type Binding = { routing_key: string; arguments: Record<string, unknown>; properties_key: string };
    const bindings = await listed.json() as Binding[];
    for (const binding of bindings.filter((b) => b.routing_key === (wanted.routing_key ?? '') && canonicalJson(b.arguments ?? {}) === canonicalJson(wanted.arguments ?? {}))) {
      await expectDeleted(api, props, `${path}/${encodeURIComponent(binding.properties_key)}`);
    }
  } else if (props.Kind === 'queue' && queueDeleteConditions(props)) {
    const outcome = await deleteQueueIf((method, p) => api.call(method, p), path, queueDeleteConditions(props)!, reason);
    if (!outcome.deleted) {
      // A kept queue is a success: a failed Delete would leave `cdk destroy` DELETE_FAILED, or an update's cleanup failed.
      const wanted = [props.DeleteIfEmpty === 'true' && 'empty (deleteIfEmpty)', props.DeleteIfUnused === 'true' && 'unused (deleteIfUnused)'].filter(Boolean).join(' and ');
      console.log(`Kept queue ${path} on the broker, no longer managed by the stack: it is deleted only when ${wanted}, and ${outcome.why}. Delete it by hand once drained`);
      return;
    }
  } else {
    await expectDeleted(api, props, path);
  }
  console.log(`Deleted ${props.Kind} ${path}`);
}

/**
 * A 404 on delete means the object is already gone: the wanted state. So does a 5xx once the object's virtual host
 * is gone (RabbitMQ answers 500 to `DELETE /api/vhost-limits/...` of a deleted virtual host).
 */
async function expectDeleted(api: ManagementApi, props: ManagementProperties, path: string): Promise<void> {
  const response = await api.call('DELETE', path);
  if (response.ok || response.status === 404) {
    return;
  }
  if (response.status >= 500 && props.VirtualHostPath && (await api.call('GET', props.VirtualHostPath)).status === 404) {
    console.log(`${props.Kind} ${path}: its virtual host is gone, and the object with it (RabbitMQ answered ${response.status})`);
    return;
  }
  const why = await reason(response);
  throw new BrokerCallError(`${props.Kind} ${path}: RabbitMQ refused the delete with ${response.status}: ${why}${hint(props.Kind, response.status, why)}`, response.status);
}

/** An error's message with its causes (fetch reports "fetch failed" and puts the reason in `cause`). */
function causes(e: Error): string {
  const messages: string[] = [];
  // Duck-typed: an aborted fetch rejects with a DOMException, which is an Error of another realm in some runtimes.
  for (let c: unknown = e; typeof c === 'object' && c !== null && 'message' in c && messages.length < 4; c = (c as Error).cause) {
    const { name, message } = c as Error;
    messages.push(name === 'TimeoutError' ? `no answer within the request timeout (${message})` : message);
  }
  return messages.join(': ');
}

/** RabbitMQ's reason for an answer (its JSON `reason`, or the text). */
export async function reason(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const json = JSON.parse(text) as { reason?: string; error?: string };
    return json.reason ?? json.error ?? text;
  } catch {
    return text;
  }
}

/** What to do about the answers RabbitMQ gives for changes it cannot apply in place. */
function hint(kind: string, status: number, why: string): string {
  if (kind === 'queue' && status === 400 && why.includes('inequivalent arg')) {
    return '. RabbitMQ cannot change the type, durability or arguments of an existing queue: declare a new queue '
      + '(another name) and move its consumers, or delete the queue first (its messages go with it).';
  }
  if (kind === 'exchange' && status === 400 && why.includes('inequivalent arg')) {
    return '. RabbitMQ cannot change the type, durability or arguments of an existing exchange: declare a new exchange '
      + '(another name) and move its publishers and bindings, or delete the exchange first (its bindings go with it).';
  }
  if (status === 401) {
    return '. The admin secret does not match the broker\'s admin user.';
  }
  return '';
}

const MARKER = /\{\{secret(-uri)?:(\d+):([A-Za-z0-9_-]+)\}\}/g;

/** Replaces secret markers in every string of the body with the secrets' values, read at deploy time. */
async function withSecrets(body: unknown, arns: string[], deps: ManagementDependencies): Promise<unknown> {
  const values = await Promise.all(arns.map((arn) => deps.secret(arn)));
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(MARKER, (_, uri: string | undefined, index: string, key: string) => {
        const value = values[Number(index)]?.[key];
        if (value === undefined) {
          throw new Error(`secret ${arns[Number(index)]} has no key '${key}'`);
        }
        return uri ? encodeURIComponent(value) : value;
      });
    }
    if (Array.isArray(node)) {
      return node.map(fill);
    }
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    }
    return node;
  };
  return fill(body);
}
