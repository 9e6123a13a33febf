import type { Command } from 'commander';
import { detectAnomalies, DEFAULT_SENSITIVITY } from '../../engine/anomaly/detect.js';
import { SignalKindSchema, type SignalKind } from '../../engine/anomaly/signal-kind.js';
import { CliError } from '../errors.js';
import { formatDetections } from '../io/format-detections.js';
import { readSeriesFile } from '../io/read-series-file.js';
import { parseSensitivity } from '../io/parse-sensitivity.js';

/** `headroom detect --csv FILE`: anomaly score and alert for every row of a `timestamp,value` file. */
export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('Score every row of a timestamp,value CSV for anomalies; prints timestamp,value,anomaly_score,alert')
    .requiredOption('--csv <file>', 'input CSV with a timestamp,value header (5-minute metrics, daily costs, ...)')
    .option('--sensitivity <0..1>', `alert sensitivity, higher alerts more (default ${DEFAULT_SENSITIVITY})`)
    .option('--kind <kind>', `what the series measures: ${SignalKindSchema.options.join(', ')} (default: none; a step-like series is recognised from its first values)`)
    .action((options: { csv: string; sensitivity?: string; kind?: string }) => {
      process.stdout.write(runDetect(options.csv, options.sensitivity, options.kind));
    });
}

/** Reads a series file and returns the `timestamp,value,anomaly_score,alert` CSV text for it. */
export function runDetect(csvPath: string, sensitivityText?: string, kindText?: string): string {
  const sensitivity = parseSensitivity(sensitivityText);
  const kind = parseKind(kindText);
  const rows = readSeriesFile(csvPath);
  return formatDetections(rows, detectAnomalies(rows, { sensitivity, kind }));
}

function parseKind(text: string | undefined): SignalKind | undefined {
  if (text === undefined) return undefined;
  const parsed = SignalKindSchema.safeParse(text);
  if (!parsed.success) throw new CliError(`--kind must be one of ${SignalKindSchema.options.join(', ')}, got "${text}".`);
  return parsed.data;
}
