import * as fs from 'fs';
import * as path from 'path';

/** Relative `require('./x')` in compiled JavaScript. */
const REQUIRE = /require\("(\.[^"]+)"\)/g;
/** Relative `from './x'` and `import('./x')` in declaration files. */
const IMPORT = /(?:from\s+|import\()["'](\.[^"']+)["']/g;

/**
 * The files of a compiled `lib/` that Node.js loads from `index.js` and TypeScript from `index.d.ts`, following
 * relative imports only (the package's dependencies are not in lib/).
 */
export function reachableFiles(lib: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string, pattern: RegExp, ext: string) => {
    if (seen.has(file)) {
      return;
    }
    if (!fs.existsSync(file)) {
      throw new Error(`${file} is imported but missing`);
    }
    seen.add(file);
    for (const [, specifier] of fs.readFileSync(file, 'utf-8').matchAll(pattern)) {
      const base = path.resolve(path.dirname(file), specifier);
      visit(fs.existsSync(base + ext) ? base + ext : path.join(base, `index${ext}`), pattern, ext);
    }
  };
  visit(path.join(lib, 'index.js'), REQUIRE, '.js');
  visit(path.join(lib, 'index.d.ts'), IMPORT, '.d.ts');
  return seen;
}
