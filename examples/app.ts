import { App, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { NAG_PACKS } from './nag-packs';

/**
 * Builds one example as a CDK app, with cdk-nag's AwsSolutions pack and the HIPAA Security, NIST 800-53 R5, PCI DSS
 * 3.2.1 and Serverless packs as synth-time validations.
 */
export function exampleApp(stack: new (scope: Construct, id: string) => Stack, stackName: string, app = new App()): Stack {
  Validations.of(app).addPlugins(...NAG_PACKS.map((pack) => pack.create(app)));
  return new stack(app, stackName);
}
