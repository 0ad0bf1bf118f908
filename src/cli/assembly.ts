import * as fs from 'fs';
import * as path from 'path';

interface Manifest {
  artifacts?: Record<string, {
    type: string;
    environment?: string;
    properties?: { templateFile?: string; directoryName?: string; stackName?: string };
  }>;
}

/** A resource of a synthesized template, its values as written (intrinsics unresolved). */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

/** One stack of a cloud assembly. */
export interface AssemblyStack {
  /** The name CloudFormation knows the stack by (the artifact's `stackName`, else its ID). */
  readonly stackName: string;
  /** The stack's account and region, when the app gave them (`aws://<account>/<region>`, not `unknown-...`). */
  readonly account?: string;
  readonly region?: string;
  readonly resources: Readonly<Record<string, TemplateResource>>;
}

/** The assembly has no broker at all: most likely the wrong directory, or an app not synthesized. */
export class NoBrokerInAssemblyError extends Error {}

/**
 * The names of the brokers in a synthesized cloud assembly (`cdk.out`): the `BrokerName` of every
 * `AWS::AmazonMQ::Broker` in its stack templates, where the name is a literal. Throws NoBrokerInAssemblyError
 * when there is no broker, as checking nothing would otherwise pass for a healthy deployment.
 */
export function brokerNamesInAssembly(dir: string): string[] {
  const names = stacksInAssembly(dir).flatMap((stack) => Object.values(stack.resources)
    .filter((resource) => resource.Type === 'AWS::AmazonMQ::Broker')
    .map((resource) => resource.Properties?.BrokerName));
  if (names.length === 0) {
    throw new NoBrokerInAssemblyError(`no AWS::AmazonMQ::Broker found in the cloud assembly ${dir} (or the assemblies `
      + 'of its Stages): is it the app\'s cdk.out directory, and was the app synthesized?');
  }
  return names.filter((name): name is string => typeof name === 'string');
}

/**
 * Every stack of an assembly and of its nested assemblies: a `Stage` writes its stacks to one of those
 * (`assembly-<Stage>/`, itself holding the assemblies of inner Stages).
 */
export function stacksInAssembly(dir: string): AssemblyStack[] {
  const manifest = readJson<Manifest>(path.join(dir, 'manifest.json'));
  return Object.entries(manifest.artifacts ?? {}).flatMap(([id, artifact]): AssemblyStack[] => {
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      return stacksInAssembly(path.join(dir, artifact.properties.directoryName));
    }
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      const template = readJson<{ Resources?: Record<string, TemplateResource> }>(path.join(dir, artifact.properties.templateFile));
      const [, account, region] = /^aws:\/\/([^/]*)\/(.*)$/.exec(artifact.environment ?? '') ?? [];
      const known = (value: string | undefined) => value && !value.startsWith('unknown-') ? value : undefined;
      return [{
        stackName: artifact.properties.stackName ?? id,
        account: known(account),
        region: known(region),
        resources: template.Resources ?? {},
      }];
    }
    return [];
  });
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf-8')) as T;
}
