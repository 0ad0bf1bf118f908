import { RemovalPolicy } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { RabbitMqObjectKind } from './object-kind';
import { PropKind, propKindRule } from '../../../private/prop-kinds';
import { isKnown, Rule } from '../../../private/rules';
import type { ManagementProperties } from '../management-handler';

/**
 * One type of object inside a RabbitMQ broker, as data (the messaging topology operator's shape: one type per file):
 * its kind, its rules, and how it is applied through the management API. The virtual host runs every descriptor the
 * same way: rules first (nothing is created when one fails), then one management object.
 */
export interface ObjectDescriptor<O> {
  readonly kind: RabbitMqObjectKind;
  /** The construct ID's prefix (`Queue` + the name): IDs are logical IDs, so never change one. */
  readonly idPrefix: string;
  /**
   * Whether the object lives outside any virtual host (users, virtual hosts): it is applied after the virtual host
   * that defines it, but does not go when that virtual host goes.
   */
  readonly brokerWide?: boolean;
  /** What a JavaScript caller must pass as options, when they are required (jsii callers always do). */
  readonly requiredOptions?: string;
  /** What the object is unique by in its scope. @default its name */
  readonly identity?: (name: string, options: O) => string;
  /**
   * The kinds of the options JavaScript callers can get wrong, checked before any rule reads them
   * (`OBJECT_PROP_KINDS_RULE`). @default - none checked
   */
  readonly propKinds?: (options: O) => PropKind[];
  /** The rules of this type, after the ones every object has (`OBJECT_RULES`). */
  readonly rules: ReadonlyArray<Rule<ObjectSpec<O>>>;
  /** The API path and body of the object `name` in the virtual host `vhost`. */
  readonly render: (vhost: string, name: string, options: O) => ObjectRendering;
}

/** What the rules see of one object: its kind, name and options, and the facts of its broker. */
export interface ObjectSpec<O> {
  readonly kind: RabbitMqObjectKind;
  /** The object's name (a binding's: its identity). */
  readonly name: string;
  /** Whether the scope (the virtual host, or the broker for users and virtual hosts) already has this object. */
  readonly taken: boolean;
  readonly options: O;
  readonly broker: ManagedBrokerFacts;
  /** What the virtual host the object is added through declares so far. @default - nothing known */
  readonly virtualHost?: VirtualHostFacts;
}

/** What the rules know of the virtual host an object is added through, as the app has declared it so far. */
export interface VirtualHostFacts {
  /** The queues it declares. */
  readonly queueCount: number;
  /** Its `limits.maxQueues`. @default - no limit */
  readonly maxQueues?: number;
  /** The type of each exchange it declares, and of those every virtual host has (`amq.*`, the default exchange ''). */
  readonly exchangeTypes: Readonly<Record<string, string>>;
}

/** What the rules know of the broker the object goes to. */
export interface ManagedBrokerFacts {
  /** The broker's RabbitMQ version, for version-gated keys. @default - not checked (an imported broker) */
  readonly engineVersion?: string;
  /** User names the management API must not redefine: the broker's admin and Amazon MQ's own user. */
  readonly reservedUsernames: string[];
  /**
   * Whether the broker's configuration lets the management API edit operator policies (`undefined` when it cannot
   * be known, e.g. an imported configuration or broker).
   */
  readonly operatorPoliciesAllowed?: boolean;
}

/** How one object is applied. */
export interface ObjectRendering {
  /** The path under `/api/`, as segments (each is URI-encoded by the management object). */
  readonly pathSegments: string[];
  readonly body: { [key: string]: any };
  /** The name in the construct ID, when not the object's name (a binding's ends). */
  readonly idName?: string;
  /** Secrets the body's `{{secret:<i>:<key>}}` markers index into. */
  readonly secrets?: secretsmanager.ISecret[];
  /** @default RemovalPolicy.DESTROY */
  readonly removalPolicy?: RemovalPolicy;
  /** Custom resource properties beside the path and body, which only some kinds have. */
  readonly properties?: Pick<ManagementProperties, 'KeepIfQueuesIn' | 'PasswordVersion' | 'DeleteIfEmpty' | 'DeleteIfUnused'>;
  /** Objects of this virtual host that must exist first, when the app declares them. */
  readonly after?: ReadonlyArray<{ readonly kind: RabbitMqObjectKind; readonly name: string }>;
}

/** RabbitMQ names are at most 255 bytes of UTF-8 (AMQP short strings). */
const MAX_NAME_BYTES = 255;

/** The rules every object has. */
/** The kinds of an object's options, before any other rule reads them: a wrong kind fails naming the option. */
export const OBJECT_PROP_KINDS_RULE: Rule<PropKind[]> = propKindRule('RabbitMqObjectPropKinds',
  'the options of addUser(), addQueue(), ... are of the kinds their types say (for JavaScript callers): a Duration, a number, an object',
  (kinds) => kinds);

export const OBJECT_RULES: ReadonlyArray<Rule<ObjectSpec<unknown>>> = [
  {
    id: 'RabbitMqObjectName',
    fact: 'F-AU02',
    summary: 'virtual host, user, queue, exchange, policy, shovel names: known at synth (not tokens), 1-255 bytes, no control characters, not `.` or `..`; `amq.` is reserved for queues and exchanges; no user `guest`',
    check: (s) => {
      // Their names are another object's (a user's, a limit's key), checked there.
      if (['binding', 'permissions', 'topic permissions', 'virtual host limit', 'user limit'].includes(s.kind)) {
        return undefined;
      }
      if (!isKnown(s.name)) {
        // Names are construct IDs and API paths, both fixed at synth.
        return `${s.kind} name '${s.name}' is a token (a value known only at deploy time); allowed: a name known at synth, as a plain string`;
      }
      const bytes = Buffer.byteLength(s.name, 'utf-8');
      if (bytes === 0 || bytes > MAX_NAME_BYTES || /[\u0000-\u001f\u007f]/.test(s.name)) {
        return `${s.kind} name '${s.name}' is not allowed; allowed: 1-${MAX_NAME_BYTES} bytes of UTF-8 without control characters`;
      }
      if (s.name === '.' || s.name === '..') {
        return `${s.kind} name '${s.name}' is not allowed; allowed: any other name (a URL resolves '${s.name}' away, and RabbitMQ answers the call with 405)`;
      }
      if ((s.kind === 'queue' || s.kind === 'exchange') && s.name.startsWith('amq.')) {
        return `${s.kind} name '${s.name}' is not allowed; allowed: a name not starting with 'amq.' (reserved by RabbitMQ)`;
      }
      if (s.kind === 'user' && s.name === 'guest') {
        return 'user name \'guest\' is not allowed; allowed: any other name (Amazon MQ refuses guest)';
      }
      return undefined;
    },
  },
  {
    id: 'RabbitMqObjectUnique',
    fact: 'F-AU02',
    summary: 'each object once per virtual host, each user once per broker (grant() gives a user permissions in another virtual host)',
    check: (s) => {
      if (!s.taken) {
        return undefined;
      }
      if (s.kind === 'permissions') {
        return `permissions of user '${s.name}' are already defined in this virtual host; allowed: one addUser() or grant() per user and virtual host`;
      }
      if (s.kind === 'topic permissions') {
        const [user, exchange] = JSON.parse(s.name) as [string, string];
        return `topic permissions of user '${user}' on exchange '${exchange}' are already defined in this virtual host; allowed: one grantTopic() per user, exchange and virtual host`;
      }
      const where = { 'user': 'on this broker (users are broker-wide)', 'virtual host': 'on this broker' }[s.kind as string] ?? 'in this virtual host';
      return `${s.kind} '${s.name}' is already defined ${where}; allowed: each ${s.kind} once${s.kind === 'user' ? ', and grant() for its permissions in other virtual hosts' : ''}`;
    },
  },
];

/** The object without its undefined entries (absent arguments are not sent). */
export function dropUndefined(o: { [key: string]: any }): { [key: string]: any } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
