import type { Action } from '../../engine/types/action.js';
import { countByDomain, totalMonthlySavingsUsd } from '../../engine/prioritise/prioritise.js';
import { describeAction } from '../../notify/format/describe-action.js';
import { riskLabel } from '../../notify/format/risk.js';

const HEADER = ['rank', 'action', 'resource', '$/month', 'risk', 'confidence', 'effort'] as const;
/** Columns whose values are numbers are right-aligned. */
const RIGHT_ALIGNED = new Set(['rank', '$/month', 'confidence']);

function usd(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * The ranked actions as an aligned text table — rank, action (describeAction wording), resource name, $/month,
 * risk (Compute Optimizer label), confidence (%), effort — followed by a totals line: total $/month and the count of
 * actions per domain. Deterministic: the input order is the rank.
 */
export function formatActionTable(actions: Action[]): string {
  const rows = actions.map((action, index) => [
    String(index + 1),
    describeAction(action),
    action.resource.name || action.resource.arn,
    usd(action.monthlySavingsUsd),
    `${action.performanceRisk} ${riskLabel(action.performanceRisk)}`,
    `${Math.round(action.confidence * 100)} %`,
    action.effort,
  ]);
  const widths = HEADER.map((title, col) => Math.max(title.length, ...rows.map((row) => row[col].length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, col) => (RIGHT_ALIGNED.has(HEADER[col]) ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd();
  const domains = Object.entries(countByDomain(actions))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([domain, count]) => `${domain} ${count}`)
    .join(', ');
  const totals =
    actions.length === 0
      ? 'No actions: nothing to save in this snapshot.'
      : `Total: $${usd(totalMonthlySavingsUsd(actions))}/month across ${actions.length} action${actions.length === 1 ? '' : 's'} (${domains}).`;
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', totals, ''].join('\n');
}
