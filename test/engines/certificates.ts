import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** A certificate and its key, as PEM files. */
export interface PemFiles {
  readonly cert: string;
  readonly key: string;
}

const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });

/** A self-signed certificate (a local server's, or a CA) for `cn`, valid one day, written to `dir/<name>.pem|.key`. */
export function selfSigned(dir: string, name: string, cn = 'localhost'): PemFiles {
  const files = { cert: path.join(dir, `${name}.pem`), key: path.join(dir, `${name}.key`) };
  // The loopback names as subject alternative names: Erlang 26+ clients verify the host they connect to.
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-days', '1', '-keyout', files.key, '-out', files.cert);
  return files;
}

/** A certificate for `cn` (and the loopback names) signed by `ca`, valid one day, written to `dir/<name>.pem|.key`. */
export function signedBy(ca: PemFiles, dir: string, name: string, cn: string): PemFiles {
  const files = { cert: path.join(dir, `${name}.pem`), key: path.join(dir, `${name}.key`) };
  const csr = path.join(dir, `${name}.csr`);
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', files.key, '-out', csr);
  openssl('x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-copy_extensions', 'copy', '-days', '1', '-out', files.cert);
  return files;
}

/** The PEM contents, for Node's TLS options. */
export function pem(files: PemFiles): { cert: Buffer; key: Buffer } {
  return { cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
}
