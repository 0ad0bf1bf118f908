/**
 * The jsii languages (Python, Java, .NET, Go): jsii-pacmak generates each one's code from the compiled `.jsii`, and the
 * Python wheel is built from it with Debian's python3-build (scripts/install-engines.sh installs it). The Java, .NET
 * and Go code is not compiled here: Maven needs the jsii runtime and aws-cdk-lib jars from Maven Central, and the
 * machine has no .NET SDK, no Go toolchain and no network but the npm registry and Debian's (README, "Languages").
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pacmak-'));
const jsii = readAssembly() as { types: Record<string, unknown>; targets: Record<string, any> };
/** Debian's python, which has python3-build (a pyenv python on PATH may not). */
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** The compiled assembly: `.jsii` is a redirect to the compressed `.jsii.gz` (compressAssembly). */
function readAssembly(): unknown {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, '.jsii'), 'utf-8'));
  return file.schema === 'jsii/file-redirect' ? JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(ROOT, file.filename))).toString('utf-8')) : file;
}

beforeAll(() => {
  execFileSync('npx', ['jsii-pacmak', '--code-only', '--outdir', out, '--targets', 'python,java,dotnet,go'], {
    cwd: ROOT, stdio: 'pipe', env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
  });
});

/** Every file under `dir`, relative to it. */
function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

// Every public type: types, structs, interfaces and enums.
const types = Object.entries(jsii.types).map(([fqn]) => fqn.split('.').pop()!);

test('the .jsii names a target for each language, in the package\'s naming', () => {
  expect(jsii.targets).toMatchObject({
    python: { distName: 'cdk-amazon-mq', module: 'cdk_amazon_mq' },
    java: { package: 'dev.cdkamazonmq', maven: { groupId: 'dev.cdk-amazon-mq', artifactId: 'cdk-amazon-mq' } },
    dotnet: { namespace: 'CdkAmazonMq', packageId: 'CdkAmazonMq' },
    go: { moduleName: 'github.com/cdk-amazon-mq/cdk-amazon-mq-go', packageName: 'cdkamazonmq' },
  });
  expect(types.length).toBeGreaterThan(100);
});

test('Java: a Maven project with a source file for every public type', () => {
  const java = files(path.join(out, 'java'));
  expect(java).toContain('pom.xml');
  const sources = java.filter((f) => f.startsWith(path.join('src', 'main', 'java', 'dev', 'cdkamazonmq')));
  expect(types.filter((c) => !sources.some((f) => path.basename(f) === `${c}.java`))).toEqual([]);
});

test('.NET: a project with a source file for every public type', () => {
  const dotnet = files(path.join(out, 'dotnet'));
  expect(dotnet).toContain(path.join('CdkAmazonMq', 'CdkAmazonMq.csproj'));
  expect(types.filter((c) => !dotnet.includes(path.join('CdkAmazonMq', 'CdkAmazonMq', `${c}.cs`)))).toEqual([]);
});

test('Go: a module with a file for every public type', () => {
  const go = files(path.join(out, 'go', 'cdkamazonmq'));
  expect(fs.readFileSync(path.join(out, 'go', 'cdkamazonmq', 'go.mod'), 'utf-8')).toMatch(/^module github\.com\/cdk-amazon-mq\/cdk-amazon-mq-go\/cdkamazonmq$/m);
  expect(types.filter((c) => !go.includes(`${c}.go`))).toEqual([]);
});

test('Python: the generated module compiles, and a wheel is built from it', () => {
  const python = path.join(out, 'python');
  const module = path.join(python, 'src', 'cdk_amazon_mq', '__init__.py');
  const source = fs.readFileSync(module, 'utf-8');
  expect(types.filter((c) => !new RegExp(`\\nclass ${c}[(:]`).test(source))).toEqual([]);
  execFileSync(PYTHON, ['-m', 'py_compile', module], { stdio: 'pipe' });
  // --no-isolation: no PyPI here. -x: the generated pyproject pins newer setuptools/build than Debian's, which build it.
  execFileSync(PYTHON, ['-m', 'build', '--no-isolation', '--skip-dependency-check', '--wheel', '--outdir', path.join(out, 'wheel'), python], { stdio: 'pipe' });
  const [wheel] = fs.readdirSync(path.join(out, 'wheel'));
  expect(wheel).toMatch(/^cdk_amazon_mq-.+-py3-none-any\.whl$/);
  const listing = execFileSync(PYTHON, ['-m', 'zipfile', '-l', path.join(out, 'wheel', wheel)], { encoding: 'utf-8' });
  expect(listing).toMatch(/cdk_amazon_mq\/__init__\.py/);
  expect(listing).toMatch(/cdk_amazon_mq\/_jsii\/cdk-amazon-mq@.+\.jsii\.tgz/);
});
