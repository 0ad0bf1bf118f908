import { ChildProcess, execFileSync, spawn, SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The Debian 13 "trixie" root that scripts/install-engines.sh builds: RabbitMQ 4.0.5 on Erlang 27 and ActiveMQ 5.17.6
 * on OpenJDK 21, the versions Amazon MQ runs (Debian 12's RabbitMQ 3.10 is not one of them).
 */
export const ENGINE_ROOT = process.env.CDK_AMAZON_MQ_ENGINE_ROOT ?? '/var/lib/cdk-amazon-mq/debian-trixie';

/** A path of a file inside the root, as seen from this machine. */
export function inRoot(file: string): string {
  return path.join(ENGINE_ROOT, file);
}

/**
 * Runs a command of the root in its own mount and PID namespaces: the namespace's own /proc is mounted in the root and
 * the temporary directory bind-mounted at the same path, so instance directories have one path inside and outside,
 * and the mounts vanish with the namespace. A daemon the command starts (RabbitMQ's `epmd -daemon`) dies with the namespace, never left behind.
 */
function namespaced(command: string, args: string[]): [string, string[]] {
  const tmp = os.tmpdir();
  const script = 'mkdir -p "$0$1" && mount -t proc proc "$0/proc" && mount --bind "$1" "$0$1" && shift && exec chroot "$0" "$@"';
  return ['unshare', ['--mount', '--pid', '--fork', '--kill-child=SIGTERM', '--propagation', 'private',
    'sh', '-c', script, ENGINE_ROOT, tmp, command, ...args]];
}

/** A long-running process of the root, stopped by the process ID of its namespace's first process. */
export class RootProcess {
  public static spawn(command: string, args: string[], options: SpawnOptions): RootProcess {
    const [cmd, argv] = namespaced(command, args);
    return new RootProcess(spawn(cmd, argv, options));
  }

  private constructor(public readonly child: ChildProcess) {}

  public get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  public once(event: 'exit', listener: (code: number | null) => void): void {
    this.child.once(event, listener);
  }

  /**
   * Sends SIGTERM to the command (unshare ignores it and waits for its child), then waits for the namespace to end:
   * its other processes are killed by the kernel when the first one exits.
   */
  public async stop(): Promise<void> {
    if (!this.running) {
      return;
    }
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    const pid = this.child.pid!;
    const children = `/proc/${pid}/task/${pid}/children`;
    const target = fs.existsSync(children) ? fs.readFileSync(children, 'utf-8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
    for (const child of target) {
      try {
        process.kill(child, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (target.length === 0) {
      this.child.kill('SIGKILL'); // not forked yet: --kill-child ends the command with it
    }
    const forced = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(forced);
  }
}

/** Runs a short command of the root (e.g. rabbitmqctl) and returns its standard output. */
export function execInRoot(command: string, args: string[], env: NodeJS.ProcessEnv, timeout = 90_000): string {
  const [cmd, argv] = namespaced(command, args);
  return execFileSync(cmd, argv, { env, encoding: 'utf-8', stdio: 'pipe', timeout });
}
