/**
 * Holdout evaluation of `forecastSeries` on every `timestamp,value` CSV under a folder, at three resolutions:
 *   native  the series as given (NAB: 5-minute, some hourly), hide the last day;
 *   hourly  averaged into UTC hours, hide the last day (24 slots);
 *   daily   averaged into UTC days, only series spanning ≥ 42 days, hide the last 14 days.
 * Each hidden part is forecast from the rest and compared with seasonal naive repeating the last visible
 * day (native, hourly) or week (daily).
 *
 *   npx tsx scripts/eval-forecast.ts --data /path/to/nab/data [--resolution all|native|hourly|daily] [--cutoffs 1] [--series]
 *
 * `--cutoffs N` repeats each test N times, the k-th time (k = 0…N−1) first dropping k holdout lengths from
 * the end, so one run checks the method on N different stretches of every series (a guard against
 * tuning to the final day).
 *
 * Printed: per resolution, per category (the first folder under --data) and overall, the geometric mean
 * of the per-series MAE ratios (ours / seasonal naive) and the pooled share of hidden observations inside
 * the 80 % interval; `!` marks a figure outside its target (ratio ≤ 0.85, coverage 75–85 %).
 * `--series` also prints one CSV row per series and test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSeriesCsv } from '../lambdas/engine/series/parse-csv.js';
import { aggregate, type Observations } from './eval-forecast/aggregate.js';
import { scoreHoldout, type HoldoutScore } from './eval-forecast/holdout.js';
import { formatSummary, summarise } from './eval-forecast/summary.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface Resolution {
  name: string;
  /** The series at this resolution (null: not tested at it), and its step. */
  prepare(series: Observations, stepMs: number): { series: Observations; stepMs: number } | null;
  holdoutMs: number;
  naiveSeasonMs: number;
  minVisibleMs: number;
}

const RESOLUTIONS: Resolution[] = [
  { name: 'native', prepare: (series, stepMs) => ({ series, stepMs }), holdoutMs: DAY_MS, naiveSeasonMs: DAY_MS, minVisibleMs: 3 * DAY_MS },
  {
    name: 'hourly',
    prepare: (series, stepMs) => (stepMs > HOUR_MS ? null : { series: aggregate(series, stepMs, HOUR_MS), stepMs: HOUR_MS }),
    holdoutMs: DAY_MS,
    naiveSeasonMs: DAY_MS,
    minVisibleMs: 3 * DAY_MS,
  },
  {
    name: 'daily',
    prepare: (series, stepMs) => {
      const span = series.timestamps[series.timestamps.length - 1] - series.timestamps[0];
      return stepMs > DAY_MS || span < 42 * DAY_MS ? null : { series: aggregate(series, stepMs, DAY_MS), stepMs: DAY_MS };
    },
    holdoutMs: 14 * DAY_MS,
    naiveSeasonMs: 7 * DAY_MS,
    minVisibleMs: 28 * DAY_MS,
  },
];

interface Row extends HoldoutScore {
  name: string;
  category: string;
  resolution: string;
}

function listCsvFiles(root: string): string[] {
  if (statSync(root).isFile()) return [root];
  return readdirSync(root, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(root, entry.name);
      if (entry.isDirectory()) return listCsvFiles(path);
      return entry.name.endsWith('.csv') ? [path] : [];
    });
}

function medianStep(timestamps: readonly number[]): number {
  const diffs = timestamps.slice(1).map((timestamp, index) => timestamp - timestamps[index]).filter((diff) => diff > 0).sort((a, b) => a - b);
  return diffs[diffs.length >> 1];
}

function fail(message: string): never {
  process.stderr.write(`eval-forecast: ${message}\n`);
  process.exit(2);
}

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    resolution: { type: 'string', default: 'all' },
    cutoffs: { type: 'string', default: '1' },
    series: { type: 'boolean', default: false },
  },
});
if (!args.data) fail('--data DIR is required (a folder searched recursively for CSV files).');
if (!existsSync(args.data)) fail(`${args.data} does not exist.`);
const resolutions = args.resolution === 'all' ? RESOLUTIONS : RESOLUTIONS.filter((resolution) => resolution.name === args.resolution);
if (resolutions.length === 0) fail(`--resolution must be all, native, hourly or daily, got ${args.resolution}.`);
const cutoffs = Number(args.cutoffs);
if (!Number.isInteger(cutoffs) || cutoffs < 1) fail(`--cutoffs must be a positive integer, got ${args.cutoffs}.`);

const root = args.data;
const files = listCsvFiles(root).map((path) => {
  const rows = parseSeriesCsv(readFileSync(path, 'utf8')).filter((row) => row.value !== null);
  const series: Observations = { timestamps: rows.map((row) => row.timestamp), values: rows.map((row) => row.value as number) };
  const name = relative(root, path) || path;
  const category = name.includes(sep) ? name.split(sep)[0] : '.';
  return { name, category, series, stepMs: medianStep(series.timestamps) };
});

const rows: Row[] = [];
if (args.series) process.stdout.write('resolution,series,mae,seasonal_naive_mae,ratio,coverage80,ms,model\n');
for (const resolution of resolutions) {
  for (let k = 0; k < cutoffs; k++) {
    for (const file of files) {
      const prepared = resolution.prepare(file.series, file.stepMs);
      if (prepared === null) continue;
      const slots = (ms: number) => Math.round(ms / prepared.stepMs);
      const horizon = slots(resolution.holdoutMs);
      const plan = { horizon, skip: k * horizon, naivePeriod: slots(resolution.naiveSeasonMs), minVisible: slots(resolution.minVisibleMs) };
      const name = file.name + (k > 0 ? `@-${k}` : '');
      const score = scoreHoldout(prepared.series, plan);
      if (typeof score === 'string') {
        process.stderr.write(`${resolution.name} ${name}: ${score}\n`);
        continue;
      }
      rows.push({ ...score, name, category: file.category, resolution: resolution.name });
      if (args.series) {
        process.stdout.write(
          `${resolution.name},${name},${score.mae.toPrecision(4)},${score.naiveMae.toPrecision(4)},${score.ratio.toFixed(3)},${(score.covered / score.scored).toFixed(3)},${score.ms.toFixed(1)},"${score.model}"\n`,
        );
      }
    }
  }
}

for (const resolution of resolutions) {
  const ofResolution = rows.filter((row) => row.resolution === resolution.name);
  if (ofResolution.length === 0) continue;
  const holdout = resolution.holdoutMs / DAY_MS;
  process.stdout.write(`\n${resolution.name}: hide the last ${holdout} day${holdout === 1 ? '' : 's'}${cutoffs > 1 ? `, ${cutoffs} cutoffs` : ''}\n`);
  for (const category of [...new Set(ofResolution.map((row) => row.category))]) {
    process.stdout.write(`  ${formatSummary(category, summarise(ofResolution.filter((row) => row.category === category)))}\n`);
  }
  process.stdout.write(`  ${formatSummary('overall', summarise(ofResolution))}\n`);
}
