// Removes from lib/ every compiled file that the published package never loads: the Lambda handlers and the CLI
// (each is bundled into assets/, and runs from there), and modules only they or the tests import. What stays is
// what `require('cdk-amazon-mq')` reaches from lib/index.js, and what TypeScript reaches from lib/index.d.ts.
// Runs after jsii compiles (post-compile); test/package/tarball.test.ts checks the result from the packed tarball.
import * as fs from 'fs';
import * as path from 'path';
import { reachableFiles } from './lib-reachability';

const lib = path.join(__dirname, '..', 'lib');
const keep = reachableFiles(lib);
let removed = 0;
let bytes = 0;
for (const file of fs.readdirSync(lib, { recursive: true, withFileTypes: true })) {
  const full = path.join(file.parentPath, file.name);
  if (file.isFile() && !keep.has(full)) {
    bytes += fs.statSync(full).size;
    fs.rmSync(full);
    removed++;
  }
}
console.log(`prune-lib: removed ${removed} files never loaded from lib/ (${(bytes / 1024).toFixed(0)} KB), kept ${keep.size}`);
