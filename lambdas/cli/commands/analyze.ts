import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { analyseResources, createRuleContext, ResourceConfigError, sliceSnapshot } from '../../engine/analyse.js';
import { analyseAccount } from '../../engine/analyse-account.js';
import { hourlyComputeSpend } from '../../engine/insights/hourly-compute-spend.js';
import { forecastCapacity } from '../../engine/insights/capacity-forecasts.js';
import { forecastDailyCosts, type NamedForecast } from '../../engine/insights/cost-forecasts.js';
import { costAnomalies, metricAnomalies, type ReportedAnomaly } from '../../engine/insights/reported-anomalies.js';
import { prioritise } from '../../engine/prioritise/prioritise.js';
import type { Action, Finding } from '../../engine/types/action.js';
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
export interface AnalyzeResult {
  findings: Finding[];
  actions: Action[];
  forecasts: NamedForecast[];
  anomalies: ReportedAnomaly[];
}

export { readSnapshotFile } from '../io/read-snapshot-file.js';

/**
 * Runs the engine on a snapshot, deterministically (the evaluation time is the snapshot's collectedAt), in the order
 * the analysis workflow does: per-resource rules, metric and cost anomalies, cost and capacity forecasts, then the
 * account-level rules over all of them (Savings Plans sized after rightsizing, insights as performance actions), then
 * prioritisation.
 */
export function analyseSnapshot(snapshot: Snapshot): AnalyzeResult {
  const now = Date.parse(snapshot.collectedAt);
  const context = createRuleContext({ now, prices: snapshot.prices });
  const slices = sliceSnapshot(snapshot);
  let resourceFindings: Finding[];
  try {
    resourceFindings = analyseResources(slices, context);
  } catch (error) {
    if (error instanceof ResourceConfigError) throw new CliError(`${error.message}.`);
    throw error;
  }
  const window = { now, lookbackDays: context.lookbackDays };
  const forecasts = [...forecastDailyCosts(snapshot.costs, snapshot.costForecast).forecasts, ...forecastCapacity(slices, window)];
  // The same anomalies the analysis workflow reports (first day of each series and month-old cost spikes left out).
  const anomalies = [...metricAnomalies(slices, window), ...costAnomalies(snapshot.costs, { now })].sort(
    (a, b) => b.score - a.score || b.timestamp.localeCompare(a.timestamp),
  );
  const hourly = hourlyComputeSpend(slices, context);
  const accountFindings = analyseAccount({ resources: snapshot.resources, findings: resourceFindings, hourlyComputeSpend: hourly, costs: snapshot.costs, commitments: snapshot.commitments, anomalies, forecasts }, context);
  const findings = [...resourceFindings, ...accountFindings];
  return { findings, actions: prioritise(findings), forecasts, anomalies };
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
