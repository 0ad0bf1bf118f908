import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Construct } from 'constructs';

/** Builds one example as a CDK app, with cdk-nag's AwsSolutions pack as a synth-time validation. */
export function exampleApp(stack: new (scope: Construct, id: string) => Stack, stackName: string, app = new App()): Stack {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return new stack(app, stackName);
}
