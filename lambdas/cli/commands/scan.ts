import * as path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { losesData } from '../../collectors/collection-status.js';
import { totalMonthlySavingsUsd } from '../../engine/prioritise/prioritise.js';
import { issueLine, reportedIssue } from '../../notify/format/collection-issues.js';
import type { ApiCallCounts } from '../../shared/store/store.js';
import { CliError } from '../errors.js';
import { formatActionTable } from '../format/action-table.js';
import { runScan, type ScanOptions, type ScanResult } from '../io/run-scan.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const ScanOptionsSchema = z.object({
  profile: z.string().min(1, 'must name a profile').optional(),
  regions: z
    .string()
    .transform((s) => s.split(',').map((r) => r.trim()).filter((r) => r !== ''))
    .pipe(z.array(z.string().regex(REGION, 'must be AWS region names such as us-east-1,eu-west-1')).min(1, 'must name at least one region'))
    .optional(),
  out: z.string().min(1).default('out'),
  format: z.enum(['table', 'json'], { message: 'must be table or json' }).default('table'),
  allowPartial: z.boolean().default(false),
});

/** Exit codes of `headroom scan` (README, docs/scan-status.md): 0 complete, 2 partial (0 with --allow-partial), 1 failed or any error. */
export const SCAN_EXIT = { complete: 0, failed: 1, partial: 2 } as const;

/**
 * The one-sentence error a partial or failed scan ends with, after its outputs are written (undefined: exit 0). It
 * names the first issue in full and where the rest are listed.
 */
export function scanOutcomeError(result: Pick<ScanResult, 'status' | 'snapshot'>, outDir: string, allowPartial: boolean): CliError | undefined {
  if (result.status === 'complete' || (result.status === 'partial' && allowPartial)) return undefined;
  const lost = result.snapshot.issues.filter(losesData);
  const first = lost[0] === undefined ? '' : `, first ${issueLine(lost[0])}`;
  const where = `every issue is in ${path.join(outDir, 'findings.json')} and the report`;
  if (result.status === 'failed') {
    return new CliError(`scan failed: ${lost.length} collection issue(s) and no resources collected${first}; ${where}.`, SCAN_EXIT.failed);
  }
  return new CliError(
    `scan partial: ${lost.length} collection issue(s) lost data${first}; the findings may be missing or understated, ${where} (pass --allow-partial to accept a partial scan with exit code 0).`,
    SCAN_EXIT.partial,
  );
}

/** The API calls as aligned lines: `service:Operation  calls  (attempts, throttled)`, then the total. */
export function formatApiCalls(calls: ApiCallCounts): string {
  const rows = Object.entries(calls);
  const width = Math.max(0, ...rows.map(([api]) => api.length));
  const total = rows.reduce((sum, [, c]) => sum + c.calls, 0);
  const lines = rows.map(([api, c]) => {
    const extra = c.attempts !== c.calls || c.throttled > 0 ? `  (${c.attempts} attempts, ${c.throttled} throttled)` : '';
    return `  ${api.padEnd(width)}  ${String(c.calls).padStart(6)}${extra}`;
  });
  return [`AWS API calls made by this scan: ${total}`, ...lines].join('\n');
}

/** `--format json`: `{ account, regions, status, actions, forecasts, anomalies, issues, apiCalls }`, valid JSON and nothing else. */
export function renderScanJson(result: ScanResult): string {
  const { actions, forecasts, anomalies } = result.analysis;
  const issues = result.snapshot.issues.map(reportedIssue);
  return `${JSON.stringify({ account: result.account, regions: result.regions, status: result.status, actions, forecasts, anomalies, issues, apiCalls: result.apiCalls }, null, 2)}\n`;
}

/**
 * `headroom scan [--profile P] [--regions a,b] [--out DIR] [--format table|json]` (SPEC §4): read-only scan of the
 * caller's account with the default credential chain; progress on stderr; the ranked table (or JSON) and the API
 * calls made on stdout; the demo's files in DIR. Exit code (SCAN_EXIT): 0 when the collection was complete, 2 when it
 * was partial (0 with --allow-partial), 1 when it failed; the outputs are written in every case.
 */
export function registerScan(program: Command, run: (options: ScanOptions) => Promise<ScanResult> = runScan): void {
  program
    .command('scan')
    .description('Scan a real AWS account read-only with your credentials: same collectors and engine, nothing deployed')
    .option('--profile <name>', 'AWS profile (default: the SDK credential chain, AWS_PROFILE)')
    .option('--regions <list>', 'comma-separated regions (default: AWS_REGION or the profile region)')
    .option('--out <dir>', 'where to write report.html, findings.json, snapshot.json, slack.json, email.html, email.txt, api-calls.json', 'out')
    .option('--format <format>', 'output format: table or json', 'table')
    .option('--allow-partial', 'exit 0 when some data could not be collected (default: exit 2, after writing the outputs)')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = ScanOptionsSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CliError(`--${String(issue.path[0])} ${issue.message}.`);
      }
      const { profile, regions, out, format, allowPartial } = parsed.data;
      const started = performance.now();
      const progress = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
      const outDir = path.resolve(out);
      const result = await run({ profile, regions, outDir, progress });
      const outcome = scanOutcomeError(result, path.relative(process.cwd(), outDir) || '.', allowPartial);
      if (format === 'json') {
        process.stdout.write(renderScanJson(result));
        if (outcome) throw outcome;
        return;
      }
      process.stdout.write(`${formatActionTable(result.analysis.actions)}\n`);
      process.stdout.write(
        `\nscan of ${result.account} (${result.regions.join(', ')}): ${result.analysis.actions.length} actions, ` +
          `$${totalMonthlySavingsUsd(result.analysis.actions).toFixed(2)}/month, collection ${result.status} (${result.snapshot.issues.length} issues)\n`,
      );
      for (const issue of result.snapshot.issues) process.stdout.write(`  ${issueLine(issue)}\n`);
      process.stdout.write(`${formatApiCalls(result.apiCalls)}\n`);
      process.stdout.write(`wrote ${result.files.map((file) => path.join(path.relative(process.cwd(), outDir) || '.', file)).join(', ')}\n`);
      if (outcome) throw outcome;
    });
}
