import * as fs from 'fs';
import * as path from 'path';

/**
 * The names of the brokers in a synthesized cloud assembly (`cdk.out`): the `BrokerName` of every
 * `AWS::AmazonMQ::Broker` in its stack templates, where the name is a literal.
 */
export function brokerNamesInAssembly(dir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf-8')) as {
    artifacts?: Record<string, { type: string; properties?: { templateFile?: string } }>;
  };
  const names: string[] = [];
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) {
      continue;
    }
    const template = JSON.parse(fs.readFileSync(path.join(dir, artifact.properties.templateFile), 'utf-8')) as {
      Resources?: Record<string, { Type: string; Properties?: { BrokerName?: unknown } }>;
    };
    for (const resource of Object.values(template.Resources ?? {})) {
      if (resource.Type === 'AWS::AmazonMQ::Broker' && typeof resource.Properties?.BrokerName === 'string') {
        names.push(resource.Properties.BrokerName);
      }
    }
  }
  return names;
}
