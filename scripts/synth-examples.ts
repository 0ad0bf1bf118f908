// The README's main command: synthesizes every app under examples/ with the real aws-cdk CLI (no AWS
// credentials, nothing sent off this machine) and prints one summary line per stack: resources by type.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLES } from '../examples/index';

const root = path.join(__dirname, '..');
const cdk = path.join(root, 'node_modules', '.bin', 'cdk');
const env = {
  ...process.env,
  AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
  AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  CDK_DISABLE_VERSION_CHECK: '1',
  TS_NODE_TRANSPILE_ONLY: '1',
};

function summarize(outdir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  return Object.entries<any>(manifest.artifacts)
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([name, artifact]) => {
      const template = JSON.parse(fs.readFileSync(path.join(outdir, artifact.properties.templateFile), 'utf8'));
      const counts: Record<string, number> = {};
      for (const resource of Object.values<any>(template.Resources ?? {})) {
        counts[resource.Type] = (counts[resource.Type] ?? 0) + 1;
      }
      const byType = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `${type} ${n}`).join(', ');
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return `${name}: ${total} resources (${byType})`;
    });
}

let failed = 0;
for (const example of EXAMPLES) {
  const outdir = path.join(root, 'cdk.out', path.basename(example.file, '.ts'));
  const app = `node -r ts-node/register ${path.join('examples', example.file)}`;
  const started = Date.now();
  try {
    execFileSync(cdk, ['synth', '--app', app, '--output', outdir, '--quiet', '--no-notices', '--no-version-reporting'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    for (const line of summarize(outdir)) {
      console.log(`${line} [${example.file}, ${((Date.now() - started) / 1000).toFixed(1)} s]`);
    }
  } catch (e: any) {
    failed++;
    console.error(`FAILED ${example.file}:\n${e.stderr?.toString() ?? e.message}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
