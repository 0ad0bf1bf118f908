/**
 * A management API call that failed: with RabbitMQ's answer (`status`), or with none (`status` undefined: the broker
 * was unreachable on every attempt). A Delete tells a broker that is gone (it succeeds) from one that refuses (it
 * fails) by these fields, never by the message's text.
 */
export class BrokerCallError extends Error {
  constructor(
    message: string,
    /** RabbitMQ's HTTP status; undefined when no attempt got an answer. */
    public readonly status?: number,
    /** `ENOTFOUND` or `EAI_AGAIN` when no attempt could resolve the endpoint's name. */
    public readonly dnsCode?: string,
  ) {
    super(message);
  }
}

/** The resolver's error codes that mean "this name has no address" (NXDOMAIN) or "could not be resolved now". */
const DNS_CODES = ['ENOTFOUND', 'EAI_AGAIN'];

/** `ENOTFOUND`/`EAI_AGAIN` when the error (fetch's, or one of its causes) is a failed name resolution. */
export function dnsFailureCode(e: unknown): string | undefined {
  for (let c: unknown = e, depth = 0; typeof c === 'object' && c !== null && depth < 5; c = (c as Error).cause, depth++) {
    const { code, message } = c as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && DNS_CODES.includes(code)) {
      return code;
    }
    const named = typeof message === 'string' ? DNS_CODES.find((d) => new RegExp(`\\bgetaddrinfo ${d}\\b`).test(message)) : undefined;
    if (named) {
      return named;
    }
  }
  return undefined;
}
