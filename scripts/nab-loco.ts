/**
 * Leave-one-category-out validation of the anomaly detector's parameters on a NAB-layout folder:
 *
 *   npx tsx scripts/nab-loco.ts --data /path/to/nab [--grid '{"falseAlarmDays":[90,180],"seasonSlack":[0.2,0]}']
 *
 * Every combination of the grid's values (the detector's defaults for the rest; the first value of each axis
 * should be the default) is run over every file at default sensitivity. Prints each combination's per-category
 * and overall NAB standard scores, then, per category, the combination the other categories choose and its score
 * on the held-out one (`leaveOneCategoryOut`). Report the held-out scores, not the best in-sample line.
 */
import { parseArgs } from 'node:util';
import { detectAnomalies } from '../lambdas/engine/anomaly/detect.js';
import type { DetectorParameters } from '../lambdas/engine/anomaly/parameters.js';
import { evaluateCorpus, type NabFileInput } from '../lambdas/engine/nab/evaluate-corpus.js';
import { leaveOneCategoryOut, type CandidateScores } from '../lambdas/engine/nab/leave-one-category-out.js';
import { STANDARD_PROFILE } from '../lambdas/engine/nab/profile.js';
import { parseTimestamp } from '../lambdas/engine/series/parse-csv.js';
import { listNabDataFiles, readNabWindows } from '../lambdas/cli/io/nab-folder.js';
import { readSeriesFile } from '../lambdas/cli/io/read-series-file.js';

const DEFAULT_GRID: Record<string, number[]> = { falseAlarmDays: [90, 180], seasonSlack: [0.2, 0], refractoryHours: [6, 12], stuckWeight: [1, 0] };

const { values: args } = parseArgs({ options: { data: { type: 'string' }, grid: { type: 'string' } } });
if (args.data === undefined) throw new Error('usage: npx tsx scripts/nab-loco.ts --data <NAB folder> [--grid JSON]');
const grid = args.grid === undefined ? DEFAULT_GRID : (JSON.parse(args.grid) as Record<string, number[]>);

const labels = readNabWindows(args.data);
const files = listNabDataFiles(args.data).map((file) => {
  const rows = readSeriesFile(file.path);
  const windows = (labels[file.key] ?? []).map(([start, end]) => [time(start), time(end)] as const);
  return { file, rows, timestamps: rows.map((row) => row.timestamp), windows };
});

const candidates: CandidateScores[] = [];
for (const parameters of combinations(grid)) {
  const inputs: NabFileInput[] = files.map(({ file, rows, timestamps, windows }) => {
    const detections = detectAnomalies(rows, { parameters });
    return {
      key: file.key,
      category: file.category,
      timestamps,
      anomalyScores: detections.map((d) => d.score),
      alerts: detections.map((d) => d.alert),
      windows,
    };
  });
  const report = evaluateCorpus(inputs);
  const label = JSON.stringify(parameters);
  candidates.push({ label, categories: new Map(report.categories.map((c) => [c.category, { raw: c.score.score, windows: c.score.windows }])) });
  const perCategory = report.categories.filter((c) => c.score.windows > 0).map((c) => `${c.category} ${c.normalised.toFixed(1)}`);
  process.stdout.write(`${label}  ${perCategory.join('  ')}  overall ${report.overall.normalised.toFixed(1)}\n`);
}
process.stdout.write('\nheld out → chosen on the others → held-out score\n');
for (const result of leaveOneCategoryOut(candidates, STANDARD_PROFILE)) {
  process.stdout.write(`${result.heldOut}  ${result.chosen}  ${result.heldOutScore.toFixed(1)}\n`);
}

function* combinations(axes: Record<string, number[]>): Generator<Partial<DetectorParameters>> {
  const names = Object.keys(axes);
  const index = names.map(() => 0);
  for (;;) {
    yield Object.fromEntries(names.map((name, i) => [name, axes[name][index[i]]]));
    let axis = names.length - 1;
    while (axis >= 0 && ++index[axis] === axes[names[axis]].length) index[axis--] = 0;
    if (axis < 0) return;
  }
}

function time(text: string): number {
  const parsed = parseTimestamp(text);
  if (parsed === null) throw new Error(`label time "${text}" is not a timestamp`);
  return parsed;
}
