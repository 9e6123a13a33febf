/**
 * The whole path as a user runs it, each command a process of its own measured by the kernel through GNU time
 * (`/usr/bin/time -v`: wall clock, user + system CPU, peak RSS), start-up, file reading and writing included:
 *   1. `headroom demo --resources N --out DIR`              target at 10,000 resources: ≤ 60 s wall
 *   2. `headroom analyze --snapshot DIR/snapshot.json --format json > /dev/null`, on the demo's own snapshot
 *                                                           target at 10,000 resources: ≤ 10 s wall and ≤ 1.5 GB RSS
 * `npx tsx bench/analyze-e2e.ts [--resources N] [--snapshot FILE]` (with --snapshot, only step 2 on that file).
 * Skips with a message where /usr/bin/time is missing (macOS ships a BSD time without -v). CPU seconds are the fair
 * figure on a shared machine: wall time grows with whatever else runs on the cores.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { option } from './support.js';

const TIME = '/usr/bin/time';
const BIN = fileURLToPath(new URL('../bin/headroom.mjs', import.meta.url));

interface Measured {
  wallSeconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
}

/** The fields of GNU time's -v report this bench prints; throws naming a field the report lacks. */
function parseTimeReport(report: string): Measured {
  const field = (label: string): string => {
    const line = report.split('\n').find((l) => l.trim().startsWith(label));
    if (line === undefined) throw new Error(`GNU time's report has no "${label}" line`);
    return line.slice(line.lastIndexOf(': ') + 2).trim();
  };
  // "h:mm:ss" or "m:ss.ss": seconds = Σ part × 60^(position from the right).
  const wallSeconds = field('Elapsed (wall clock) time').split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  const cpuSeconds = Number(field('User time (seconds)')) + Number(field('System time (seconds)'));
  return { wallSeconds, cpuSeconds, maxRssMiB: Number(field('Maximum resident set size (kbytes)')) / 1024 };
}

/** Runs `node bin/headroom.mjs …args` under GNU time, stdout discarded; its report goes to `reportFile`. */
function measure(args: string[], reportFile: string): Measured {
  const run = spawnSync(TIME, ['-v', '-o', reportFile, process.execPath, BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`headroom ${args[0]} failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return parseTimeReport(readFileSync(reportFile, 'utf8'));
}

const line = (name: string, m: Measured, target: string) =>
  `${name.padEnd(60)} ${m.wallSeconds.toFixed(1).padStart(6)} s wall ${m.cpuSeconds.toFixed(1).padStart(6)} s CPU ${m.maxRssMiB.toFixed(0).padStart(6)} MiB max RSS   (${target})`;

function main(): void {
  try {
    accessSync(TIME, constants.X_OK);
  } catch {
    process.stdout.write(`skipped: ${TIME} (GNU time, for -v) is not installed; on Debian/Ubuntu: apt-get install time\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'headroom-e2e-'));
  try {
    // Builds the CLI bundle if the source changed, so neither measured run includes a build.
    spawnSync(process.execPath, [BIN, '--help'], { stdio: 'ignore' });
    const snapshotIndex = process.argv.indexOf('--snapshot');
    let snapshot = snapshotIndex >= 0 ? process.argv[snapshotIndex + 1] : undefined;
    if (snapshot === undefined) {
      const resources = option('resources', 10_000);
      const demo = measure(['demo', '--resources', String(resources), '--out', join(dir, 'out')], join(dir, 'demo.time'));
      process.stdout.write(`${line(`headroom demo --resources ${resources}`, demo, 'target at 10,000: ≤ 60 s wall')}\n`);
      snapshot = join(dir, 'out', 'snapshot.json');
    }
    const analyze = measure(['analyze', '--snapshot', snapshot, '--format', 'json'], join(dir, 'analyze.time'));
    process.stdout.write(`${line('headroom analyze --snapshot snapshot.json --format json', analyze, 'target at 10,000: ≤ 10 s wall, ≤ 1.5 GB = 1431 MiB')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
