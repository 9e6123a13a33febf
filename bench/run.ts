/**
 * `npm run bench`: the SPEC §10 benchmarks at their target sizes, one process each (so each peak RSS is its own).
 *   engine   the demo generator's 10,000 resources (≈ 3 metrics × 4,032 points each), every step of `headroom analyze`;
 *            target ≤ 10 s, ≤ 1.5 GB RSS
 *   detect   10,000 series × 4,032 points                 }
 *   forecast 10,000 series × 4,032 points, horizon 288    } target: detect + forecast ≤ 10 s on one core
 *   e2e      `headroom demo --resources 10000` (≤ 60 s wall), then `headroom analyze` on its snapshot.json (≤ 10 s
 *            wall, ≤ 1.5 GB RSS), each under /usr/bin/time -v, start-up and file I/O included
 * Pass `--quick` for a 1,000-resource/series smoke run. CPU seconds are the fair figure on a shared machine.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const size = quick ? '1000' : '10000';
const benches = [
  { name: 'engine', script: 'engine.ts', args: ['--resources', size] },
  { name: 'detect', script: 'anomaly.ts', args: ['--series', size] },
  { name: 'forecast', script: 'forecast.ts', args: ['--series', size] },
  { name: 'e2e', script: 'analyze-e2e.ts', args: ['--resources', size] },
];

const cpuSeconds: Record<string, number> = {};
for (const bench of benches) {
  process.stdout.write(`\n== ${bench.name} (${bench.args.join(' ')}) ==\n`);
  const script = fileURLToPath(new URL(bench.script, import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...bench.args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    process.stderr.write(`bench ${bench.name} failed with exit code ${run.status}\n`);
    process.exit(1);
  }
  // Each bench states its CPU seconds in its own words: "0.79 s CPU", "cpu  0.62 s", "CPU time: 0.61 s".
  const cpu = /([\d.]+) s CPU|\bcpu\s+([\d.]+) s|CPU time: ([\d.]+) s/i.exec(run.stdout);
  if (cpu) cpuSeconds[bench.name] = Number(cpu[1] ?? cpu[2] ?? cpu[3]);
}
if (cpuSeconds.detect !== undefined && cpuSeconds.forecast !== undefined) {
  process.stdout.write(`\ndetect + forecast: ${(cpuSeconds.detect + cpuSeconds.forecast).toFixed(2)} s CPU for ${size} series × 4,032 points\n`);
}
