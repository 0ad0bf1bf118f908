import { CfnResource, Fn, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { canonicalJson } from './canonical-json';
import { RabbitMqManagementObject } from './rabbitmq-management-object';
import {
  RabbitMqBindingOptions, RabbitMqExchangeOptions, RabbitMqFederationUpstreamOptions, RabbitMqPermissions, RabbitMqPolicyApplyTo,
  RabbitMqPolicyOptions, RabbitMqQueueOptions, RabbitMqQueueType, RabbitMqShovelEndpoint, RabbitMqShovelOptions, RabbitMqVirtualHostUserOptions,
} from './rabbitmq-management-options';
import { generateUserSecret } from '../../broker/broker-user-secret';
import { uniqueChildId } from '../../private/child-ids';
import { requireObject, requireProps } from '../../private/required';
import { validateRules } from '../../private/rules';
import type { RabbitMqBroker } from '../rabbitmq-broker';
import { AMAZON_MQ_MONITORING_USER, MANAGEMENT_RULES, ManagementSpec } from '../rules/management';

/** Why a management user's generated secret has no rotation schedule (cdk-nag AwsSolutions-SMG4). */
const MANAGEMENT_USER_ROTATION = 'Amazon MQ has no Secrets Manager rotation function, and a rotation alone does not reach RabbitMQ: the '
  + 'password is set from the secret when the user\'s custom resource is created or updated. After rotating or changing the secret, '
  + 'change the user\'s passwordVersion and deploy.';

/** A user made through the management API. */
export interface RabbitMqVirtualHostUser {
  readonly username: string;
  /** The secret with `username` and `password`, the shape Lambda event sources read. */
  readonly secret: secretsmanager.ISecret;
}

/** Props of a virtual host. */
export interface RabbitMqVirtualHostProps {
  readonly broker: RabbitMqBroker;
  /** The virtual host's name (`/` is the broker's default one, which is never deleted). */
  readonly name: string;
  /** @default - none */
  readonly description?: string;
  /**
   * What happens to the virtual host when it leaves the app or the stack is deleted. Even when it is deleted, a
   * virtual host that still holds queues is kept (deleting it would delete them with their messages); `/` is always kept.
   * @default - the broker's removal policy (retained by default)
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A RabbitMQ virtual host and what lives in it (users' permissions, queues, exchanges, bindings, policies,
 * shovels, federation upstreams), applied through the management API at deploy time. Removing an object from the
 * app deletes it from the broker, except queues, which follow their removal policy (RETAIN by default), and the
 * virtual host, which follows the broker's.
 */
export class RabbitMqVirtualHost extends Construct {
  /** The virtual host's name. */
  public readonly name: string;
  private readonly broker: RabbitMqBroker;
  private readonly vhost: RabbitMqManagementObject;
  /** Names used in this virtual host, per kind, to refuse the same object twice. */
  private readonly used = new Map<string, Set<string>>();
  private queues = 0;
  /** The queues and exchanges declared here, by `<kind>:<name>`, for the bindings that need them first. */
  private readonly declared = new Map<string, RabbitMqManagementObject>();

  constructor(scope: Construct, id: string, props: RabbitMqVirtualHostProps) {
    super(scope, id);
    requireProps(this, props);
    this.broker = props.broker;
    try {
      // Checked on the broker, whose path the user knows; a refused virtual host leaves nothing behind.
      validateRules(props.broker, `RabbitMqBroker.addVirtualHost('${props.name}')`, MANAGEMENT_RULES, {
        kind: 'virtual host', name: props.name, taken: props.broker._hasVirtualHost(props.name),
      });
    } catch (e) {
      scope.node.tryRemoveChild(id);
      throw e;
    }
    props.broker._claimVirtualHost(props.name);
    this.name = props.name;
    const removalPolicy = props.name === '/' ? RemovalPolicy.RETAIN : props.removalPolicy ?? props.broker._removalPolicy;
    this.vhost = new RabbitMqManagementObject(this, 'Resource', {
      broker: props.broker,
      kind: 'virtual host',
      pathSegments: ['vhosts', props.name],
      body: { description: props.description ?? '' },
      removalPolicy: removalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    // Deleting a virtual host deletes its queues, also those the app never declared: the handler looks first.
    (this.vhost.resource.node.defaultChild as CfnResource).addPropertyOverride('KeepIfQueuesIn', `/api/queues/${encodeURIComponent(props.name)}`);
  }

  /** The virtual host's API path. @internal */
  public get _path(): string {
    return this.vhost.path;
  }

  /** The virtual host's own management object, which the objects in it depend on. @internal */
  public get _object(): RabbitMqManagementObject {
    return this.vhost;
  }

  /**
   * Adds a user of the broker with permissions in this virtual host; its password is generated in Secrets
   * Manager unless given. Users are broker-wide: give the same user permissions elsewhere with `grant()`.
   */
  public addUser(username: string, options: RabbitMqVirtualHostUserOptions): RabbitMqVirtualHostUser {
    this.require('addUser', 'options', options, 'an object with at least permissions');
    this.check(`addUser('${username}')`, {
      kind: 'user',
      name: username,
      permissions: options.permissions,
      tags: options.tags,
      reservedUsernames: [AMAZON_MQ_MONITORING_USER, ...this.broker.adminUsername !== undefined ? [this.broker.adminUsername] : []],
    }, !this.broker._claimUser(username));
    const secret = options.password
      ?? generateUserSecret(this, uniqueChildId(this, 'User', `${username}Secret`), username, `Password of RabbitMQ user ${username} of ${this.broker.node.path}`,
        MANAGEMENT_USER_ROTATION);
    const user = new RabbitMqManagementObject(this, uniqueChildId(this, 'User', username), {
      broker: this.broker,
      kind: 'user',
      pathSegments: ['users', username],
      body: { password: '{{secret:0:password}}', tags: (options.tags ?? []).join(',') },
      secrets: [secret],
    });
    if (options.passwordVersion !== undefined) {
      // The handler reads the secret on every Update: a new value here is what makes CloudFormation call it.
      (user.resource.node.defaultChild as CfnResource).addPropertyOverride('PasswordVersion', options.passwordVersion);
    }
    user.node.addDependency(this.vhost);
    this.grantObject({ username, secret }, options.permissions, user);
    return { username, secret };
  }

  /** How many queues this virtual host defines. @internal */
  public get _queueCount(): number {
    return this.queues;
  }

  /** Gives a user of this broker permissions in this virtual host. */
  public grant(user: RabbitMqVirtualHostUser, permissions: RabbitMqPermissions): void {
    this.require('grant', 'user', user, 'a user returned by addUser()');
    this.require('grant', 'permissions', permissions, 'an object with configure, write and read');
    this.check(`grant('${user.username}')`, { kind: 'permission', name: user.username, permissions });
    this.grantObject(user, permissions);
  }

  /** Adds a queue (quorum by default). */
  public addQueue(name: string, options: RabbitMqQueueOptions = {}): void {
    const type = options.type ?? RabbitMqQueueType.QUORUM;
    this.check(`addQueue('${name}')`, { kind: 'queue', name, queue: { ...options, type } });
    const retained = (options.removalPolicy ?? RemovalPolicy.RETAIN) !== RemovalPolicy.DESTROY;
    this.queues++;
    this.child('Queue', name, 'queue', ['queues', this.name, name], {
      durable: options.durable ?? true,
      auto_delete: false,
      arguments: dropUndefined({
        'x-queue-type': type,
        'x-dead-letter-exchange': options.deadLetterExchange,
        'x-dead-letter-routing-key': options.deadLetterRoutingKey,
        'x-delivery-limit': options.deliveryLimit,
        'x-message-ttl': options.messageTtl?.toMilliseconds(),
        'x-max-length': options.maxLength,
        ...options.arguments,
      }),
    }, { removalPolicy: retained ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY });
  }

  /** Adds an exchange. */
  public addExchange(name: string, options: RabbitMqExchangeOptions): void {
    this.require('addExchange', 'options', options, 'an object with at least type');
    this.check(`addExchange('${name}')`, { kind: 'exchange', name, exchangeType: options.type });
    this.child('Exchange', name, 'exchange', ['exchanges', this.name, name], {
      type: options.type,
      durable: options.durable ?? true,
      auto_delete: false,
      internal: options.internal ?? false,
      arguments: options.arguments ?? {},
    });
  }

  /** Binds a queue or an exchange to an exchange. */
  public addBinding(options: RabbitMqBindingOptions): void {
    this.require('addBinding', 'options', options, 'an object with at least source and one destination');
    const [destinationType, destination] = options.destinationQueue !== undefined ? ['q', options.destinationQueue] : ['e', options.destinationExchange ?? ''];
    const key = `${options.source}>${destinationType}:${destination}:${options.routingKey ?? ''}`;
    // RabbitMQ tells bindings apart by their arguments too, whatever the order of their keys.
    const args = options.arguments ?? {};
    const identity = Object.keys(args).length === 0 ? key : `${key}:${canonicalJson(args)}`;
    this.check('addBinding', { kind: 'binding', name: identity, binding: options });
    const binding = this.child('Binding', key, 'binding', ['bindings', this.name, 'e', options.source, destinationType, destination], {
      routing_key: options.routingKey ?? '',
      arguments: args,
    }, { method: 'POST' });
    // Declared after their exchange and queue when those are declared here.
    for (const [kind, name] of [['exchange', options.source], [destinationType === 'q' ? 'queue' : 'exchange', destination]]) {
      const declared = this.declared.get(`${kind}:${name}`);
      if (declared) {
        binding.node.addDependency(declared);
      }
    }
  }

  /** Adds a policy: settings RabbitMQ applies to the queues or exchanges whose names match. */
  public addPolicy(name: string, options: RabbitMqPolicyOptions): void {
    this.require('addPolicy', 'options', options, 'an object with at least pattern and definition');
    this.addAnyPolicy('policies', 'Policy', 'policy', name, options);
  }

  /** Adds an operator policy: limits that apply on top of the policies and that users cannot override. */
  public addOperatorPolicy(name: string, options: RabbitMqPolicyOptions): void {
    this.require('addOperatorPolicy', 'options', options, 'an object with at least pattern and definition');
    this.addAnyPolicy('operator-policies', 'OperatorPolicy', 'operator policy', name, options);
  }

  /** Adds a dynamic shovel (Amazon MQ supports dynamic shovels only). */
  public addShovel(name: string, options: RabbitMqShovelOptions): void {
    this.require('addShovel', 'options', options, 'an object with at least source and destination');
    this.check(`addShovel('${name}')`, { kind: 'shovel', name, shovel: options });
    const secrets = [options.source.credentials, options.destination.credentials].filter((s): s is secretsmanager.ISecret => s !== undefined);
    const end = (prefix: 'src' | 'dest', e: RabbitMqShovelEndpoint) => dropUndefined({
      [`${prefix}-uri`]: shovelUri(e, secrets.indexOf(e.credentials!), this.name),
      [`${prefix}-queue`]: e.queue,
      [`${prefix}-exchange`]: e.exchange,
      [`${prefix}-exchange-key`]: e.exchangeKey,
    });
    this.child('Shovel', name, 'shovel', ['parameters', 'shovel', this.name, name], {
      value: { ...end('src', options.source), ...end('dest', options.destination), 'ack-mode': options.ackMode ?? 'on-confirm' },
    }, { secrets });
  }

  /** Adds a federation upstream: a broker this virtual host federates exchanges or queues from. */
  public addFederationUpstream(name: string, options: RabbitMqFederationUpstreamOptions): void {
    this.require('addFederationUpstream', 'options', options, 'an object with at least uri and credentials');
    this.check(`addFederationUpstream('${name}')`, { kind: 'federation upstream', name, uri: options.uri });
    this.child('FederationUpstream', name, 'federation upstream', ['parameters', 'federation-upstream', this.name, name], {
      value: { ...options.settings, uri: withCredentials(options.uri, 0) },
    }, { secrets: [options.credentials] });
  }

  private addAnyPolicy(collection: string, idPrefix: string, kind: string, name: string, options: RabbitMqPolicyOptions): void {
    const operator = kind === 'operator policy';
    this.check(`add${idPrefix}('${name}')`, {
      kind, name, policy: options, operatorPoliciesAllowed: operator ? this.broker._operatorPoliciesAllowed() : undefined,
    });
    // The broker runs a configuration that allows them before the management API is asked (after its reboot, if any).
    const policy = this.child(idPrefix, name, kind, [collection, this.name, name], {
      'pattern': options.pattern,
      'definition': options.definition,
      'priority': options.priority ?? 0,
      'apply-to': options.applyTo ?? RabbitMqPolicyApplyTo.QUEUES,
    });
    if (operator) {
      const reboot = this.broker._allowOperatorPolicies();
      if (reboot) {
        policy.node.addDependency(reboot);
      }
    }
  }

  private grantObject(user: RabbitMqVirtualHostUser, permissions: RabbitMqPermissions, userObject?: Construct): void {
    const permission = this.child('Permissions', user.username, 'permissions', ['permissions', this.name, user.username], {
      configure: permissions.configure, write: permissions.write, read: permissions.read,
    });
    if (userObject) {
      permission.node.addDependency(userObject);
    }
  }

  private child(idPrefix: string, name: string, kind: string, pathSegments: string[], body: { [key: string]: any },
    options: { method?: string; secrets?: secretsmanager.ISecret[]; removalPolicy?: RemovalPolicy } = {}): RabbitMqManagementObject {
    const object = new RabbitMqManagementObject(this, uniqueChildId(this, idPrefix, name), {
      broker: this.broker, kind, pathSegments, body, virtualHost: this, ...options,
    });
    if (kind === 'queue' || kind === 'exchange') {
      this.declared.set(`${kind}:${name}`, object);
    }
    return object;
  }

  /** A required argument a JavaScript caller omitted: the library's error, not a TypeError. */
  private require(method: string, name: string, value: unknown, allowed: string): void {
    requireObject(this, `RabbitMqVirtualHost.${method}`, name, value, allowed);
  }

  /** Runs the rules on one object before anything of it is created; remembers its name. */
  private check(what: string, spec: Omit<ManagementSpec, 'taken'>, takenElsewhere = false): void {
    const names = this.used.get(spec.kind) ?? new Set<string>();
    validateRules(this, `RabbitMqVirtualHost.${what}`, MANAGEMENT_RULES, {
      engineVersion: this.broker._knownEngineVersion(), ...spec, taken: takenElsewhere || names.has(spec.name),
    });
    names.add(spec.name);
    this.used.set(spec.kind, names);
  }
}

/** A shovel end's URI: this virtual host over the local connection by default, credentials filled in at deploy time. */
function shovelUri(end: RabbitMqShovelEndpoint, secretIndex: number, vhost: string): string {
  if (!end.uri) {
    // The shovel runs inside the broker: `amqp://` is the local node (its default virtual host), `amqp:///<vhost>` another.
    return vhost === '/' ? 'amqp://' : `amqp:///${encodeURIComponent(vhost)}`;
  }
  return secretIndex >= 0 ? withCredentials(end.uri, secretIndex) : end.uri;
}

/** The URI with the secret's credentials after its scheme, filled in at deploy time. */
function withCredentials(uri: string, secretIndex: number): string {
  const credentials = `{{secret-uri:${secretIndex}:username}}:{{secret-uri:${secretIndex}:password}}@`;
  if (Token.isUnresolved(uri)) {
    // Another broker's endpoint (`amqps://b-....amazonaws.com:5671`, maybe with a vhost after it), known only at
    // deploy: CloudFormation puts the credentials after its `://`.
    const parts = Fn.split('://', uri, 2);
    return Fn.join('', [Fn.select(0, parts), '://', credentials, Fn.select(1, parts)]);
  }
  return uri.replace(/^(amqps?:\/\/)/, `$1${credentials}`);
}

function dropUndefined(o: { [key: string]: any }): { [key: string]: any } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
