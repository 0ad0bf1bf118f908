import { ObjectDescriptor } from './object-descriptor';
import { patternProblem } from './pattern';
import { Rule } from '../../../private/rules';

/** Permissions of a user in a virtual host: regular expressions over resource names (`.*` = all, `^$` = none). */
export interface RabbitMqPermissions {
  /** Which resources the user may declare and delete. */
  readonly configure: string;
  /** Which resources the user may publish to (exchanges) or bind. */
  readonly write: string;
  /** Which resources the user may consume from or bind from. */
  readonly read: string;
}

/** The patterns of a user's permissions, for `addUser()` and `grant()`. */
export const PERMISSION_PATTERNS_RULE: Rule<{ readonly options: { readonly permissions?: RabbitMqPermissions } }> = {
  id: 'RabbitMqPermissionPatterns',
  fact: 'F-AU02',
  summary: 'permissions: configure, write and read are regular expressions that compile',
  check: ({ options: { permissions } }) => permissions && (['configure', 'write', 'read'] as const)
    .map((k) => patternProblem(`permissions.${k}`, permissions[k])).filter((p): p is string => p !== undefined),
};

/** A user's permissions in a virtual host: `PUT /api/permissions/<vhost>/<user>`. */
export const PERMISSIONS: ObjectDescriptor<{ readonly permissions: RabbitMqPermissions }> = {
  kind: 'permissions',
  idPrefix: 'Permissions',
  rules: [PERMISSION_PATTERNS_RULE],
  render: (vhost, username, { permissions }) => ({
    pathSegments: ['permissions', vhost, username],
    body: { configure: permissions.configure, write: permissions.write, read: permissions.read },
  }),
};
