/**
 * Every README block and docstring example translates to Python, Java, C# and Go with jsii-rosetta in strict mode
 * (`npx projen rosetta:extract`): a single diagnostic, a snippet that does not compile, or a missing language fails.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const LANGUAGES = ['python', 'java', 'csharp', 'go'];

test('jsii-rosetta translates every example with 0 diagnostics', () => {
  const tablet = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rosetta-')), 'tablet.json');
  const result = spawnSync('npx', ['jsii-rosetta', 'extract', '--strict', '--compile', '--output', tablet], {
    cwd: ROOT, encoding: 'utf-8', env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
  });
  expect(result.stderr + result.stdout).not.toMatch(/diagnostics encountered|error TS/);
  expect(result.status).toBe(0);
  const snippets = Object.values(JSON.parse(fs.readFileSync(tablet, 'utf-8')).snippets) as Array<{
    didCompile: boolean; location: { api: { api: string } }; translations: Record<string, { source: string }>;
  }>;
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8').split('\n').filter((l) => /^```ts/.test(l.trim())).length;
  expect(snippets.filter((s) => s.location.api.api === 'moduleReadme')).toHaveLength(readme);
  expect(snippets.filter((s) => s.location.api.api !== 'moduleReadme').length).toBeGreaterThanOrEqual(8);
  expect(snippets.filter((s) => !s.didCompile)).toEqual([]);
  expect(snippets.filter((s) => LANGUAGES.some((l) => !s.translations[l]?.source))).toEqual([]);
});
