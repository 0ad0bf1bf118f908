import * as net from 'net';

/** A STOMP 1.2 frame. */
export interface StompFrame {
  readonly command: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * A minimal STOMP 1.2 client over TCP for the real-engine tests: frames in, frames out, nothing hidden. Frames the
 * broker sends are queued; `next()` waits for the next one that matches.
 */
export class StompClient {
  /** Connects and authenticates; rejects with the broker's ERROR message when refused. */
  public static async connect(port: number, login: string, passcode: string): Promise<StompClient> {
    const client = new StompClient(net.connect(port, '127.0.0.1'));
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', resolve);
      client.socket.once('error', reject);
    });
    client.send('CONNECT', { 'accept-version': '1.2', 'host': 'localhost', login, passcode, 'heart-beat': '0,0' });
    const reply = await client.next((f) => f.command === 'CONNECTED' || f.command === 'ERROR');
    if (reply.command === 'ERROR') {
      client.close();
      throw new Error(reply.headers.message ?? reply.body);
    }
    return client;
  }

  private readonly frames: StompFrame[] = [];
  private readonly waiters: Array<() => void> = [];
  private buffer = '';
  private receipts = 0;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf-8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const raw = this.buffer.slice(0, end).replace(/^[\r\n]+/, '');
        this.buffer = this.buffer.slice(end + 1);
        if (raw.length > 0) {
          this.frames.push(parse(raw));
        }
      }
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  public send(command: string, headers: Record<string, string>, body = ''): void {
    const head = Object.entries(headers).map(([k, v]) => `${k}:${v}`).join('\n');
    this.socket.write(`${command}\n${head}\n\n${body}\0`);
  }

  /** Sends a frame with a receipt request and resolves with RECEIPT or rejects with the broker's ERROR. */
  public async request(command: string, headers: Record<string, string>, body = ''): Promise<void> {
    const receipt = `r-${++this.receipts}`;
    this.send(command, { ...headers, receipt }, body);
    const reply = await this.next((f) => (f.command === 'RECEIPT' && f.headers['receipt-id'] === receipt) || f.command === 'ERROR');
    if (reply.command === 'ERROR') {
      throw new Error(reply.headers.message ?? reply.body);
    }
  }

  /** Resolves with the next queued frame that matches, within `timeoutMs`. */
  public async next(match: (f: StompFrame) => boolean = () => true, timeoutMs = 10_000): Promise<StompFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.frames.findIndex(match);
      if (i >= 0) {
        return this.frames.splice(i, 1)[0];
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no matching STOMP frame within ${timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * The bodies of the next `count` messages of a subscription (waiting as long as `next` does), then of any that
   * arrive within `quietMs` more: a too-long list means a message went where it should not.
   */
  public async bodies(subscription: string, count: number, quietMs = 500): Promise<string[]> {
    const bodies: string[] = [];
    for (let i = 0; i < count; i++) {
      bodies.push((await this.next((f) => f.command === 'MESSAGE' && f.headers.subscription === subscription)).body);
    }
    bodies.push(...(await this.drain(subscription, quietMs)).map((f) => f.body));
    return bodies.sort();
  }

  /** The MESSAGE frames of a subscription received within `ms` (for "nothing arrives" checks). */
  public async drain(subscription: string, ms: number): Promise<StompFrame[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const out = this.frames.filter((f) => f.command === 'MESSAGE' && f.headers.subscription === subscription);
    out.forEach((f) => this.frames.splice(this.frames.indexOf(f), 1));
    return out;
  }

  public close(): void {
    this.socket.destroy();
  }
}

function parse(raw: string): StompFrame {
  const split = raw.indexOf('\n\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const [command, ...lines] = head.split('\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    // STOMP keeps the first occurrence of a repeated header.
    if (i > 0 && !(line.slice(0, i) in headers)) {
      headers[line.slice(0, i)] = line.slice(i + 1).replace(/\\c/g, ':').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
    }
  }
  return { command: command.trim(), headers, body: split >= 0 ? raw.slice(split + 2) : '' };
}
