/**
 * Power and false-rollback rate of the apply workflow's validation tests on real, autocorrelated series
 * (docs/safe-apply.md "Measured"). Usage: `npx tsx bench/validation.ts --data DIR [--cuts N] [--seed S]` where DIR is a
 * NAB-layout folder (data/<category>/*.csv with `timestamp,value`); real categories only (names starting `real`).
 *
 * For every series, N random cut points split it into a before-window and an after-window of WINDOW periods each
 * (the default 1-hour bake at 1-minute periods: each CSV row stands for one period). Then, per metric kind:
 *   latency  the series itself is the level metric; regression = after × 1.25;
 *   errors   invocations = the series scaled to a mean of 200 per period; errors ~ Binomial(invocations, pₜ) with pₜ
 *            = 2 % × the series' own normalised shape (real bursts, capped at 100 %); regression = +5 points;
 *   throttles events = the series scaled to a mean of 20 per period (real overdispersed counts); regression = 2×;
 *   vanish   the series' presence (every period present); regression = no value after the cut.
 * "False rollback" = verdict regressed with no injection; "power" = verdict regressed with one. Methods compared: the
 * shipped tests, the plain (not overdispersion-aware) binomial/Poisson tests, and the old one-sided Mann–Whitney U
 * on per-period values with and without its effect gate. Prints one table; CPU time at the end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { levelTest } from '../lambdas/actions/validation/level-test.js';
import { presenceTest } from '../lambdas/actions/validation/presence-test.js';
import { rateTest, type RatePoint } from '../lambdas/actions/validation/rate-test.js';

const WINDOW = 60;
/** Baseline length as a multiple of the after-window (--before-factor; the Validate step uses BASELINE_FACTOR). */
const BEFORE = WINDOW * Number(process.argv.includes('--before-factor') ? process.argv[process.argv.indexOf('--before-factor') + 1] : '1');
const ALPHA = 0.01;

function arg(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const dataDir = arg('data');
if (!dataDir) {
  process.stderr.write('usage: tsx bench/validation.ts --data <NAB folder> [--cuts N] [--seed S]\n');
  process.exit(2);
}
const cuts = Number(arg('cuts', '100'));
let seed = Number(arg('seed', '1')) >>> 0;
const uniform = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
function binomial(n: number, p: number): number {
  if (p <= 0 || n <= 0) return 0;
  if (n > 50) return Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform())));
  let k = 0;
  for (let i = 0; i < n; i += 1) if (uniform() < p) k += 1;
  return k;
}

function readSeries(dir: string): { name: string; values: number[] }[] {
  const root = path.join(dir, 'data');
  return readdirSync(root)
    .filter((category) => category.startsWith('real'))
    .flatMap((category) =>
      readdirSync(path.join(root, category))
        .filter((file) => file.endsWith('.csv'))
        .map((file) => {
          const values = readFileSync(path.join(root, category, file), 'utf8')
            .split('\n')
            .slice(1)
            .map((line) => Number(line.split(',')[1]))
            .filter((value) => Number.isFinite(value));
          return { name: `${category}/${file}`, values };
        }),
    );
}

/** The old method: one-sided Mann–Whitney U (normal approximation, tie-corrected) on per-period values. */
function mannWhitneyP(before: number[], after: number[]): number {
  const pooled = [...before.map((v) => ({ v, after: false })), ...after.map((v) => ({ v, after: true }))].sort((a, b) => a.v - b.v);
  let rankSum = 0;
  let tieTerm = 0;
  for (let i = 0; i < pooled.length; ) {
    let j = i;
    while (j + 1 < pooled.length && pooled[j + 1].v === pooled[i].v) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) if (pooled[k].after) rankSum += rank;
    tieTerm += (j - i + 1) ** 3 - (j - i + 1);
    i = j + 1;
  }
  const [n1, n2] = [before.length, after.length];
  const n = n1 + n2;
  const u = rankSum - (n2 * (n2 + 1)) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  return variance <= 0 ? 1 : 1 - normalCdf((u - (n1 * n2) / 2 - 0.5) / Math.sqrt(variance), 0, 1);
}
const med = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function mannWhitney(before: number[], after: number[], gate: { rel: number; abs: number } | undefined): boolean {
  const significant = mannWhitneyP(before, after) < ALPHA;
  if (!gate) return significant;
  const shift = med(after) - med(before);
  return significant && shift >= Math.max(gate.abs, gate.rel * Math.abs(med(before)));
}

/** Plain binomial / Poisson z-test of the pooled rates (φ = 1: counts assumed independent). */
function plainRate(before: RatePoint[], after: RatePoint[], kind: 'trials' | 'time', gate: { rel: number; abs: number }): boolean {
  const sum = (points: RatePoint[]) => points.reduce((t, p) => ({ e: t.e + p.events, n: t.n + p.exposure }), { e: 0, n: 0 });
  const [a, b] = [sum(after), sum(before)];
  const [ra, rb, rp] = [a.e / a.n, b.e / b.n, (a.e + b.e) / (a.n + b.n)];
  const v = kind === 'trials' ? rp * (1 - rp) : rp;
  const se = Math.sqrt(v * (1 / a.n + 1 / b.n));
  const p = se === 0 ? 1 : 1 - normalCdf((ra - rb) / se, 0, 1);
  return p < ALPHA && ra - rb >= Math.max(gate.abs, gate.rel * rb);
}

interface Tally {
  falseRollbacks: number;
  detected: number;
  trials: number;
}
const tallies = new Map<string, Tally>();
function count(key: string, nullVerdict: boolean, injectedVerdict: boolean): void {
  const tally = tallies.get(key) ?? { falseRollbacks: 0, detected: 0, trials: 0 };
  tally.trials += 1;
  if (nullVerdict) tally.falseRollbacks += 1;
  if (injectedVerdict) tally.detected += 1;
  tallies.set(key, tally);
}

const started = process.cpuUsage();
const series = readSeries(dataDir).filter((s) => s.values.length >= 4 * WINDOW);
const cpuShapes = series.filter((s) => /cpu/i.test(s.name));
const latencyGate = { worseWhen: 'higher' as const, minRelativeEffect: 0.2, minAbsoluteEffect: 0 };
const rateGate = { worseWhen: 'higher' as const, minRelativeEffect: 0.5, minAbsoluteEffect: 0.01 };
const timeGate = { worseWhen: 'higher' as const, minRelativeEffect: 0.5, minAbsoluteEffect: 1 };

for (const [index, s] of series.entries()) {
  const mean = s.values.reduce((t, v) => t + v, 0) / s.values.length || 1;
  const shapeSource = cpuShapes[index % cpuShapes.length]?.values ?? s.values;
  const shapeMean = shapeSource.reduce((t, v) => t + v, 0) / shapeSource.length || 1;
  for (let c = 0; c < cuts; c += 1) {
    const cut = BEFORE + Math.floor(uniform() * (s.values.length - BEFORE - WINDOW));
    const before = s.values.slice(cut - BEFORE, cut);
    const after = s.values.slice(cut, cut + WINDOW);

    // Latency: the real series as a level metric, +25 % injected.
    const worse = after.map((v) => v * 1.25);
    count('latency +25 %|block Welch (shipped)', levelTest(before, after, latencyGate).regressed, levelTest(before, worse, latencyGate).regressed);
    count('latency +25 %|Mann-Whitney, gate (old)', mannWhitney(before, after, { rel: 0.2, abs: 0 }), mannWhitney(before, worse, { rel: 0.2, abs: 0 }));
    count('latency +25 %|Mann-Whitney, no gate', mannWhitney(before, after, undefined), mannWhitney(before, worse, undefined));

    // Errors: real traffic as exposure, real CPU bursts shaping the error probability; +5 points injected.
    const offset = cut % Math.max(1, shapeSource.length - BEFORE - WINDOW);
    const errors = (values: number[], shapeFrom: number, extra: number): RatePoint[] =>
      values.map((v, i) => {
        const exposure = Math.max(1, Math.round((200 * v) / mean));
        const p = Math.min(1, (0.02 * (shapeSource[shapeFrom + i] ?? shapeMean)) / shapeMean);
        return { exposure, events: Math.min(exposure, binomial(exposure, p) + binomial(exposure, extra)) };
      });
    const errBefore = errors(before, offset, 0);
    const errAfter = errors(after, offset + BEFORE, 0);
    const errWorse = errAfter.map((p, i) => ({ exposure: p.exposure, events: Math.min(p.exposure, p.events + binomial(p.exposure, 0.05) + 0 * i) }));
    const trials = { ...rateGate, exposure: 'trials' as const };
    count('errors +5 points|quasi-binomial (shipped)', rateTest(errBefore, errAfter, trials).regressed, rateTest(errBefore, errWorse, trials).regressed);
    count('errors +5 points|plain binomial', plainRate(errBefore, errAfter, 'trials', { rel: 0.5, abs: 0.01 }), plainRate(errBefore, errWorse, 'trials', { rel: 0.5, abs: 0.01 }));
    const counts = (points: RatePoint[]) => points.map((p) => p.events);
    count('errors +5 points|Mann-Whitney on counts, gate (old)', mannWhitney(counts(errBefore), counts(errAfter), { rel: 0.5, abs: 1 }), mannWhitney(counts(errBefore), counts(errWorse), { rel: 0.5, abs: 1 }));

    // Throttles: the real series as overdispersed counts (mean 20 per period); 2× injected.
    const throttle = (values: number[]) => values.map((v) => ({ events: Math.round((20 * v) / mean), exposure: 1 }));
    const thBefore = throttle(before);
    const thAfter = throttle(after);
    const thWorse = thAfter.map((p) => ({ events: 2 * p.events, exposure: 1 }));
    const time = { ...timeGate, exposure: 'time' as const };
    count('throttles 2×|quasi-Poisson (shipped)', rateTest(thBefore, thAfter, time).regressed, rateTest(thBefore, thWorse, time).regressed);
    count('throttles 2×|plain Poisson', plainRate(thBefore, thAfter, 'time', { rel: 0.5, abs: 1 }), plainRate(thBefore, thWorse, 'time', { rel: 0.5, abs: 1 }));
    count('throttles 2×|Mann-Whitney, gate (old)', mannWhitney(counts(thBefore), counts(thAfter), { rel: 0.5, abs: 1 }), mannWhitney(counts(thBefore), counts(thWorse), { rel: 0.5, abs: 1 }));

    // Vanishing: every period present before; after the cut, all present (null) or none (injected).
    count('metric vanishes after|presence binomial (shipped)', presenceTest(BEFORE, BEFORE, WINDOW, WINDOW).regressed, presenceTest(BEFORE, BEFORE, 0, WINDOW).regressed);
    // One point in five periods (EC2 basic monitoring read at 1-minute periods).
    const sparse = (n: number) => Math.ceil(n / 5);
    count('metric vanishes after (1 point in 5)|presence binomial (shipped)', presenceTest(sparse(BEFORE), BEFORE, sparse(WINDOW), WINDOW).regressed, presenceTest(sparse(BEFORE), BEFORE, 0, WINDOW).regressed);
  }
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1).padStart(5)} %`;
process.stdout.write(`${series.length} real series (${series.map((s) => s.name.split('/')[0]).filter((v, i, a) => a.indexOf(v) === i).join(', ')}), ${cuts} random cuts each, ${BEFORE} periods before and ${WINDOW} after the cut, alpha ${ALPHA}\n\n`);
process.stdout.write(`${'metric kind'.padEnd(40)} ${'method'.padEnd(36)} ${'false rollback'.padStart(14)} ${'power'.padStart(8)}\n`);
for (const [key, tally] of tallies) {
  const [kind, method] = key.split('|');
  process.stdout.write(`${kind.padEnd(40)} ${method.padEnd(36)} ${pct(tally.falseRollbacks, tally.trials).padStart(14)} ${pct(tally.detected, tally.trials).padStart(8)}\n`);
}
const cpu = process.cpuUsage(started);
process.stdout.write(`\n${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU\n`);
