import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { ObjectDescriptor } from './object-descriptor';
import { REMOTE_ENDS_RULE, withCredentials } from './remote-uri';

/** A federation upstream (another broker this virtual host federates from). */
export interface RabbitMqFederationUpstreamOptions {
  /** The upstream broker, as `amqps://host:5671/vhost` without credentials. */
  readonly uri: string;
  /** The user name and password to connect with (keys `username`, `password`), read at deploy time. */
  readonly credentials: secretsmanager.ISecret;
  /** Other upstream settings, such as `expires` or `max-hops`. @default - none */
  readonly settings?: { [key: string]: any };
}

/** A federation upstream: `PUT /api/parameters/federation-upstream/<vhost>/<name>`, credentials read at deploy time. */
export const FEDERATION_UPSTREAM: ObjectDescriptor<RabbitMqFederationUpstreamOptions> = {
  kind: 'federation upstream',
  idPrefix: 'FederationUpstream',
  requiredOptions: 'an object with at least uri and credentials',
  rules: [REMOTE_ENDS_RULE],
  render: (vhost, name, options) => ({
    pathSegments: ['parameters', 'federation-upstream', vhost, name],
    body: { value: { ...options.settings, uri: withCredentials(options.uri, 0) } },
    secrets: [options.credentials],
  }),
};
