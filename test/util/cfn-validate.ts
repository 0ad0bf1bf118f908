import * as path from 'path';

// AWS's offline CloudFormation validator, as bundled in aws-cdk-lib (the registry has no standalone 1.14).
// aws-cdk-lib's `exports` map blocks a plain require of its node_modules, so it is loaded by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const V = require(path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')), 'node_modules/@aws/cloudformation-validate'));

/**
 * Rules aws-cdk-lib's own built-in validation ignores, because CDK's constructs trigger them by design
 * (for example W3005 on the DependsOn that aws-cdk-lib's LogRetention function adds to its role).
 * Kept identical to `IGNORE_RULES` in aws-cdk-lib/core/lib/validation/cloudformation-validate-plugin.js.
 */
const CDK_IGNORED_RULES = ['W3005', 'W1020', 'I4010', 'W4011', 'W4012', 'W9002', 'W9013', 'W1103'];

let engine: any;

/** One engine per test file's module registry: it takes about 2 s to start. */
function validator(): any {
  engine ??= new V.CompositeEngine({});
  return engine;
}

/** Findings of severity WARN and above, as `SEVERITY RULE resource.path: message` lines. */
export function cloudFormationFindings(template: unknown): string[] {
  const report = validator().validateTemplate(new V.TemplateContent(JSON.stringify(template)), {
    detailLevel: 'STANDARD',
    severityLevel: 'WARN',
    pseudoParameterOverrides: { region: 'us-east-1', accountId: '123456789012' },
    exclude: { ids: CDK_IGNORED_RULES },
  });
  return report.diagnostics.map((d: any) =>
    `${d.severity} ${d.ruleId} ${d.entity?.logicalId ?? ''}.${d.propertyPath ?? ''}: ${d.message}`);
}
