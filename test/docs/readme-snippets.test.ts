/**
 * Every ```ts block of the README compiles as written, each as its own module (its imports and declarations
 * included), against the library's sources as the package `cdk-amazon-mq`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');

/** The ```ts blocks, with the README line each starts on. */
function tsBlocks(text: string): Array<{ line: number; code: string }> {
  const blocks: Array<{ line: number; code: string }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // `nofixture`: jsii-rosetta compiles the block as the complete module it is (docstring examples use a fixture).
    if (/^```ts( nofixture)?$/.test(lines[i].trim())) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end].trim() !== '```') {
        end++;
      }
      blocks.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
      i = end;
    }
  }
  return blocks;
}

test('the README has TypeScript examples', () => {
  expect(tsBlocks(readme).length).toBeGreaterThanOrEqual(8);
});

test('every README ts block compiles as written', () => {
  // Inside node_modules/.cache so that aws-cdk-lib and constructs resolve from the project, as in an app.
  const dir = path.join(ROOT, 'node_modules', '.cache', 'readme-snippets');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = tsBlocks(readme).map(({ line, code }) => {
    const file = path.join(dir, `readme-line-${line}.ts`);
    // `export {}` keeps each block a module of its own even if it had no import.
    fs.writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    noUnusedLocals: false,
    types: ['node'],
    baseUrl: ROOT,
    paths: { 'cdk-amazon-mq': ['src/index.ts'] },
  });
  const problems = ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
    .map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      const readmeLine = Number(/readme-line-(\d+)/.exec(d.file!.fileName)![1]) + line;
      return `README.md:${readmeLine}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  expect(problems).toEqual([]);
});

test('API.md cites no internal fact ids (users have the README and the AWS docs, not our fact sheet)', () => {
  const api = fs.readFileSync(path.join(ROOT, 'API.md'), 'utf-8');
  expect(api.split('\n').filter((l) => /mq-facts|\bF-[A-Z]+(-[A-Z]+)?\d/.test(l))).toEqual([]);
});
