// Every integration test's cloud assembly, synthesized in-process the way projen's `integ:<name>:snapshot` task
// synthesizes it with the aws-cdk CLI, must equal its committed snapshot (`<name>.integ.snapshot/`). This is the
// test command's check (cheaper than eight `cdk synth` processes); `npx projen integ:<name>:assert` is the same check
// through the CLI.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExampleInteg, integApp } from './example-integ';
import { EXAMPLES } from '../../examples/index';

// What the CLI flags of projen's integ tasks put in the app's context: --no-path-metadata, --no-asset-metadata,
// --no-version-reporting.
const CLI_CONTEXT = {
  'aws:cdk:enable-path-metadata': false,
  'aws:cdk:enable-asset-metadata': false,
  'aws:cdk:version-reporting': false,
};

// The files projen's assert task does not compare (and .gitignore keeps out of the snapshots): asset staging
// directories, and the manifest and tree, which hold tool versions and construct paths.
function comparedFiles(dir: string): string[] {
  return fs.readdirSync(dir)
    .filter((file) => !file.startsWith('asset.') && !['cdk.out', 'manifest.json', 'tree.json'].includes(file))
    .sort();
}

/** Runs an expectation; on failure, puts what failed before jest's diff and how to re-snapshot after it. */
function explained(header: string, footer: string, expectation: () => void): void {
  try {
    expectation();
  } catch (e) {
    (e as Error).message = `${header}\n${(e as Error).message}\n\n${footer}`;
    throw e;
  }
}

const integTests = fs.readdirSync(__dirname).filter((file) => file.endsWith('.integ.ts')).sort().map((file) => ({ name: path.basename(file, '.integ.ts'), file }));

test('every example has an integration test', () => {
  expect(integTests.map((t) => `${t.name}.ts`)).toEqual(EXAMPLES.map((e) => e.file).sort());
});

describe.each(integTests)('integration test $name', ({ name, file }) => {
  test('synthesizes to its committed snapshot', () => {
    const snapshotDir = path.join(__dirname, `${name}.integ.snapshot`);
    const reSnapshot = `If the change is intended, run \`npx projen integ:${name}:snapshot\` (every test: \`npx projen integ:snapshot-all\`) and commit test/integ/${name}.integ.snapshot.`;
    if (!fs.existsSync(snapshotDir)) {
      throw new Error(`No snapshot for integration test ${name}. ${reSnapshot}`);
    }
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `integ-${name}-`));
    try {
      // Found by name so that a new `*.integ.ts` is checked without editing this file.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const integ: ExampleInteg = require(`./${file}`).INTEG;
      const app = integApp({ outdir, context: CLI_CONTEXT });
      integ.build(app);
      app.synth();

      const expectedFiles = comparedFiles(snapshotDir);
      const actualFiles = comparedFiles(outdir);
      explained(`Integration test ${name}: the assembly's files differ from the snapshot's.`, reSnapshot, () => expect(actualFiles).toEqual(expectedFiles));
      const changed = expectedFiles.filter((f) => fs.readFileSync(path.join(snapshotDir, f), 'utf8') !== fs.readFileSync(path.join(outdir, f), 'utf8'));
      if (changed.length > 0) {
        // The templates say what changed; the asset manifests only follow their hashes.
        const first = changed.find((f) => f.endsWith('.template.json')) ?? changed[0];
        const parse = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, first), 'utf8'));
        explained(`Integration test ${name}: ${changed.join(', ')} differ from test/integ/${name}.integ.snapshot. ${first}:`, reSnapshot,
          () => expect(parse(outdir)).toEqual(parse(snapshotDir)));
        throw new Error(`Integration test ${name}: ${changed.join(', ')} differ from the snapshot in formatting only. ${reSnapshot}`);
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
