import { awscdk, javascript, release } from 'projen';

// Versions are pinned on purpose (the npm registry here is a partial mirror; see README "Toolchain"):
// - aws-cdk-lib 2.276.0 bundles AWS's offline CloudFormation validator (@aws/cloudformation-validate 1.14),
//   which every test template goes through, and works with cdk-nag 3.
// - the aws-cdk CLI 2.1148.1 reads the cloud assembly that aws-cdk-lib 2.276.0 writes (the `latest` tag is an old 3.0.0).
// - TypeScript stays on 6.x (projen's ^6 range): 7.x is the native compiler without the JS API ts-node needs.
const CDK_VERSION = '2.276.0';

/** Environment for every task that runs CDK or jsii: no lookups outside loopback, no banners. */
const QUIET_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  CDK_DISABLE_VERSION_CHECK: '1',
  JSII_SILENCE_SUPPORT_WARNING: '1',
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
  TS_NODE_TRANSPILE_ONLY: '1',
};

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-amazon-mq',
  description: 'AWS CDK constructs for Amazon MQ (ActiveMQ and RabbitMQ brokers) that fail at synth time, not 20 minutes into a deploy.',
  author: 'cdk-amazon-mq developers',
  authorAddress: 'maintainers@cdk-amazon-mq.dev',
  repositoryUrl: 'https://github.com/cdk-amazon-mq/cdk-amazon-mq.git',
  license: 'Apache-2.0',
  keywords: ['cdk', 'aws-cdk', 'amazon-mq', 'activemq', 'rabbitmq'],
  cdkVersion: CDK_VERSION,
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  github: false,
  // Experimental until a deploy to a real AWS account has been proven (README banner); 0.x meanwhile.
  stability: 'experimental',
  minNodeVersion: '20.0.0',
  // `npx projen release` bumps the version from the conventional commits since the last tag, writes CHANGELOG.md,
  // commits and tags (no remote here: publishing is a maintainer's push, not a task).
  release: true,
  // 0.x while experimental. Tag v0.0.0 marks the first commit; below 1.0 a feature bumps the patch (0.0.1 first).
  majorVersion: 0,
  releaseTrigger: release.ReleaseTrigger.manual({ changelogPath: 'CHANGELOG.md', gitPushCommand: 'git log --oneline -1' }),
  depsUpgrade: false,
  pullRequestTemplate: false,
  vscode: false,
  // Parses `ActiveMqConfigurationData.fromXml()` input at synth time; bundled so jsii users need nothing else.
  bundledDeps: ['@xmldom/xmldom@0.9.12'],
  // The reboot handler (applyImmediately) runs on the current Lambda Node.js runtime, with the SDK it provides.
  lambdaOptions: { runtime: awscdk.LambdaRuntime.NODEJS_24_X },
  devDeps: [
    'aws-cdk@2.1148.1',
    '@aws-sdk/client-mq@3.1048.0',
    '@aws-sdk/client-kms@3.1048.0',
    '@aws-sdk/client-cloudwatch@3.1048.0',
    '@aws-sdk/client-cloudwatch-logs@3.1048.0',
    '@aws-sdk/client-cloudformation@3.1048.0',
    '@aws-sdk/client-secrets-manager@3.1048.0',
    'amqplib@2.3.1',
    '@types/amqplib@0.10.8',
    'cdk-nag@3.0.2',
    // IntegTest and its assertions (test/integ). Peer range ^2.245.0; the newest this registry has.
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    'typescript@^6.0.3',
    '@types/node@^20',
  ],
  // No source maps in the published lib/: inline ones were 71% of it, and they pointed into src/, which is not shipped.
  tsconfig: { compilerOptions: { inlineSourceMap: false, inlineSources: false } },
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../bench/**/*.ts', '../scripts/**/*.ts'],
    compilerOptions: {},
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test'],
  },
  jestOptions: {
    // Snapshots must be able to fail: a changed broker logical ID replaces the broker and loses its messages.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    // CI reads a plain "N passed, N failed" line taken from this file (scripts/test.sh).
    extraCliOptions: ['--json', '--outputFile=test-reports/jest.json'],
    jestConfig: {
      // Every Template.fromStack in the tests also goes through AWS's CloudFormation validator.
      setupFilesAfterEnv: ['<rootDir>/test/util/setup-validation.ts'],
      testTimeout: 60_000,
      // Two workers on the 2-core machine: the engine tests wait on brokers, so their files overlap (jest 518 s -> 274 s).
      maxWorkers: 2,
    },
  },
  gitignore: ['cdk.out', '/bench/results', '/test-reports', 'erl_crash.dump', '.jsii.gz', '.jsii.tabl.json'],
  npmignoreEnabled: true,
  // .jsii.gz (the assembly is 1 MB of JSON, mostly docs); jsii-pacmak and jsii runtimes read it.
  compressAssembly: true,
  // jsii languages (issue 20). Names follow the package name; the Go module is the usual `-go` mirror repository.
  publishToPypi: { distName: 'cdk-amazon-mq', module: 'cdk_amazon_mq' },
  publishToMaven: { javaPackage: 'dev.cdkamazonmq', mavenGroupId: 'dev.cdk-amazon-mq', mavenArtifactId: 'cdk-amazon-mq' },
  publishToNuget: { dotNetNamespace: 'CdkAmazonMq', packageId: 'CdkAmazonMq' },
  publishToGo: { moduleName: 'github.com/cdk-amazon-mq/cdk-amazon-mq-go', packageName: 'cdkamazonmq' },
});

for (const [name, value] of Object.entries(QUIET_ENV)) {
  project.tasks.addEnvironment(name, value);
}

// The README's main command: synthesize every example app with the real aws-cdk CLI. The Lambda handlers
// (applyImmediately) are bundled first: their assets are build output, absent from a fresh clone.
const examples = project.addTask('examples', {
  description: 'Synthesize every example app with the aws-cdk CLI and print a summary per stack',
});
examples.spawn(project.bundler.bundleTask);
examples.exec('ts-node scripts/synth-examples.ts', { receiveArgs: true });

// The permitted-XML tables are derived from the XSDs Amazon MQ publishes (schemas/activemq); a test keeps them in sync.
project.addTask('derive:activemq-schema', {
  description: 'Regenerate src/activemq/configuration/amazon-mq-xsd.generated.ts from schemas/activemq/*.xsd',
  exec: 'ts-node scripts/derive-activemq-schema.ts',
});

// The post-deploy check (`npx cdk-amazon-mq-check`): one self-contained file with the AWS SDK clients bundled,
// so the published package needs no runtime dependency for it.
project.bundler.addBundle('src/cli/check-command.ts', {
  platform: 'node',
  target: 'node20',
  outfile: 'check.js',
  externals: [],
  // The SDK's ES module builds tree-shake: 638 KB -> 368 KB minified (three clients, credential providers included).
  mainFields: ['module', 'main'],
  minify: true,
  banner: '#!/usr/bin/env node',
  executable: true,
});
project.addBins({ 'cdk-amazon-mq-check': 'assets/cli/check-command/check.js' });

// lib/ keeps only what the package loads: the handlers and the CLI run from their bundles in assets/.
project.postCompileTask.exec('ts-node scripts/prune-lib.ts');

// Every path to a package bundles the Lambda handlers and the CLI first (they are build output, absent from a
// fresh clone): `projen compile && projen package:js` included, not only `projen build` (which bundles in pre-compile).
project.tasks.tryFind('package:js')!.prependSpawn(project.bundler.bundleTask);

// The tarball ships the library (lib, assets, .jsii, docs), not the repository's tooling (a test checks the list).
project.npmignore!.exclude('/.ci/', '/rosetta/', '.jsii.tabl.json', '/CONTRIBUTING.md', '/bench/', '/examples/', '/scripts/', '/schemas/', '/cdk.out/', '/dist/', '/test-reports/', '*.tgz');

// Integration tests (test/integ/*.integ.ts, one per example): projen adds every `integ:<name>:assert` (a `cdk synth`
// process each, 62 s for eight) to the test task; test/integ/integ-snapshots.test.ts makes the same comparison in
// jest in 7 s, so the test task runs that instead. The assert, snapshot and deploy tasks stay.
for (let i = project.testTask.steps.length - 1; i >= 0; i--) {
  if (project.testTask.steps[i].spawn?.match(/^integ:.+:assert$/)) {
    project.testTask.removeStep(i);
  }
}

// The fast loop while writing code: every test but the real engines and the packaged tarball, without coverage.
// The full test command (scripts/test.sh) is unchanged.
project.addTask('test:unit', {
  description: 'Unit tests only (no real engines, no package tests, no coverage)',
  exec: 'jest --coverage=false --testPathIgnorePatterns /node_modules/ /test/engines/ /test/package/',
  receiveArgs: true,
});

// Every README block and docstring example translated to Python, Java, C# and Go; strict: one diagnostic fails.
// Docstring examples compile inside rosetta/default.ts-fixture; README blocks are complete modules (`ts nofixture`).
// The README's cdk-nag wiring imports cdk-nag, which is no dependency of the library: rosetta installs it for the examples.
project.package.addField('jsiiRosetta', { exampleDependencies: { 'cdk-nag': '3.0.2' } });
project.addTask('rosetta:extract', {
  description: 'Translate every example with jsii-rosetta (strict, compiled)',
  exec: 'jsii-rosetta extract --strict --compile',
});

// Synth benchmark (a script, not a test): our constructs against hand-written CfnBroker apps.
project.addTask('bench', {
  description: 'Benchmark synth time and memory against raw CfnBroker apps',
  exec: 'ts-node bench/run.ts',
  receiveArgs: true,
});

project.synth();
