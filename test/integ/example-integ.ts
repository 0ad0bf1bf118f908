// One integration test per example app: the example's stack as the test case (imported from examples/, not
// copied), with assertions that a real deploy runs (`npx projen integ:<name>:deploy`). Offline, only the
// synthesized cloud assembly is compared with its committed snapshot (integ-snapshots.test.ts).
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, AppProps, Aspects, CfnResource, IAspect, ReferenceStrength, Stack } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct, IConstruct } from 'constructs';

export interface ExampleIntegOptions {
  /** The example's stack class, as examples/index.ts lists it. */
  readonly stack: new (scope: Construct, id: string) => Stack;
  /** The example's stack name. */
  readonly stackName: string;
  /** The assertions a deploy runs once the stack is up. */
  readonly assert: (test: IntegTest, stack: Stack) => void;
  /** Region of the assertion stack when the example pins one: the API calls go to the broker's region. */
  readonly region?: string;
}

export interface ExampleInteg {
  /** Adds the example's stack, its IntegTest and the assertions to an app. */
  build(app: App): IntegTest;
}

export function exampleInteg(options: ExampleIntegOptions): ExampleInteg {
  return {
    build(app) {
      const stack = new options.stack(app, options.stackName);
      const assertionStack = options.region === undefined ? undefined
        : new Stack(app, `${options.stackName}Assertions`, { env: { region: options.region } });
      const test = new IntegTest(app, `${options.stackName}Integ`, {
        testCases: [stack],
        assertionStack,
        // Brokers are created with RemovalPolicy.DESTROY in the examples: the test leaves nothing behind.
        cdkCommandOptions: { destroy: { args: { force: true } } },
      });
      options.assert(test, stack);
      return test;
    },
  };
}

/**
 * The app of an integration test, the same under the aws-cdk CLI and in the snapshot test: no creation stack traces
 * in the assembly (they hold absolute paths, which differ between clones) and cross-stack references to the
 * assertion stack strong (CloudFormation exports, the current default, stated so the CLI does not warn).
 */
export function integApp(props: AppProps = {}): App {
  const app = new App({
    ...props,
    stackTraces: false,
    context: {
      [cxapi.DISABLE_CREATION_STACK_TRACES]: true,
      [cxapi.DEFAULT_CROSS_STACK_REFERENCES]: ReferenceStrength.STRONG,
      ...props.context,
    },
  });
  Aspects.of(app).add(new FixedAssertionSalt());
  return app;
}

/**
 * The assertion custom resources carry `salt: Date.now()` so that a redeploy reruns them; that makes every synth
 * differ from the snapshot. The salt is fixed instead: `integ:<name>:deploy` destroys the stacks afterwards, so each
 * deploy creates the assertions anew and runs them.
 */
class FixedAssertionSalt implements IAspect {
  public visit(node: IConstruct): void {
    if (node instanceof CfnResource && node.cfnResourceType.startsWith('Custom::DeployAssert@')) {
      node.addPropertyOverride('salt', 'integ-snapshot');
    }
  }
}

/** Run by the aws-cdk CLI (projen's integ tasks): synthesize into the directory the CLI gives. */
export function runExampleInteg(integ: ExampleInteg, module: NodeModule): void {
  if (require.main === module) {
    const app = integApp();
    integ.build(app);
    app.synth();
  }
}
