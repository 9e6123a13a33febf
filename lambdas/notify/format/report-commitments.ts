import { z } from 'zod';
import type { Action } from '../../engine/types/action.js';
import { SAVINGS_PLANS_RULE_ID } from '../../engine/rules/account/savings-plans.js';
import { escapeHtml } from './html-escape.js';
import { formatUsd } from './numbers.js';

/** Rows of the sweep shown: enough to see the curve's shape; the chosen commitment is always among them. */
const SWEEP_ROWS = 12;

const SweepSchema = z.array(z.object({ hourlyCommitmentUsd: z.number(), netMonthlySavingsUsd: z.number() }));

/**
 * The report's "Commitments" card: per Savings Plans action, what existing plans and Reserved Instances already
 * cover, the proposed 1-year commitment, the 3-year alternative, the forecast cap, and the commitment sweep (net
 * monthly savings against $/hour committed, as bars), so the purchase can be judged, not just accepted. Empty
 * when the run has no Savings Plans action (no card at all).
 */
export function commitmentSection(actions: readonly Action[]): string {
  const plans = actions.filter((action) => action.ruleId === SAVINGS_PLANS_RULE_ID);
  if (plans.length === 0) return '';
  return `<section class="card" id="commitments"><h2>Commitments</h2>${plans.map(planPanel).join('\n')}</section>`;
}

function planPanel(action: Action): string {
  const stats = action.evidence.statistics;
  const num = (value: unknown) => (typeof value === 'number' ? value : 0);
  const facts = [
    ['Already covered by existing plans and RIs', `${formatUsd(num(action.current.coveredOnDemandUsdPerHour))}/h on-demand`],
    ['Spend left to cover, forecast lower 80 % bound', `${formatUsd(num(stats.forecastLower80UsdPerHour))}/h`],
    ['Proposed: Compute Savings Plan, 1 year, no upfront', `${formatUsd(num(action.proposed.hourlyCommitmentUsd))}/h → ${formatUsd(action.monthlySavingsUsd)}/month net`],
    ['Alternative: 3 years, no upfront', `${formatUsd(num(stats.threeYearHourlyCommitmentUsd))}/h → ${formatUsd(num(stats.threeYearMonthlySavingsUsd))}/month net`],
  ]
    .map(([label, value]) => `<tr><td>${escapeHtml(label)}</td><td class="num">${escapeHtml(value)}</td></tr>`)
    .join('');
  const sweep = SweepSchema.safeParse(action.proposed.commitmentSweep);
  const curve = sweep.success ? sweepBars(sweep.data, num(action.proposed.hourlyCommitmentUsd)) : '<p class="sub">This action carries no commitment sweep.</p>';
  return `<h3>${escapeHtml(`Account ${action.resource.account}`)}</h3><table class="totals">${facts}</table><p class="sub">Net monthly savings by hourly commitment (the chosen one marked):</p>${curve}`;
}

function sweepBars(sweep: z.infer<typeof SweepSchema>, chosen: number): string {
  const step = Math.max(1, Math.ceil(sweep.length / SWEEP_ROWS));
  const rows = sweep.filter((point, i) => i % step === 0 || point.hourlyCommitmentUsd === chosen);
  const max = Math.max(...rows.map((row) => Math.abs(row.netMonthlySavingsUsd)), 0);
  const body = rows
    .map((row) => {
      const width = max > 0 ? (Math.max(0, row.netMonthlySavingsUsd) / max) * 100 : 0;
      const mark = row.hourlyCommitmentUsd === chosen ? ' ◀ proposed' : '';
      return `<tr><td class="name">${escapeHtml(`${formatUsd(row.hourlyCommitmentUsd)}/h`)}</td><td><div class="bar" style="width:${width.toFixed(1)}%"></div></td><td class="num">${escapeHtml(`${formatUsd(row.netMonthlySavingsUsd)}/month${mark}`)}</td></tr>`;
    })
    .join('');
  return `<table class="bars commitment-sweep">${body}</table>`;
}
