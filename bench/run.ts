// Synth benchmark: apps of 1, 10 and 100 default ActiveMQ brokers, built with this library and by hand
// from CfnBroker, alternating in one run, REPEAT times each; prints medians and the library/raw ratios.
// Each run is a fresh process (module loading included), with CDK_VALIDATION=false.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const COUNTS = [1, 10, 100];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function run(kind: string, count: number): { wallMs: number; synthMs: number; maxRssMiB: number; resources: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const started = Date.now();
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register', path.join(__dirname, 'synth-app.ts'), kind, String(count), outdir], {
    env: { ...process.env, CDK_VALIDATION: 'false', TS_NODE_TRANSPILE_ONLY: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  const wallMs = Date.now() - started;
  fs.rmSync(outdir, { recursive: true, force: true });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  return { wallMs, synthMs: r.ms, maxRssMiB: r.maxRssMiB, resources: r.resources };
}

const resourcesAt: Record<string, Record<number, number>> = { library: {}, raw: {} };
console.log(`${os.cpus().length} cores, node ${process.version}, ${REPEAT} runs per cell, medians`);
console.log('brokers | library wall ms | raw wall ms | wall ratio | library peak MiB | raw peak MiB | memory ratio | resources (lib/raw)');
for (const count of COUNTS) {
  const samples: Record<string, ReturnType<typeof run>[]> = { library: [], raw: [] };
  for (let i = 0; i < REPEAT; i++) {
    for (const kind of i % 2 === 0 ? ['library', 'raw'] : ['raw', 'library']) {
      samples[kind].push(run(kind, count));
    }
  }
  const m = (kind: string, key: 'wallMs' | 'maxRssMiB') => median(samples[kind].map((s) => s[key]));
  console.log([count, m('library', 'wallMs'), m('raw', 'wallMs'), (m('library', 'wallMs') / m('raw', 'wallMs')).toFixed(3),
    m('library', 'maxRssMiB').toFixed(0), m('raw', 'maxRssMiB').toFixed(0), (m('library', 'maxRssMiB') / m('raw', 'maxRssMiB')).toFixed(3),
    `${samples.library[0].resources}/${samples.raw[0].resources}`].join(' | '));
  resourcesAt.library[count] = samples.library[0].resources;
  resourcesAt.raw[count] = samples.raw[0].resources;
}
// What each broker adds, beyond what its stack shares (VPC, functions, providers): the 10-broker app minus the 1-broker app.
const perBroker = (kind: string) => (resourcesAt[kind][10] - resourcesAt[kind][1]) / 9;
console.log(`resources per broker: library ${perBroker('library')}, raw ${perBroker('raw')}`);
