import * as fs from 'fs';
import * as path from 'path';

interface Manifest {
  artifacts?: Record<string, { type: string; properties?: { templateFile?: string; directoryName?: string } }>;
}

interface Template {
  Resources?: Record<string, { Type: string; Properties?: { BrokerName?: unknown } }>;
}

/** The assembly has no broker at all: most likely the wrong directory, or an app not synthesized. */
export class NoBrokerInAssemblyError extends Error {}

/**
 * The names of the brokers in a synthesized cloud assembly (`cdk.out`): the `BrokerName` of every
 * `AWS::AmazonMQ::Broker` in its stack templates, where the name is a literal. Throws NoBrokerInAssemblyError
 * when there is no broker, as checking nothing would otherwise pass for a healthy deployment.
 */
export function brokerNamesInAssembly(dir: string): string[] {
  const names = brokerNamePropertiesIn(dir);
  if (names.length === 0) {
    throw new NoBrokerInAssemblyError(`no AWS::AmazonMQ::Broker found in the cloud assembly ${dir} (or the assemblies `
      + 'of its Stages): is it the app\'s cdk.out directory, and was the app synthesized?');
  }
  return names.filter((name): name is string => typeof name === 'string');
}

/**
 * The `BrokerName` property (literal or not) of every broker in an assembly's stacks and in its nested assemblies:
 * a `Stage` writes its stacks to one of those (`assembly-<Stage>/`, itself holding the assemblies of inner Stages).
 */
function brokerNamePropertiesIn(dir: string): unknown[] {
  const manifest = readJson<Manifest>(path.join(dir, 'manifest.json'));
  return Object.values(manifest.artifacts ?? {}).flatMap((artifact) => {
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      return brokerNamePropertiesIn(path.join(dir, artifact.properties.directoryName));
    }
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      const template = readJson<Template>(path.join(dir, artifact.properties.templateFile));
      return Object.values(template.Resources ?? {})
        .filter((resource) => resource.Type === 'AWS::AmazonMQ::Broker')
        .map((resource) => resource.Properties?.BrokerName);
    }
    return [];
  });
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf-8')) as T;
}
