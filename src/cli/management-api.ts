/**
 * Reads (GET only) a RabbitMQ management API as the broker's admin: the check never changes the broker.
 * Failures are CheckErrors without the credentials.
 */
import { CheckError } from './broker-check';
import type { AdminCredentials } from './deployed-stack';

/** An answer of the management API: the status, and the JSON body of a 200. */
export interface ManagementAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/** GETs a path of the management API (`/api/...`, segments URI-encoded). */
export type ManagementRead = (path: string) => Promise<ManagementAnswer>;

/** How long one call may take: a silent broker must not hold a pipeline. */
const REQUEST_TIMEOUT_MS = 20_000;

export function managementReader(baseUrl: string, admin: AdminCredentials, doFetch: typeof fetch = fetch): ManagementRead {
  const base = baseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;
  return async (path) => {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { headers: { authorization }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (e) {
      const cause = (e as Error & { cause?: Error }).cause;
      throw new CheckError(`RabbitMQ management API at ${base} unreachable: ${(e as Error).message}${cause ? `: ${cause.message}` : ''} `
        + '(does this machine have a network path to the broker on 443? Give --management-url to use another address)');
    }
    if (response.status === 401) {
      throw new CheckError(`RabbitMQ management API at ${base}: the admin credentials were refused (401): the admin secret does not match the broker's admin user`);
    }
    if (response.status === 200) {
      return { status: 200, body: await response.json() };
    }
    if (response.status >= 500) {
      throw new CheckError(`RabbitMQ management API at ${base}: GET ${path} answered ${response.status}`);
    }
    return { status: response.status };
  };
}
