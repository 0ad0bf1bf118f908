import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { exampleApp } from '../../examples/app';
import { EXAMPLES } from '../../examples/index';
import { NAG_PACKS } from '../../examples/nag-packs';
import { acknowledgements, nagFindings } from '../util/nag-findings';

const PACK_PREFIXES = NAG_PACKS.map((p) => `${p.name}-`);
const isNagRule = (id: string) => PACK_PREFIXES.some((prefix) => id.startsWith(prefix));

// cdk-nag 3 runs as a synth-time validation plugin: an unacknowledged error finding makes synth throw.
// Acknowledgements need a reason by API (Validations.acknowledge({ id, reason })). One synth per example, with
// the five packs as exampleApp() wires them; each pack's findings are then read from the synthesized tree.
describe.each(EXAMPLES)('cdk-nag on example $file', ({ stack, stackName }) => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'nag-')) });
  exampleApp(stack, stackName, app);
  let synthError: unknown;
  beforeAll(() => {
    try {
      app.synth();
    } catch (e) {
      synthError = e;
    }
  });

  test('synthesizes with the five packs (no unacknowledged error)', () => {
    expect(synthError).toBeUndefined();
  });

  // Warnings do not fail synth: none either, on library or example resources.
  test.each(NAG_PACKS.map((pack) => ({ pack })))('$pack.name: no unacknowledged error or warning', ({ pack }) => {
    expect(nagFindings(app, pack.create(app))).toEqual([]);
  });

  test('library acknowledgements: each with a reason, each for a rule of a pack the examples run', () => {
    const library = acknowledgements(app).filter((a) => a.library);
    expect(library.length).toBeGreaterThan(0);
    expect(library.filter((a) => typeof a.reason !== 'string' || a.reason.trim().length < 20 || !isNagRule(a.id))).toEqual([]);
  });

  test('example acknowledgements: each with a reason, none on the stack or the app (no blanket acknowledgement)', () => {
    const example = acknowledgements(app).filter((a) => !a.library && isNagRule(a.id));
    expect(example.filter((a) => typeof a.reason !== 'string' || a.reason.trim().length < 20)).toEqual([]);
    expect(example.filter((a) => a.path === '' || a.path === stackName)).toEqual([]);
  });
});
