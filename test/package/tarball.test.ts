/**
 * What users install: the packed tarball (npm pack of the compiled library), unpacked into a fresh app beside
 * aws-cdk-lib and constructs, used from plain JavaScript. `projen build` compiles and bundles before the tests run.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reachableFiles } from '../../scripts/lib-reachability';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tarball-'));
const app = path.join(work, 'app');
const installed = path.join(app, 'node_modules', 'cdk-amazon-mq');
let files: string[] = [];
let packedSize = 0;

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is missing: run `npx projen compile` (projen build does) before this test');
  }
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf-8' }));
  files = packed.files.map((f: { path: string }) => f.path);
  packedSize = packed.size;
  fs.mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', installed, '--strip-components=1']);
  for (const peer of ['aws-cdk-lib', 'constructs']) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', peer), path.join(app, 'node_modules', peer), 'dir');
  }
});

test('the tarball holds the library, its Lambda handlers, the CLI and the bundled XML parser', () => {
  const bin = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf-8')).bin['cdk-amazon-mq-check'];
  expect(files).toEqual(expect.arrayContaining([
    'lib/index.js', 'lib/index.d.ts', '.jsii', '.jsii.gz', 'README.md', 'API.md', bin,
    'assets/broker/reboot/reboot-on-event.lambda/index.js',
    'assets/broker/reboot/reboot-is-complete.lambda/index.js',
    'assets/broker/logging/broker-logs.lambda/index.js',
    'node_modules/@xmldom/xmldom/package.json',
  ]));
});

test('the tarball ships no repository tooling, sources or tests', () => {
  const tooling = files.filter((f) => /^(\.ci|bench|examples|scripts|schemas|src|test|projenrc|cdk\.out|test-reports)\//.test(f) || f === '.projenrc.ts');
  expect(tooling).toEqual([]);
});

test('lib/ ships only what the package loads, without source maps, within the size budget', () => {
  // The handlers and the CLI run from their bundles in assets/: their compiled copies are pruned (scripts/prune-lib.ts).
  const shipped = files.filter((f) => f.startsWith('lib/')).map((f) => path.join(installed, f)).sort();
  expect(shipped).toEqual([...reachableFiles(path.join(installed, 'lib'))].sort());
  expect(shipped.filter((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf-8').includes('sourceMappingURL'))).toEqual([]);
  // 1.33 MB before issue 20 (inline source maps, dead handler copies, the CLI's SDK in CommonJS); @cdklabs/cdk-amazonmq: 267 KB.
  expect(packedSize).toBeLessThan(900_000);
});

test('a fresh JavaScript app synthesizes RabbitMQ management objects with the pruned lib/', () => {
  fs.writeFileSync(path.join(app, 'rabbit.js'), `
const { App, Duration, Stack } = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const mq = require('cdk-amazon-mq');
const app = new App({ outdir: process.argv[2] });
const stack = new Stack(app, 'Rabbit', { env: { account: '123456789012', region: 'eu-west-1' } });
const broker = new mq.RabbitMqBroker(stack, 'Broker', {
  vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 }), brokerName: 'rabbit',
  engineVersion: mq.RabbitMqEngineVersion.V4_2, deploymentMode: mq.RabbitMqDeploymentMode.SINGLE_INSTANCE,
});
const vhost = broker.addVirtualHost('orders');
vhost.addQueue('orders.in', { type: mq.RabbitMqQueueType.QUORUM, messageTtl: Duration.minutes(1) });
vhost.addUser('orders-app', { permissions: { configure: '', write: '.*', read: '.*' } });
app.synth();
`);
  const out = path.join(work, 'cdk.out.rabbit');
  execFileSync('node', ['rabbit.js', out], { cwd: app, env: { ...process.env, CDK_VALIDATION: 'false' } });
  const template = JSON.parse(fs.readFileSync(path.join(out, 'Rabbit.template.json'), 'utf-8'));
  const objects = Object.values(template.Resources).filter((r) => (r as { Type: string }).Type === 'Custom::AmazonMqRabbitMqObject');
  // The virtual host, the queue and its tuning policy, the user and its permissions.
  expect(objects).toHaveLength(5);
});

test('a fresh JavaScript app synthesizes a broker with applyImmediately and a configuration, with every Lambda asset', () => {
  fs.writeFileSync(path.join(app, 'app.js'), `
const { App, Stack } = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const mq = require('cdk-amazon-mq');
const app = new App({ outdir: process.argv[2] });
const stack = new Stack(app, 'Fresh', { env: { account: '123456789012', region: 'eu-west-1' } });
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
const configuration = new mq.ActiveMqConfiguration(stack, 'Configuration', {
  engineVersion: mq.ActiveMqEngineVersion.V5_19,
  data: mq.ActiveMqConfigurationData.fromXml('<broker xmlns="http://activemq.apache.org/schema/core" schedulerSupport="true"/>'),
});
new mq.ActiveMqBroker(stack, 'Broker', {
  vpc, brokerName: 'fresh', configuration, applyImmediately: true,
  engineVersion: mq.ActiveMqEngineVersion.V5_19, deploymentMode: mq.ActiveMqDeploymentMode.SINGLE_INSTANCE,
});
app.synth();
`);
  const out = path.join(work, 'cdk.out');
  execFileSync('node', ['app.js', out], { cwd: app, env: { ...process.env, CDK_VALIDATION: 'false' } });
  const template = JSON.parse(fs.readFileSync(path.join(out, 'Fresh.template.json'), 'utf-8'));
  const types = Object.values(template.Resources).map((r) => (r as { Type: string }).Type);
  expect(types).toEqual(expect.arrayContaining(['AWS::AmazonMQ::Broker', 'AWS::AmazonMQ::Configuration', 'Custom::AmazonMqBrokerReboot', 'Custom::AmazonMqLogRetention']));
  // Each function's code is an asset of the assembly, copied from the installed package.
  type Fn = { Type: string; Properties: { Description?: string; Code: { S3Key: string } } };
  const handlers = (Object.values(template.Resources) as Fn[])
    .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Description?.startsWith('Amazon MQ'));
  expect(handlers.map((f) => f.Properties.Description).sort()).toEqual([
    'Amazon MQ applyImmediately: IsComplete', 'Amazon MQ applyImmediately: OnEvent', 'Amazon MQ broker logs: OnEvent',
  ]);
  for (const handler of handlers) {
    // The assembly's asset directory keeps the source directory's extension (`.lambda`).
    const hash = handler.Properties.Code.S3Key.replace(/\.zip$/, '');
    const dir = fs.readdirSync(out).find((d) => d.startsWith(`asset.${hash}`))!;
    expect(fs.readFileSync(path.join(out, dir, 'index.js'), 'utf-8')).toContain('handler');
  }
});

test('a synth-time error shows the message, the rule table and the user\'s frames, none from the installed package', () => {
  fs.writeFileSync(path.join(app, 'bad.js'), `
const { App, Stack } = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const mq = require('cdk-amazon-mq');
const stack = new Stack(new App(), 'Fresh');
function defineBroker() {
  new mq.ActiveMqBroker(stack, 'Broker', {
    vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 }), brokerName: 'bad name',
    engineVersion: mq.ActiveMqEngineVersion.V5_19, deploymentMode: mq.ActiveMqDeploymentMode.SINGLE_INSTANCE,
  });
}
defineBroker();
`);
  const result = spawnSync('node', ['bad.js'], { cwd: app, encoding: 'utf-8' });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain("«MqValidationError» Fresh/Broker: ActiveMqBroker validation failed:\n  - 'brokerName' 'bad name' is not allowed");
  expect(result.stderr).toContain('https://github.com/cdk-amazon-mq/cdk-amazon-mq#synth-time-rules');
  expect(result.stderr).toMatch(/at defineBroker \(.*bad\.js:7:3\)/);
  // No stack frame from the package (Node itself still names the throw site above the message, as for aws-cdk-lib's errors).
  expect(result.stderr.split('\n').filter((l) => /^\s+at /.test(l) && /node_modules[\\/](cdk-amazon-mq|aws-cdk-lib)/.test(l))).toEqual([]);
});

test('the installed bin runs: --help exits 0', () => {
  const bin = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf-8')).bin['cdk-amazon-mq-check'];
  const result = spawnSync('node', [path.join(installed, bin), '--help'], { encoding: 'utf-8' });
  expect(result.stdout).toContain('usage: cdk-amazon-mq-check');
  expect(result.status).toBe(0);
});
