import { Annotations, CfnResource } from 'aws-cdk-lib';
import { Construct, IDependable } from 'constructs';
import { ManagementHost, managementHostOf } from './management-host';
import type { IRabbitMqBroker } from '../rabbitmq-broker-ref';
import { RabbitMqBindingOptions, BINDING } from './objects/binding';
import { EXCHANGE, PREDECLARED_EXCHANGES, RabbitMqExchangeOptions } from './objects/exchange';
import { FEDERATION_UPSTREAM, RabbitMqFederationUpstreamOptions } from './objects/federation-upstream';
import { limitEntries, USER_LIMIT, VIRTUAL_HOST_LIMIT } from './objects/limit';
import { OBJECT_PROP_KINDS_RULE, OBJECT_RULES, ObjectDescriptor, ObjectSpec } from './objects/object-descriptor';
import { OBJECT_IDENTITY } from './objects/object-kind';
import { PERMISSIONS, RabbitMqPermissions } from './objects/permission';
import { OPERATOR_POLICY, POLICY, RabbitMqPolicyOptions } from './objects/policy';
import { QUEUE, QUEUE_TUNING_POLICY_PRIORITY, queueTuningPolicy, RabbitMqQueueOptions, RabbitMqQueueType } from './objects/queue';
import { RabbitMqShovelOptions, SHOVEL } from './objects/shovel';
import { RabbitMqTopicPermissions, TOPIC_PERMISSIONS } from './objects/topic-permission';
import { RabbitMqVirtualHostUserOptions, USER } from './objects/user';
import { RabbitMqVirtualHostOptions, VIRTUAL_HOST } from './objects/virtual-host';
import { NamedPolicy, TunedQueue, tuningOverlap } from './queue-tuning-overlap';
import { RabbitMqManagementObject } from './rabbitmq-management-object';
import { IRabbitMqVirtualHost } from './rabbitmq-virtual-host-ref';
import { RabbitMqVirtualHostUser } from './rabbitmq-virtual-host-user';
import { generateUserSecret } from '../../broker/broker-user-secret';
import { uniqueChildId } from '../../private/child-ids';
import { requireObject, requireProps } from '../../private/required';
import { validateRules } from '../../private/rules';

/** Why a management user's generated secret has no rotation schedule (cdk-nag AwsSolutions-SMG4). */
const MANAGEMENT_USER_ROTATION = 'Rotation is opt-in: addRotationSingleUser() on the user rotates its password through the RabbitMQ management API '
  + '(README "Password rotation"). A rotation of the secret alone does not reach RabbitMQ: without it, change the user\'s passwordVersion and deploy.';

/** Props of a virtual host. */
export interface RabbitMqVirtualHostProps extends RabbitMqVirtualHostOptions {
  /** The broker: made in this app, or imported with its admin secret. */
  readonly broker: IRabbitMqBroker;
  /** The virtual host's name (`/` is the broker's default one, which is never deleted). */
  readonly name: string;
}

/**
 * A RabbitMQ virtual host and what lives in it (its limits, users' permissions and topic permissions, queues,
 * exchanges, bindings, policies, shovels, federation upstreams), applied through the management API at deploy time.
 * Removing an object from the app deletes it from the broker, except queues, which follow their removal policy
 * (RETAIN by default), and the virtual host, which follows the broker's.
 */
export class RabbitMqVirtualHost extends Construct implements IRabbitMqVirtualHost {
  /**
   * The priority of the policy `addQueue()` makes for a queue's typed tuning (`cdk-amazon-mq-queue-<queue>`): above the
   * priorities broad policies get (usually 0-10; Amazon MQ's default policies have 0 or 1), below what a policy meant
   * to override it can still take.
   */
  public static readonly QUEUE_TUNING_POLICY_PRIORITY: number = QUEUE_TUNING_POLICY_PRIORITY;

  /** The virtual host's name. */
  public readonly name: string;
  private readonly broker: IRabbitMqBroker;
  private readonly host: ManagementHost;
  private readonly vhost: RabbitMqManagementObject;
  /** Names used in this virtual host, per kind, to refuse the same object twice. */
  private readonly used = new Map<string, Set<string>>();
  /** The queues and exchanges declared here, by `<kind>:<name>`, for the bindings that need them first. */
  private readonly declared = new Map<string, RabbitMqManagementObject>();
  /** The type of each exchange declared here and of the predeclared ones, for the rules of bindings and topic permissions. */
  private readonly exchangeTypes: Record<string, string> = { ...PREDECLARED_EXCHANGES };
  private readonly maxQueues?: number;
  /** The policies `addPolicy()` added, and the queues with a tuning policy: to warn where one hides the other. */
  private readonly policies: NamedPolicy[] = [];
  private readonly tunedQueues: Array<TunedQueue & { readonly object: RabbitMqManagementObject }> = [];

  constructor(scope: Construct, id: string, props: RabbitMqVirtualHostProps) {
    super(scope, id);
    requireProps(this, props);
    try {
      this.host = managementHostOf(props.broker, props.broker);
      this.host.checkAccess();
      // Checked on the broker, whose path the user knows; a refused virtual host leaves nothing behind.
      validateRules(props.broker, `RabbitMqBroker.addVirtualHost('${props.name}')`, [...OBJECT_RULES, ...VIRTUAL_HOST.rules],
        this.spec(VIRTUAL_HOST, props.name, props, this.host.hasVirtualHost(props.name)));
    } catch (e) {
      scope.node.tryRemoveChild(id);
      throw e;
    }
    this.broker = props.broker;
    this.name = props.name;
    this.host.addVirtualHost(this);
    this.vhost = this.create(VIRTUAL_HOST, props.name, { ...props, removalPolicy: props.removalPolicy ?? this.host.removalPolicy }, 'Resource');
    this.maxQueues = props.limits?.maxQueues;
    // Checked with the virtual host (RabbitMqLimits): one object per limit, applied after it.
    for (const [limit, value] of limitEntries(props.limits)) {
      this.create(VIRTUAL_HOST_LIMIT, limit, { value });
    }
  }

  /** How many queues this virtual host defines. @internal */
  public get _queueCount(): number {
    return [...this.declared.keys()].filter((k) => k.startsWith('queue:')).length;
  }

  /**
   * Adds a user of the broker with permissions in this virtual host; its password is generated in Secrets
   * Manager unless given. Users are broker-wide: give the same user permissions elsewhere with `grant()`. Rotate its
   * password with `addRotationSingleUser()` on the user returned.
   */
  public addUser(username: string, options: RabbitMqVirtualHostUserOptions): RabbitMqVirtualHostUser {
    this.check('addUser', USER, username, options, !this.host.claimUser(username));
    const secret = options.password ?? generateUserSecret(this, uniqueChildId(this, 'User', `${username}Secret`), username,
      `Password of RabbitMQ user ${username} of ${this.broker.node.path}`, MANAGEMENT_USER_ROTATION);
    const user = this.create(USER, username, { ...options, secret });
    this.host.addUserObject(username, user);
    // Checked with the user (RabbitMqLimits): one object per limit, applied after the user.
    for (const [limit, value] of limitEntries(options.limits)) {
      this.create(USER_LIMIT, limit, { username, value }).node.addDependency(user);
    }
    this.add('addUser', PERMISSIONS, username, { permissions: options.permissions }, [user]);
    return RabbitMqVirtualHostUser._create(this, this.host, username, secret, user);
  }

  /** Gives a user of this broker permissions in this virtual host. */
  public grant(user: RabbitMqVirtualHostUser, permissions: RabbitMqPermissions): void {
    this.require('grant', 'user', user, 'a user returned by addUser()');
    this.require('grant', 'permissions', permissions, 'an object with configure, write and read');
    this.add('grant', PERMISSIONS, user.username, { permissions });
  }

  /**
   * Gives a user of this broker topic permissions on a topic exchange of this virtual host: which routing keys it may
   * publish with and bind with, on top of its permissions (RabbitMQ checks them on topic exchanges only).
   */
  public grantTopic(user: RabbitMqVirtualHostUser, permissions: RabbitMqTopicPermissions): void {
    this.require('grantTopic', 'user', user, 'a user returned by addUser()');
    this.require('grantTopic', 'permissions', permissions, 'an object with exchange, write and read');
    this.add('grantTopic', TOPIC_PERMISSIONS, user.username, { ...permissions, username: user.username }, [this.host.userObject(user.username)].filter((u) => u !== undefined));
  }

  /**
   * Adds a queue (quorum by default). With any typed tuning (`messageTtl`, `maxLength`, `deliveryLimit`,
   * `deadLetterExchange`, `deadLetterRoutingKey`), also its tuning policy: `cdk-amazon-mq-queue-<name>`, pattern
   * `^<name, escaped>$`, apply-to queues, priority `QUEUE_TUNING_POLICY_PRIORITY` (1000), applied after the queue. A
   * change of the tuning updates that policy in place, messages kept; `arguments` stay fixed at declare time.
   * RabbitMQ applies one policy per queue, the highest-priority one: a policy of yours that matches the queue no
   * longer applies to it (a warning says which keys are lost), and one of priority 1000 or more may hide the tuning
   * (a warning too). Operator policies still apply on top.
   */
  public addQueue(name: string, options: RabbitMqQueueOptions = {}): void {
    const queue = { ...options, type: options.type ?? RabbitMqQueueType.QUORUM };
    const claims = [this.validate('addQueue', QUEUE, name, queue)];
    // The queue's rules pass first: its tuning is then valid, and the policy's rules find only a name taken.
    const tuning = queueTuningPolicy(name, queue);
    if (tuning) {
      claims.push(this.validate('addQueue', POLICY, tuning.name, tuning.options, false, name));
    }
    claims.forEach((claim) => claim());
    const object = this.create(QUEUE, name, queue);
    if (tuning) {
      const policy = this.create(POLICY, tuning.name, tuning.options);
      policy.node.addDependency(object);
      const tuned = { queue: name, type: queue.type, tuning, object: policy };
      this.tunedQueues.push(tuned);
      this.policies.forEach((p) => this.warnOverlap(tuned, p));
    }
  }

  /** Adds an exchange. */
  public addExchange(name: string, options: RabbitMqExchangeOptions): void {
    this.add('addExchange', EXCHANGE, name, options);
  }

  /** Binds a queue or an exchange to an exchange. */
  public addBinding(options: RabbitMqBindingOptions): void {
    this.add('addBinding', BINDING, undefined, options);
  }

  /** Adds a policy: settings RabbitMQ applies to the queues or exchanges whose names match. */
  public addPolicy(name: string, options: RabbitMqPolicyOptions): void {
    this.add('addPolicy', POLICY, name, options);
    const policy = { name, options };
    this.policies.push(policy);
    this.tunedQueues.forEach((tuned) => this.warnOverlap(tuned, policy));
  }

  /** Adds an operator policy: limits that apply on top of the policies and that users cannot override. */
  public addOperatorPolicy(name: string, options: RabbitMqPolicyOptions): void {
    // The broker runs a configuration that allows them before the management API is asked (after its reboot, if any).
    this.add('addOperatorPolicy', OPERATOR_POLICY, name, options, [], () => this.host.allowOperatorPolicies());
  }

  /** Adds a dynamic shovel (Amazon MQ supports dynamic shovels only). */
  public addShovel(name: string, options: RabbitMqShovelOptions): void {
    this.add('addShovel', SHOVEL, name, options);
  }

  /** Adds a federation upstream: a broker this virtual host federates exchanges or queues from. */
  public addFederationUpstream(name: string, options: RabbitMqFederationUpstreamOptions): void {
    this.add('addFederationUpstream', FEDERATION_UPSTREAM, name, options);
  }

  /**
   * One object of a type: its rules, then its management object. `after` are objects it needs first; `prepare` runs
   * once the rules pass and returns what the object must also wait for.
   */
  private add<O>(method: string, descriptor: ObjectDescriptor<O>, name: string | undefined, options: O, after: IDependable[] = [],
    prepare?: () => IDependable | undefined): RabbitMqManagementObject {
    this.check(method, descriptor, name, options);
    const object = this.create(descriptor, name ?? '', options);
    for (const dependency of [...after, prepare?.()]) {
      if (dependency) {
        object.node.addDependency(dependency);
      }
    }
    return object;
  }

  /** Runs the object's rules before anything of it is created, and remembers what it is unique by. */
  private check<O>(method: string, descriptor: ObjectDescriptor<O>, name: string | undefined, options: O, takenElsewhere = false): void {
    this.validate(method, descriptor, name, options, takenElsewhere)();
  }

  /**
   * Runs the object's rules; returns what remembers its identity, for a call that checks several objects before it
   * claims any. `labelName` is the name the error's label shows (the queue, for its tuning policy).
   */
  private validate<O>(method: string, descriptor: ObjectDescriptor<O>, name: string | undefined, options: O, takenElsewhere = false,
    labelName = name): () => void {
    if (descriptor.requiredOptions) {
      this.require(method, 'options', options, descriptor.requiredOptions);
    }
    const label = `RabbitMqVirtualHost.${method}${labelName === undefined ? '' : `('${labelName}')`}`;
    if (descriptor.propKinds) {
      validateRules(this, label, [OBJECT_PROP_KINDS_RULE], descriptor.propKinds(options));
    }
    const identity = descriptor.identity?.(name ?? '', options) ?? name ?? '';
    const names = this.used.get(descriptor.kind) ?? new Set<string>();
    validateRules(this, label, [...OBJECT_RULES, ...descriptor.rules],
      this.spec(descriptor, identity, options, takenElsewhere || names.has(identity)));
    return () => {
      names.add(identity);
      this.used.set(descriptor.kind, names);
    };
  }

  /** Warns, on the tuning policy, when a policy of the app matches the tuned queue (RabbitMQ applies only one). */
  private warnOverlap(tuned: TunedQueue & { readonly object: RabbitMqManagementObject }, policy: NamedPolicy): void {
    const warning = tuningOverlap(tuned, policy);
    if (warning) {
      Annotations.of(tuned.object).addWarningV2(warning.id, warning.message);
    }
  }

  private spec<O>(descriptor: ObjectDescriptor<O>, name: string, options: O, taken: boolean): ObjectSpec<O> {
    const virtualHost = { queueCount: this._queueCount, maxQueues: this.maxQueues, exchangeTypes: this.exchangeTypes };
    return { kind: descriptor.kind, name, taken, options, broker: this.host.facts(), virtualHost };
  }

  /** The object's management object, after the objects of this virtual host it needs. */
  private create<O>(descriptor: ObjectDescriptor<O>, name: string, options: O, id?: string): RabbitMqManagementObject {
    const rendering = descriptor.render(this.name, name, options);
    const object = new RabbitMqManagementObject(this, id ?? uniqueChildId(this, descriptor.idPrefix, rendering.idName ?? name), {
      broker: this.broker,
      kind: descriptor.kind,
      pathSegments: rendering.pathSegments,
      body: rendering.body,
      method: OBJECT_IDENTITY[descriptor.kind] === 'binding' ? 'POST' : 'PUT',
      secrets: rendering.secrets,
      removalPolicy: rendering.removalPolicy,
      virtualHost: descriptor.brokerWide ? undefined : this,
    });
    if (descriptor.brokerWide && this.vhost) {
      object.node.addDependency(this.vhost);
    }
    for (const [key, value] of Object.entries(rendering.properties ?? {})) {
      (object.resource.node.defaultChild as CfnResource).addPropertyOverride(key, value);
    }
    for (const needed of rendering.after ?? []) {
      const declared = this.declared.get(`${needed.kind}:${needed.name}`);
      if (declared) {
        object.node.addDependency(declared);
      }
    }
    if (descriptor.kind === 'queue' || descriptor.kind === 'exchange') {
      this.declared.set(`${descriptor.kind}:${name}`, object);
    }
    if (descriptor.kind === 'exchange') {
      this.exchangeTypes[name] = (options as RabbitMqExchangeOptions).type;
    }
    return object;
  }

  /** A required argument a JavaScript caller omitted: the library's error, not a TypeError. */
  private require(method: string, name: string, value: unknown, allowed: string): void {
    requireObject(this, `RabbitMqVirtualHost.${method}`, name, value, allowed);
  }
}
