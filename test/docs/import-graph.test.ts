import * as fs from 'fs';
import * as path from 'path';

// CONTRIBUTING.md, "Layers": imports point down only, and no two files import each other (value or type imports).
const SRC = path.join(__dirname, '..', '..', 'src');
const IMPORT = /(?:import|export)\s[^'";]*?from\s+['"](\.[^'"]+)['"]|import\s+['"](\.[^'"]+)['"]/g;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory()
    ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

const files = sources(SRC);
const graph = new Map(files.map((file) => {
  const targets = [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), m[1] ?? m[2]))
    .map((t) => [`${t}.ts`, path.join(t, 'index.ts')].find((c) => files.includes(c)))
    .filter((t): t is string => t !== undefined);
  return [file, [...new Set(targets)]];
}));

/** 0 private, 1 shared broker core (its monitoring plumbing too), 2 engines, 3 features on top, 4 the index. */
function layer(file: string): number {
  const [top] = path.relative(SRC, file).split(path.sep);
  return ({ 'private': 0, 'broker': 1, 'activemq': 2, 'rabbitmq': 2, 'event-sources': 3, 'monitoring': 3, 'cli': 3 } as Record<string, number>)[top] ?? 4;
}

/** Strongly connected components of more than one file (Tarjan). */
function circles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component = stack.splice(stack.indexOf(v));
      if (component.length > 1) {
        found.push(component.map((f) => path.relative(SRC, f)).sort());
      }
    }
  };
  files.filter((f) => !index.has(f)).forEach(visit);
  return found;
}

test('the sources import each other', () => {
  // The finder finds imports at all: a broken regex would pass the tests below vacuously.
  expect([...graph.values()].flat().length).toBeGreaterThan(400);
});

test('no import circles, type-only imports included', () => {
  expect(circles()).toEqual([]);
});

test('no import runs up a layer', () => {
  const up = [...graph].flatMap(([from, targets]) => targets.filter((to) => layer(to) > layer(from))
    .map((to) => `${path.relative(SRC, from)} -> ${path.relative(SRC, to)}`));
  expect(up).toEqual([]);
});
