import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The XSD Amazon MQ publishes for an ActiveMQ minor version (copied into schemas/activemq). */
export function xsdPath(version: string): string {
  const dir = path.join(__dirname, '..', '..', 'schemas', 'activemq');
  const file = fs.readdirSync(dir).find((f) => f.startsWith(`amazon-mq-active-mq-${version}.`) && f.endsWith('.xsd'));
  if (!file) {
    throw new Error(`no XSD for ActiveMQ ${version} in ${dir}`);
  }
  return path.join(dir, file);
}

/**
 * Validates XML against Amazon MQ's XSD with libxml2's xmllint (Debian package libxml2-utils, installed by
 * scripts/test.sh): the precise check our derived tables approximate. Returns xmllint's errors, empty when valid.
 */
export function xmllint(xml: string, version: string): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xmllint-')), 'broker.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsdPath(version), file], { stdio: 'pipe' });
    return [];
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? e);
    return stderr.split('\n').filter((l) => l.includes('error') || l.includes('fails to validate'));
  }
}
