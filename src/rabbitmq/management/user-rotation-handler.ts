/**
 * The RabbitMQ side of a management user's password rotation (the steps are `rotation-steps.ts`):
 *
 * - setPassword: as the admin, GET the user and PUT it back with the pending password and the tags it has (a user's
 *   limits and permissions are other objects: untouched). A retry PUTs the same password again: it converges.
 * - testPassword: sign in as the user with the pending password over AMQP 0-9-1 (TLS on 5671 on Amazon MQ), to a
 *   virtual host it has permissions in. A user without management tags cannot use the HTTP API, but every user of an
 *   application signs in over AMQP. RabbitMQ checks the password at connection.start-ok (a wrong one is closed with
 *   403 ACCESS_REFUSED) before it looks at the virtual host and the limits at connection.open (530 NOT_ALLOWED): a 530
 *   proves the password too (a user at its connection limit still rotates).
 *
 * No AWS SDK import (Secrets Manager comes through `RotationSecrets`, the AMQP client through `amqpConnect`).
 */
import { managementApi, ManagementDependencies, reason } from './management-handler';
import { PendingVersion, UserPasswordTarget } from '../../broker/rotation/rotation-steps';

/** Where the broker is: the function's environment. */
export interface RabbitMqRotationConfig {
  /** The management API, `https://<broker host>`. */
  readonly managementEndpoint: string;
  /** The AMQP endpoint, `amqps://<broker host>:5671`. */
  readonly amqpEndpoint: string;
  readonly adminSecretArn: string;
}

/** What an AMQP connection needs (amqplib's `connect()` options). */
export interface AmqpConnectOptions {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  readonly vhost: string;
}

export interface RabbitMqRotationDependencies extends Pick<ManagementDependencies, 'secret' | 'fetch' | 'sleep' | 'requestTimeoutMs'> {
  /** Opens an AMQP connection and closes it; rejects with the client's error (amqplib's messages carry the reply code). */
  readonly amqpConnect: (options: AmqpConnectOptions) => Promise<void>;
  readonly log?: (message: string) => void;
}

/** RabbitMQ closed the connection at connection.start-ok: the password was refused (amqplib: `Handshake terminated by server: 403 (ACCESS-REFUSED)`). */
const REFUSED_AT_SIGN_IN = /\b403\b|ACCESS[_-]REFUSED/;
/**
 * RabbitMQ closed the connection at connection.open, which a client sends only after the password was accepted: 530
 * NOT_ALLOWED (no access to the virtual host, a connection limit). amqplib reports it without the code, as
 * `Expected ConnectionOpenOk; got <ConnectionClose channel:0>`.
 */
const CLOSED_AT_OPEN = /\b530\b|NOT[_-]ALLOWED|Expected ConnectionOpenOk; got <ConnectionClose/;

export function rabbitMqUserPasswordTarget(config: RabbitMqRotationConfig, deps: RabbitMqRotationDependencies): UserPasswordTarget {
  const log = deps.log ?? console.log;
  const api = () => managementApi({ Endpoint: config.managementEndpoint, AdminSecretArn: config.adminSecretArn }, deps);
  const userPath = (username: string) => `/api/users/${encodeURIComponent(username)}`;
  return {
    async setPassword(pending: PendingVersion) {
      const admin = api();
      const read = await admin.call('GET', userPath(pending.username));
      if (read.status === 404) {
        // Creating it here would make a user without permissions: the app's user custom resource makes users.
        throw new Error(`user ${pending.username} does not exist on the broker: the rotation sets passwords of existing users only`);
      }
      if (!read.ok) {
        throw new Error(`user ${pending.username} could not be read (RabbitMQ answered ${read.status}: ${await reason(read)})`);
      }
      const user = await read.json() as { tags?: string[] | string };
      const tags = Array.isArray(user.tags) ? user.tags.join(',') : user.tags ?? '';
      const put = await admin.call('PUT', userPath(pending.username), { password: pending.password, tags });
      if (!put.ok) {
        throw new Error(`user ${pending.username}: RabbitMQ refused the new password with ${put.status}: ${await reason(put)}`);
      }
    },

    async testPassword(pending: PendingVersion) {
      const vhost = await virtualHostOf(pending.username);
      const url = new URL(config.amqpEndpoint);
      const protocol = url.protocol.replace(/:$/, '');
      const options = {
        protocol,
        hostname: url.hostname,
        port: Number(url.port || (protocol === 'amqps' ? 5671 : 5672)),
        username: pending.username,
        password: pending.password,
        vhost,
      };
      try {
        await deps.amqpConnect(options);
        log(`testSecret: user ${pending.username} signed in to virtual host '${vhost}' over AMQP with the new password`);
      } catch (e) {
        const message = (e as Error).message ?? String(e);
        if (CLOSED_AT_OPEN.test(message)) {
          log(`testSecret: user ${pending.username} signed in with the new password, then RabbitMQ closed the connection to '${vhost}' at connection.open (530: no access or a connection limit; ${message}): the password is accepted`);
          return;
        }
        if (REFUSED_AT_SIGN_IN.test(message)) {
          throw new Error(`user ${pending.username}: RabbitMQ refused the new password over AMQP (${message}); AWSCURRENT is unchanged`);
        }
        throw new Error(`user ${pending.username}: the AMQP endpoint ${url.host} could not be reached to test the new password: ${message} (does the broker's security group admit the rotation function on ${options.port}?)`);
      }
    },
  };

  /** A virtual host the user has permissions in (any: the sign-in is what is tested); `/` when it has none. */
  async function virtualHostOf(username: string): Promise<string> {
    const response = await api().call('GET', `${userPath(username)}/permissions`);
    if (!response.ok) {
      throw new Error(`the permissions of user ${username} could not be read (RabbitMQ answered ${response.status}: ${await reason(response)})`);
    }
    const permissions = await response.json() as Array<{ vhost: string }>;
    return permissions[0]?.vhost ?? '/';
  }
}
