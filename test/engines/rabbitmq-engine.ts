import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './activemq-engine';
import { AMAZON_MQ_AUTH_PLUGINS, AMAZON_MQ_DEFAULT_OPERATOR_POLICY, AMAZON_MQ_PLUGINS, AMAZON_MQ_RABBITMQ_CONF } from './amazon-mq-defaults';
import { execInRoot, inRoot, RootProcess } from './debian-root';

const RABBITMQ_BIN = '/usr/lib/rabbitmq/bin';

/** The `rabbitmq.conf` keys the test engine (RabbitMQ 4.0.5) knows: the mappings of its cuttlefish schemas. */
export function knownRabbitMqKeys(): Set<string> {
  const lib = inRoot('/usr/lib/rabbitmq/lib');
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
 * A private RabbitMQ 4.0.5 (Debian 13's package, in the engine root) under a temporary directory, on 127.0.0.1,
 * booted with Amazon MQ's documented defaults (amazon-mq-defaults.ts); stopped by its process ID, its epmd with it.
 */
export class RabbitMqEngine {
  /**
   * Boots RabbitMQ with a loopback-only base, Amazon MQ's defaults, then `settings` (later keys win, as a broker's
   * configuration overrides Amazon MQ's defaults), and these plugins: Amazon MQ's (`AMAZON_MQ_PLUGINS`), or some of
   * them, and the authentication plugins a test configures; a plugin Amazon MQ does not run is refused, as the engine
   * would then take what the service refuses.
   */
  public static async start(settings: string, plugins: readonly string[] = ['rabbitmq_management']): Promise<RabbitMqEngine> {
    const foreign = plugins.filter((p) => !AMAZON_MQ_PLUGINS.includes(p) && !AMAZON_MQ_AUTH_PLUGINS.includes(p));
    if (foreign.length > 0) {
      throw new Error(`plugins ${foreign.join(', ')} are not Amazon MQ's (amazon-mq-defaults.ts): a test engine more permissive than the service proves nothing`);
    }
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
      AMAZON_MQ_RABBITMQ_CONF,
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
    const log = fs.openSync(path.join(base, 'server.log'), 'w');
    const server = RootProcess.spawn(`${RABBITMQ_BIN}/rabbitmq-server`, [], { env, stdio: ['ignore', log, log] });
    const engine = new RabbitMqEngine(base, env, server, management, amqp);
    try {
      // Ready when the node logs its startup (`rabbitmqctl wait` cannot read a PID file written in another PID
      // namespace); a configuration RabbitMQ refuses makes the server exit first.
      await Promise.race([
        engine.waitForLog(/Server startup complete/, 90_000),
        new Promise<void>((_, reject) => server.once('exit', (code) => reject(new Error(`rabbitmq-server exited with ${code}`)))),
      ]);
      const policy = AMAZON_MQ_DEFAULT_OPERATOR_POLICY;
      engine.ctl('set_operator_policy', '-p', policy.vhost, '--apply-to', policy.applyTo, '--priority', String(policy.priority),
        policy.name, policy.pattern, JSON.stringify(policy.definition));
    } catch (e) {
      await engine.stop();
      // The error lines first (a refused key is named there), then the tail: a long log must not hide the cause.
      const errors = engine.log.split('\n').filter((line) => /\[error\]/.test(line)).slice(0, 40).join('\n');
      throw new Error(`RabbitMQ did not start: ${(e as Error).message}\n${errors}\n...\n${engine.log.slice(-4000)}`);
    }
    return engine;
  }

  private constructor(
    public readonly base: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly server: RootProcess,
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
    return execInRoot(`${RABBITMQ_BIN}/rabbitmqctl`, args, this.env);
  }

  /** Stops the server by its process ID; its epmd ends with its namespace. */
  public async stop(): Promise<void> {
    await this.server.stop();
  }
}
