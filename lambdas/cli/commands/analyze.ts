import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { ResourceConfigError } from '../../engine/analyse.js';
import { analyseSnapshotPipeline, type PipelineResult } from '../../engine/pipeline.js';
import type { Snapshot } from '../../engine/types/snapshot.js';
import { CliError } from '../errors.js';
import { formatActionTable } from '../format/action-table.js';
import { readSnapshotFile } from '../io/read-snapshot-file.js';

const AnalyzeOptionsSchema = z.object({
  snapshot: z.string().min(1),
  format: z.enum(['table', 'json'], { message: 'must be table or json' }).default('table'),
  out: z.string().min(1).optional(),
});
export type AnalyzeOptions = z.output<typeof AnalyzeOptionsSchema>;

/** What `analyze` produces. */
export type AnalyzeResult = PipelineResult;

export { readSnapshotFile } from '../io/read-snapshot-file.js';

/**
 * Runs the engine pipeline (engine/pipeline.ts, the same phases as the analysis workflow) on a snapshot,
 * deterministically: the evaluation time is the snapshot's collectedAt, and each resource is priced with its region's
 * prices in the snapshot (engine snapshotPricesFor; the bundled catalogue when it has none). A resource config that does not match its type is a
 * one-sentence CliError.
 */
export function analyseSnapshot(snapshot: Snapshot): AnalyzeResult {
  try {
    return analyseSnapshotPipeline(snapshot);
  } catch (error) {
    if (error instanceof ResourceConfigError) throw new CliError(`${error.message}.`);
    throw error;
  }
}

/** The JSON document of `--format json` (and of findings.json, which adds the raw findings). */
export function renderJson(result: AnalyzeResult): string {
  return `${JSON.stringify({ actions: result.actions, forecasts: result.forecasts, anomalies: result.anomalies }, null, 2)}\n`;
}

/**
 * `headroom analyze --snapshot FILE [--format table|json] [--out DIR]`: validates the snapshot, runs the rules and
 * prioritisation, prints the ranked table or `{"actions":[...],"forecasts":[...],"anomalies":[...]}`; with --out also writes
 * DIR/findings.json (`{ actions, findings, forecasts, anomalies }`).
 */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Analyse a saved snapshot: the ranked actions as a table, or actions, forecasts and anomalies as JSON')
    .requiredOption('--snapshot <file>', 'snapshot JSON (schema/snapshot.schema.json)')
    .option('--format <format>', 'output format: table or json', 'table')
    .option('--out <dir>', 'also write findings.json into this directory')
    .action((raw: Record<string, unknown>) => {
      const parsed = AnalyzeOptionsSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CliError(`--${String(issue.path[0])} ${issue.message}.`);
      }
      const { snapshot: path, format, out } = parsed.data;
      const result = analyseSnapshot(readSnapshotFile(path));
      if (out) writeFindings(out, result);
      process.stdout.write(format === 'json' ? renderJson(result) : formatActionTable(result.actions));
    });
}

function writeFindings(dir: string, result: AnalyzeResult): void {
  const path = join(dir, 'findings.json');
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${JSON.stringify({ actions: result.actions, findings: result.findings, forecasts: result.forecasts, anomalies: result.anomalies }, null, 2)}\n`);
  } catch (error) {
    throw new CliError(`Cannot write ${path}: ${(error as Error).message}.`);
  }
}
