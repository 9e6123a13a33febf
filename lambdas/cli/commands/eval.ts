import { join } from 'node:path';
import type { Command } from 'commander';
import { detectAnomalies, DEFAULT_SENSITIVITY } from '../../engine/anomaly/detect.js';
import { evaluateCorpus, type NabFileInput } from '../../engine/nab/evaluate-corpus.js';
import { NabWindowError } from '../../engine/nab/sweep.js';
import { parseTimestamp } from '../../engine/series/parse-csv.js';
import { CliError } from '../errors.js';
import { listNabDataFiles, readNabWindows } from '../io/nab-folder.js';
import { formatMisses, formatNabReport } from '../io/nab-report-table.js';
import { readSeriesFile } from '../io/read-series-file.js';
import { writeNabResultFile } from '../io/write-nab-results.js';

/** Name of our detector in NAB result paths. */
const DETECTOR_NAME = 'headroom';

/** `headroom eval nab --data DIR [--out DIR]`: run detect over a NAB-layout folder and score it. */
export function registerEval(program: Command): void {
  const evaluate = program.command('eval').description('Evaluate Headroom against public benchmarks');
  evaluate
    .command('nab')
    .description('Run anomaly detection over a NAB-layout folder (data/<category>/*.csv, labels/combined_windows.json), write NAB result CSVs and print NAB standard scores')
    .requiredOption('--data <dir>', 'NAB-layout folder')
    .option('--out <dir>', 'where to write result CSVs', 'out/nab')
    .action((options: { data: string; out: string }) => {
      process.stdout.write(runNabEval(options.data, options.out, (line) => process.stderr.write(`${line}\n`)));
    });
}

/**
 * Runs detect over every file of a NAB-layout folder, writes NAB result CSVs under `outDir` and returns
 * the report text; `progress` receives one line per file.
 */
export function runNabEval(dataDir: string, outDir: string, progress: (line: string) => void = () => {}): string {
  const dataFiles = listNabDataFiles(dataDir);
  const labels = readNabWindows(dataDir);
  const inputs: NabFileInput[] = [];
  const rowTimes: string[][] = [];
  const windowTexts: (readonly [string, string])[][] = [];
  for (const file of dataFiles) {
    const fileWindows = labels[file.key];
    if (fileWindows === undefined) throw new CliError(`The labels file has no entry for ${file.key}.`);
    windowTexts.push(fileWindows);
    const windows = fileWindows.map(([start, end]) => [labelTime(start, file.key), labelTime(end, file.key)] as const);
    const rows = readSeriesFile(file.path);
    progress(`detect ${file.key} (${rows.length} rows)`);
    const detections = detectAnomalies(rows);
    const inWindow = rows.map((row) => windows.some(([start, end]) => row.timestamp >= start && row.timestamp <= end));
    writeNabResultFile(outDir, DETECTOR_NAME, file.category, file.name, rows, detections, inWindow);
    rowTimes.push(rows.map((row) => row.timestampText));
    inputs.push({
      key: file.key,
      category: file.category,
      timestamps: rows.map((row) => row.timestamp),
      anomalyScores: detections.map((detection) => detection.score),
      alerts: detections.map((detection) => detection.alert),
      windows,
    });
  }
  let report;
  try {
    report = evaluateCorpus(inputs);
  } catch (error) {
    if (error instanceof NabWindowError) throw new CliError(`Cannot score ${dataDir}: ${error.message}.`);
    throw error;
  }
  progress(`results written under ${join(outDir, DETECTOR_NAME)}`);
  const misses = report.files.map((file, index) => ({
    key: file.key,
    missedWindows: file.score.missedWindowIds.map((id) => `${windowTexts[index][id][0]} .. ${windowTexts[index][id][1]}`),
    falsePositives: file.score.falsePositiveRows.map((row) => rowTimes[index][row]),
  }));
  return formatNabReport(report, DEFAULT_SENSITIVITY) + formatMisses(misses);
}

function labelTime(text: string, key: string): number {
  const time = parseTimestamp(text);
  if (time === null) throw new CliError(`The labels for ${key} hold "${text}", which is not a timestamp.`);
  return time;
}
