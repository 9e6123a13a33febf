/**
 * Holdout evaluation of `forecastSeries` on every `timestamp,value` CSV under a folder:
 * for each series, hide its last day, forecast it from the rest, and compare with seasonal naive
 * (repeat the last visible day).
 *
 *   npx tsx scripts/eval-forecast.ts --data /path/to/nab/data [--days 1] [--cutoffs 1] [--verbose]
 *
 * `--cutoffs N` repeats the test N times, the k-th time (k = 0…N−1) also dropping the last k days
 * first, so one run checks the method on N different days of every series (a guard against tuning
 * to the final day). Results are summarised per cutoff and overall.
 *
 * Per series: MAE, seasonal-naive MAE, their ratio, and the share of hidden observations inside the
 * 80 % interval. Summary per folder and overall: geometric mean of the ratios, pooled coverage.
 * Scoring is on the hidden grid slots that hold an observation (gaps are not scored).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fillGaps } from '../lambdas/engine/forecast/fill-gaps.js';
import { forecastSeries } from '../lambdas/engine/forecast/forecast.js';
import { regularise } from '../lambdas/engine/forecast/regularise.js';
import { parseSeriesCsv } from '../lambdas/engine/series/parse-csv.js';

const DAY_MS = 86_400_000;

interface SeriesScore {
  name: string;
  group: string;
  mae: number;
  naiveMae: number;
  ratio: number;
  covered: number;
  scored: number;
  model: string;
  ms: number;
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

function evaluate(path: string, root: string, holdoutDays: number, skipDays: number): SeriesScore | string {
  const rows = parseSeriesCsv(readFileSync(path, 'utf8'));
  const grid = regularise(rows.map((row) => row.timestamp), rows.map((row) => row.value));
  const horizon = Math.round((holdoutDays * DAY_MS) / grid.stepMs);
  const visibleSlots = grid.values.length - horizon - Math.round((skipDays * DAY_MS) / grid.stepMs);
  const period = Math.round(DAY_MS / grid.stepMs);
  if (visibleSlots < 3 * period) return `${relative(root, path)}: skipped, fewer than 3 visible days`;
  const cutoff = grid.start + (visibleSlots - 0.5) * grid.stepMs;
  const visible = rows.filter((row) => row.timestamp < cutoff);
  const started = performance.now();
  // Only the visible rows go in: the step, seasons and everything else are inferred from them alone.
  const result = forecastSeries({ timestamps: visible.map((row) => row.timestamp), values: visible.map((row) => row.value) }, horizon);
  const ms = performance.now() - started;
  const expectedFirst = grid.start + visibleSlots * grid.stepMs;
  if (Math.abs(result.timestamps[0] - expectedFirst) > grid.stepMs / 2) {
    return `${relative(root, path)}: skipped, the visible part's grid does not line up with the full series'`;
  }
  const naiveHistory = grid.values.slice(0, visibleSlots);
  fillGaps(naiveHistory);
  const hidden = grid.values.subarray(visibleSlots);
  let absError = 0;
  let naiveAbsError = 0;
  let covered = 0;
  let scored = 0;
  for (let i = 0; i < horizon; i++) {
    const actual = hidden[i];
    if (Number.isNaN(actual)) continue;
    scored++;
    absError += Math.abs(actual - result.forecast[i]);
    naiveAbsError += Math.abs(actual - naiveHistory[visibleSlots - period + (i % period)]);
    if (actual >= result.lower80[i] && actual <= result.upper80[i]) covered++;
  }
  const mae = absError / scored;
  const naiveMae = naiveAbsError / scored;
  const name = relative(root, path) + (skipDays > 0 ? `@-${skipDays}d` : '');
  const group = skipDays > 0 ? `cutoff -${skipDays}d` : 'cutoff at end';
  return { name, group, mae, naiveMae, ratio: naiveMae > 0 ? mae / naiveMae : mae > 0 ? Number.POSITIVE_INFINITY : 1, covered, scored, model: result.model, ms };
}

function summarise(label: string, scores: SeriesScore[]): string {
  // A ratio of 0 (perfect forecast) or ∞ (seasonal naive perfect) has no logarithm: reported, not averaged.
  const finite = scores.filter((score) => Number.isFinite(score.ratio) && score.ratio > 0);
  const excluded = scores.length - finite.length;
  const geometricMean = Math.exp(finite.reduce((sum, score) => sum + Math.log(score.ratio), 0) / finite.length);
  const coverage = scores.reduce((sum, score) => sum + score.covered, 0) / scores.reduce((sum, score) => sum + score.scored, 0);
  const ratios = scores.map((score) => score.ratio).sort((a, b) => a - b);
  const middle = ratios.length >> 1;
  const medianRatio = ratios.length % 2 === 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
  const note = excluded > 0 ? ` (${excluded} with ratio 0 or ∞ left out of the mean)` : '';
  return `${label}: ${scores.length} series, geometric-mean MAE ratio ${geometricMean.toFixed(3)}${note} (median ${medianRatio.toFixed(3)}), 80% interval coverage ${(100 * coverage).toFixed(1)}%`;
}

const { values: args } = parseArgs({ options: { data: { type: 'string' }, days: { type: 'string', default: '1' }, verbose: { type: 'boolean', default: false }, cutoffs: { type: 'string', default: '1' } } });
if (!args.data) {
  process.stderr.write('eval-forecast: --data DIR is required (a folder searched recursively for CSV files).\n');
  process.exit(2);
}
if (!existsSync(args.data)) {
  process.stderr.write(`eval-forecast: ${args.data} does not exist.\n`);
  process.exit(2);
}
const holdoutDays = Number(args.days);
const scores: SeriesScore[] = [];
process.stdout.write('series,mae,seasonal_naive_mae,ratio,coverage80,ms,model\n');
const cutoffs = Number(args.cutoffs);
for (let skipDays = 0; skipDays < cutoffs; skipDays++) for (const path of listCsvFiles(args.data)) {
  const score = evaluate(path, args.data, holdoutDays, skipDays);
  if (typeof score === 'string') {
    process.stderr.write(`${score}\n`);
    continue;
  }
  scores.push(score);
  const model = args.verbose ? score.model : score.model.slice(0, 60);
  process.stdout.write(`${score.name},${score.mae.toPrecision(4)},${score.naiveMae.toPrecision(4)},${score.ratio.toFixed(3)},${(score.covered / score.scored).toFixed(3)},${score.ms.toFixed(1)},"${model}"\n`);
}
const groups = [...new Set(scores.map((score) => score.group))];
if (groups.length > 1) for (const group of groups) process.stdout.write(`${summarise(group, scores.filter((score) => score.group === group))}\n`);
process.stdout.write(`${summarise('overall', scores)}\n`);
