import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { canConnect, freePort } from './activemq-engine';
import { selfSigned } from './certificates';

/** One directory entry for slapadd. */
export interface LdapEntry {
  readonly dn: string;
  readonly attributes: Record<string, string | string[]>;
}

/**
 * A private OpenLDAP (Debian's slapd) serving LDAPS on 127.0.0.1 with a self-signed certificate, loaded with
 * slapadd before it starts and stopped by its process ID.
 */
export class LdapEngine {
  public static async start(suffix: string, entries: LdapEntry[], readers: string[]): Promise<LdapEngine> {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'slapd-'));
    fs.mkdirSync(path.join(base, 'db'));
    const tls = selfSigned(base, 'server');
    const config = path.join(base, 'slapd.conf');
    fs.writeFileSync(config, [
      ...['core', 'cosine', 'inetorgperson'].map((schema) => `include /etc/ldap/schema/${schema}.schema`),
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${path.join(base, 'slapd.pid')}`,
      `TLSCertificateFile ${tls.cert}`,
      `TLSCertificateKeyFile ${tls.key}`,
      'database mdb',
      `suffix "${suffix}"`,
      `directory ${path.join(base, 'db')}`,
      // Passwords are only for binding; the service accounts may read the rest.
      'access to attrs=userPassword by anonymous auth by * none',
      `access to * ${readers.map((dn) => `by dn.exact="${dn}" read`).join(' ')} by self read by * none`,
    ].join('\n'));
    const ldif = entries.map((e) => [`dn: ${e.dn}`, ...Object.entries(e.attributes).flatMap(([k, v]) => [v].flat().map((x) => `${k}: ${x}`))].join('\n'));
    fs.writeFileSync(path.join(base, 'data.ldif'), `${ldif.join('\n\n')}\n`);
    execFileSync('/usr/sbin/slapadd', ['-f', config, '-l', path.join(base, 'data.ldif')], { stdio: 'pipe' });
    const port = await freePort();
    const log = fs.openSync(path.join(base, 'slapd.log'), 'w');
    // -d keeps slapd in the foreground, so this process is slapd itself and stops with its PID.
    const server = spawn('/usr/sbin/slapd', ['-f', config, '-h', `ldaps://127.0.0.1:${port}/`, '-d', '0'], { stdio: ['ignore', log, log] });
    const engine = new LdapEngine(base, server, port);
    for (let i = 0; i < 100 && !(await canConnect(port)); i++) {
      if (server.exitCode !== null) {
        throw new Error(`slapd exited with ${server.exitCode}: ${fs.readFileSync(path.join(base, 'slapd.log'), 'utf-8')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return engine;
  }

  private constructor(public readonly base: string, private readonly server: ChildProcess, public readonly port: number) {}

  public async stop(): Promise<void> {
    if (this.server.exitCode === null && this.server.signalCode === null) {
      const exited = new Promise((resolve) => this.server.once('exit', resolve));
      this.server.kill('SIGTERM');
      await exited;
    }
  }
}
