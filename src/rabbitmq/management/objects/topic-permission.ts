import { ObjectDescriptor } from './object-descriptor';
import { patternProblem } from './pattern';
import { isKnown } from '../../../private/rules';

/**
 * Topic permissions of a user on one topic exchange of a virtual host: regular expressions over routing keys, on top
 * of the user's permissions. `{username}`, `{vhost}` and `{client_id}` in a pattern stand for the connection's.
 */
export interface RabbitMqTopicPermissions {
  /** The topic exchange. */
  readonly exchange: string;
  /** Which routing keys the user may publish with. */
  readonly write: string;
  /** Which binding keys the user may bind a queue with (and so consume). */
  readonly read: string;
}

/** A user's topic permissions as the rules see them: the user and the permissions. */
export type TopicPermissionOptions = RabbitMqTopicPermissions & { readonly username: string };

/**
 * A user's topic permissions on an exchange: `PUT /api/topic-permissions/<vhost>/<user>/<exchange>` (the exchange
 * in the path too, so the object's delete removes that exchange's only).
 */
export const TOPIC_PERMISSIONS: ObjectDescriptor<TopicPermissionOptions> = {
  kind: 'topic permissions',
  idPrefix: 'TopicPermissions',
  identity: (_name, { username, exchange }) => JSON.stringify([username, exchange]),
  rules: [{
    id: 'RabbitMqTopicPermissions',
    fact: 'F-AU02',
    summary: 'topic permissions: `write` and `read` compile as PCRE (RabbitMQ refuses the others); the exchange is a topic exchange, when this virtual host declares it or it is predeclared (RabbitMQ stores topic permissions on any exchange and checks them on topic exchanges only: elsewhere they restrict nothing)',
    check: ({ virtualHost, options: p }) => {
      const problems = (['write', 'read'] as const).map((k) => patternProblem(`topic permissions.${k}`, p[k])).filter((x): x is string => x !== undefined);
      const type = isKnown(p.exchange) ? virtualHost?.exchangeTypes[p.exchange] : undefined;
      if (type !== undefined && type !== 'topic') {
        problems.push(`topic permissions of user '${p.username}' on exchange '${p.exchange}' (type ${type}) are not allowed; allowed: a topic exchange (RabbitMQ checks topic permissions on topic exchanges only)`);
      }
      return problems;
    },
  }],
  render: (vhost, _name, p) => ({
    idName: `${p.username}${p.exchange}`,
    pathSegments: ['topic-permissions', vhost, p.username, p.exchange],
    body: { exchange: p.exchange, write: p.write, read: p.read },
    after: [{ kind: 'exchange', name: p.exchange }],
  }),
};
