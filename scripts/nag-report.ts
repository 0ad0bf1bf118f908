// Counts the cdk-nag findings (unacknowledged errors and warnings) of every pack the examples run, per example,
// split into those on the library's resources and those on the example's own (its VPC, functions, ...). With
// `--detail`, lists each finding by rule and resource. `ts-node scripts/nag-report.ts [--detail]`
import { App } from 'aws-cdk-lib';
import { EXAMPLES } from '../examples/index';
import { NAG_PACKS } from '../examples/nag-packs';
import { NagFinding, nagFindings } from '../test/util/nag-findings';

const detail = process.argv.includes('--detail');
const count = (findings: NagFinding[], library: boolean, severity: NagFinding['severity']) =>
  findings.filter((f) => f.library === library && f.severity === severity).length;

const totals = new Map<string, NagFinding[]>();
console.log('pack\texample\tlibrary errors\tlibrary warnings\texample errors\texample warnings');
for (const example of EXAMPLES) {
  const app = new App();
  new example.stack(app, example.stackName);
  app.synth();
  for (const pack of NAG_PACKS) {
    const findings = nagFindings(app, pack.create(app));
    totals.set(pack.name, [...totals.get(pack.name) ?? [], ...findings]);
    console.log([pack.name, example.file, count(findings, true, 'error'), count(findings, true, 'warning'),
      count(findings, false, 'error'), count(findings, false, 'warning')].join('\t'));
    if (detail) {
      for (const f of findings) {
        console.log(`  ${f.library ? 'library' : 'example'} ${f.severity} ${f.ruleId} ${f.path}`);
      }
    }
  }
}
console.log('\npack\tlibrary errors\tlibrary warnings\texample errors\texample warnings');
for (const [pack, findings] of totals) {
  console.log([pack, count(findings, true, 'error'), count(findings, true, 'warning'), count(findings, false, 'error'), count(findings, false, 'warning')].join('\t'));
}
