import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { exampleApp } from '../../examples/app';
import { EXAMPLES } from '../../examples/index';

// cdk-nag 3 runs as a synth-time validation plugin: an unacknowledged error finding makes synth throw.
// Acknowledgements need a reason by API (Validations.acknowledge({ id, reason })).
describe.each(EXAMPLES)('cdk-nag AwsSolutions on example $file', ({ stack, stackName }) => {
  test('synthesizes with no unacknowledged finding', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'nag-')) });
    exampleApp(stack, stackName, app);
    expect(() => app.synth()).not.toThrow();
  });
});
