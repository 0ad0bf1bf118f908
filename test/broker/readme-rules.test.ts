import * as fs from 'fs';
import * as path from 'path';
import { allRules, RULE_SETS } from '../../src/rule-sets';

const ROOT = path.join(__dirname, '..', '..');

/** The text of every test file: where each rule's failing case lives. */
function testSources(dir = path.join(ROOT, 'test')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory()
    ? testSources(path.join(dir, e.name))
    : e.name.endsWith('.test.ts') ? [fs.readFileSync(path.join(dir, e.name), 'utf8')] : []);
}

test('the registry holds every rule set, and rule IDs are unique across them', () => {
  expect(Object.keys(RULE_SETS).length).toBeGreaterThanOrEqual(8);
  const ids = allRules().map((r) => r.id);
  expect(ids.length).toBeGreaterThan(80);
  // A rule shared by two sets is the same object: one ID, one rule.
  for (const rule of Object.values(RULE_SETS).flat()) {
    expect(allRules().find((r) => r.id === rule.id)).toBe(rule);
  }
});

test('the README table lists every rule with its fact row', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const missing = allRules().filter((r) => !readme.includes(`| \`${r.id}\` |`) || !readme.includes(`| ${r.fact} |`));
  expect(missing.map((r) => r.id)).toEqual([]);
});

test('every rule has a failing case: a test that expects its [RuleId] in an error, or lists it in a table of cases', () => {
  const tests = testSources().join('\n');
  // `[RuleId` as messages end (some expectations stop before the `]`), or `['RuleId', ...]` as a case table row.
  const untested = allRules().filter((r) => !new RegExp(`\\[${r.id}\\b|\\[\\s*'${r.id}'\\s*,`).test(tests));
  expect(untested.map((r) => r.id)).toEqual([]);
});
