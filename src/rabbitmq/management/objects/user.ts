import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AMAZON_MQ_MONITORING_USER } from './amazon-mq-owned';
import { LIMITS_RULE, RabbitMqUserLimits } from './limit';
import { ObjectDescriptor } from './object-descriptor';
import { PERMISSION_PATTERNS_RULE, RabbitMqPermissions } from './permission';
import { hasMethods, isObject } from '../../../private/prop-kinds';
import { isKnown } from '../../../private/rules';

/** The user tags RabbitMQ gives a meaning (any other tag grants nothing). */
export enum RabbitMqUserTag {
  /** Everything the management API allows, users and permissions included. */
  ADMINISTRATOR = 'administrator',
  /** The management UI and API for the user's own virtual hosts, plus node-wide metrics. */
  MONITORING = 'monitoring',
  /** Policies and parameters in the user's virtual hosts. */
  POLICYMAKER = 'policymaker',
  /** The management UI and API for the user's own virtual hosts. */
  MANAGEMENT = 'management',
  /** May forge the user-id message property. */
  IMPERSONATOR = 'impersonator',
}

/** A user of the broker, made through the management API, with permissions in a virtual host. */
export interface RabbitMqVirtualHostUserOptions {
  /**
   * The user's password: a secret with a `password` key (and `username`, for Lambda event sources).
   * @default - a generated secret `{"username", "password"}`
   */
  readonly password?: secretsmanager.ISecret;
  /**
   * Any value; change it after rotating or changing the secret's value, and the next deploy sets the broker
   * user's password from the secret's current value (the custom resource holds only the secret's ARN, so
   * CloudFormation sees no change otherwise). For example, the secret's version ID or a date.
   * @default - the password is set when the user is created, or when `password` names another secret
   */
  readonly passwordVersion?: string;
  /**
   * RabbitMQ user tags, a set: the values of `RabbitMqUserTag` (such as `RabbitMqUserTag.MANAGEMENT`), one per entry,
   * each once.
   * @default - none
   */
  readonly tags?: string[];
  /** Connection and channel limits of the user, across the broker. @default - none */
  readonly limits?: RabbitMqUserLimits;
  /** The user's permissions in this virtual host. */
  readonly permissions: RabbitMqPermissions;
}

const USER_TAGS: string[] = Object.values(RabbitMqUserTag);

/** A user (`PUT /api/users/<name>`), its password read from `secret` at deploy time; its permissions are their own object. */
export const USER: ObjectDescriptor<RabbitMqVirtualHostUserOptions & { readonly secret?: secretsmanager.ISecret }> = {
  kind: 'user',
  idPrefix: 'User',
  brokerWide: true,
  requiredOptions: 'an object with at least permissions',
  propKinds: (o) => [
    { property: 'permissions', value: o.permissions, allowed: 'an object { configure, write, read } of regular expressions', isValid: isObject },
    { property: 'tags', value: o.tags, allowed: 'an array of RabbitMqUserTag values', isValid: Array.isArray, optional: true },
    { property: 'password', value: o.password, allowed: 'a secretsmanager.ISecret', isValid: hasMethods('grantRead'), optional: true },
  ],
  rules: [
    PERMISSION_PATTERNS_RULE,
    {
      id: 'RabbitMqReservedUser',
      fact: 'F-AU02',
      summary: 'addUser() takes neither the admin user name nor Amazon MQ\'s monitoring-AWS-OWNED-DO-NOT-DELETE',
      check: (s) => isKnown(s.name) && s.broker.reservedUsernames.includes(s.name)
        ? `user name '${s.name}' is not allowed: it is ${s.name === AMAZON_MQ_MONITORING_USER ? 'Amazon MQ\'s own user' : 'the broker\'s admin user'}, and redefining it resets its password and tags (the management API then refuses every later call); allowed: another name`
        : undefined,
    },
    {
      id: 'RabbitMqUserTags',
      fact: 'F-AU02',
      summary: 'user tags: administrator, monitoring, policymaker, management or impersonator, one per entry (RabbitMQ splits a tag at commas: \'management,administrator\' would grant administrator), each once (RabbitMQ keeps both copies of a repeated tag)',
      check: (s) => (s.options.tags ?? []).map((t, i, tags) => !isKnown(t) ? undefined : !USER_TAGS.includes(t)
        ? `user '${s.name}' tag '${t}' is not allowed; allowed: one of ${USER_TAGS.join(', ')} per entry (RabbitMQ stores any other tag and it grants nothing; commas split it into several)`
        : tags.indexOf(t) !== i ? `user '${s.name}' tag '${t}' is given twice; allowed: each tag once (the tags are a set)` : undefined)
        .filter((p): p is string => p !== undefined),
    },
    LIMITS_RULE,
  ],
  render: (_vhost, username, options) => ({
    pathSegments: ['users', username],
    body: { password: '{{secret:0:password}}', tags: (options.tags ?? []).join(',') },
    secrets: [options.secret ?? options.password!],
    // The handler reads the secret on every Update: a new value here is what makes CloudFormation call it.
    properties: options.passwordVersion !== undefined ? { PasswordVersion: options.passwordVersion } : undefined,
  }),
};
