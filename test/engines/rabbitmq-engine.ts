import { ChildProcess, execFile, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './activemq-engine';

const RABBITMQ_BIN = '/usr/lib/rabbitmq/bin';

/** The `rabbitmq.conf` keys the installed RabbitMQ knows: the mappings of its cuttlefish schemas. */
export function knownRabbitMqKeys(): Set<string> {
  const lib = '/usr/lib/rabbitmq/lib';
  const keys = new Set<string>();
  for (const server of fs.readdirSync(lib)) {
    const plugins = path.join(lib, server, 'plugins');
    for (const plugin of fs.readdirSync(plugins)) {
      const schemaDir = path.join(plugins, plugin, 'priv', 'schema');
      if (!fs.existsSync(schemaDir)) {
        continue;
      }
      for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema'))) {
        for (const match of fs.readFileSync(path.join(schemaDir, file), 'utf-8').matchAll(/\{mapping,\s*"([^"]+)"/g)) {
          keys.add(match[1]);
        }
      }
    }
  }
  return keys;
}

/**
 * A private RabbitMQ (Debian's 3.10 package) under a temporary directory, on 127.0.0.1, with its own epmd;
 * both stopped by their process IDs (toolchain.md §6.2).
 */
export class RabbitMqEngine {
  /** Boots RabbitMQ with `settings` appended to a loopback-only base configuration, and these plugins. */
  public static async start(settings: string, plugins: string[] = ['rabbitmq_management']): Promise<RabbitMqEngine> {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rabbitmq-'));
    for (const dir of ['mnesia', 'log', 'home']) {
      fs.mkdirSync(path.join(base, dir));
    }
    const [amqp, dist, epmd, management] = [await freePort(), await freePort(), await freePort(), await freePort()];
    fs.writeFileSync(path.join(base, 'rabbitmq.conf'), [
      `listeners.tcp.1 = 127.0.0.1:${amqp}`,
      'management.tcp.ip = 127.0.0.1',
      `management.tcp.port = ${management}`,
      'log.console = true',
      'log.file = false',
      settings,
    ].join('\n'));
    fs.writeFileSync(path.join(base, 'enabled_plugins'), `[${plugins.join(',')}].`);
    const env = {
      ...process.env,
      HOME: path.join(base, 'home'),
      RABBITMQ_NODENAME: `rabbit${amqp}@localhost`,
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(amqp),
      RABBITMQ_DIST_PORT: String(dist),
      ERL_EPMD_ADDRESS: '127.0.0.1',
      ERL_EPMD_PORT: String(epmd),
      RABBITMQ_MNESIA_BASE: path.join(base, 'mnesia'),
      RABBITMQ_LOG_BASE: path.join(base, 'log'),
      RABBITMQ_CONFIG_FILE: path.join(base, 'rabbitmq.conf'),
      RABBITMQ_ENABLED_PLUGINS_FILE: path.join(base, 'enabled_plugins'),
      RABBITMQ_PID_FILE: path.join(base, 'rabbit.pid'),
      // A node that refuses its configuration writes a crash dump: keep it in the instance directory.
      ERL_CRASH_DUMP: path.join(base, 'erl_crash.dump'),
    };
    const epmdProcess = spawn('epmd', ['-address', '127.0.0.1', '-port', String(epmd)], { env, cwd: base, stdio: 'ignore' });
    const log = fs.openSync(path.join(base, 'server.log'), 'w');
    const server = spawn(`${RABBITMQ_BIN}/rabbitmq-server`, [], { env, cwd: base, stdio: ['ignore', log, log] });
    const engine = new RabbitMqEngine(base, env, server, epmdProcess, management, amqp);
    try {
      // Ready when `rabbitmqctl wait` returns; a configuration RabbitMQ refuses makes the server exit first.
      await Promise.race([
        new Promise<void>((resolve, reject) => execFile(`${RABBITMQ_BIN}/rabbitmqctl`, ['wait', '--timeout', '60', env.RABBITMQ_PID_FILE], { env },
          (error) => (error ? reject(error) : resolve()))),
        new Promise<void>((_, reject) => server.once('exit', (code) => reject(new Error(`rabbitmq-server exited with ${code}`)))),
      ]);
    } catch (e) {
      await engine.stop();
      throw new Error(`RabbitMQ did not start: ${(e as Error).message}\n${engine.log.slice(-4000)}`);
    }
    return engine;
  }

  private constructor(
    public readonly base: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly server: ChildProcess,
    private readonly epmd: ChildProcess,
    /** The management API port on 127.0.0.1 (guest/guest). */
    public readonly managementPort: number,
    /** The AMQP 0-9-1 port on 127.0.0.1. */
    public readonly amqpPort: number,
  ) {}

  public get log(): string {
    return fs.readFileSync(path.join(this.base, 'server.log'), 'utf-8');
  }

  /** Resolves once the server log matches `pattern` (log lines land a moment after the event), or rejects with the tail. */
  public async waitForLog(pattern: RegExp, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.log)) {
      if (Date.now() > deadline) {
        throw new Error(`RabbitMQ's log did not show ${pattern} within ${timeoutMs} ms:\n${this.log.slice(-3000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Runs rabbitmqctl against this node. */
  public ctl(...args: string[]): string {
    return execFileSync(`${RABBITMQ_BIN}/rabbitmqctl`, args, { env: this.env, encoding: 'utf-8', stdio: 'pipe', timeout: 90_000 });
  }

  /** Stops the server, then epmd, by their process IDs. */
  public async stop(): Promise<void> {
    for (const child of [this.server, this.epmd]) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  }
}
