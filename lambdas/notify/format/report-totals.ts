import type { Action } from '../../engine/types/action.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber, formatUsd } from './numbers.js';

/** One group's totals: Σ monthlySavingsUsd (net: upsizes count negative), action count, Σ carbonKgCo2eMonthly. */
export interface GroupTotal {
  key: string;
  actions: number;
  monthlySavingsUsd: number;
  carbonKgCo2eMonthly: number;
}

/** Totals of the actions grouped by `keyOf`, largest net savings first, then by key so the order is stable. */
export function totalsBy(actions: readonly Action[], keyOf: (action: Action) => string): GroupTotal[] {
  const groups = new Map<string, GroupTotal>();
  for (const action of actions) {
    const key = keyOf(action);
    const group = groups.get(key) ?? { key, actions: 0, monthlySavingsUsd: 0, carbonKgCo2eMonthly: 0 };
    group.actions += 1;
    group.monthlySavingsUsd += action.monthlySavingsUsd;
    group.carbonKgCo2eMonthly += action.carbonKgCo2eMonthly;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.monthlySavingsUsd - a.monthlySavingsUsd || a.key.localeCompare(b.key));
}

/** Cells carry the unrounded figure in data-value, so a reader (or a test) can check the arithmetic. */
function cells(group: Omit<GroupTotal, 'key'>, tag: 'td' | 'th'): string {
  return [
    `<${tag} class="num" data-value="${group.actions}">${group.actions}</${tag}>`,
    `<${tag} class="num${group.monthlySavingsUsd < 0 ? ' neg' : ''}" data-value="${group.monthlySavingsUsd}">${escapeHtml(formatUsd(group.monthlySavingsUsd))}</${tag}>`,
    `<${tag} class="num" data-value="${group.carbonKgCo2eMonthly}">${escapeHtml(formatNumber(group.carbonKgCo2eMonthly))}</${tag}>`,
  ].join('');
}

/** A totals table (one row per group and a grand-total footer) headed by `label`, e.g. "Domain". */
export function totalsTable(id: string, label: string, groups: readonly GroupTotal[]): string {
  const all = groups.reduce(
    (sum, group) => ({ actions: sum.actions + group.actions, monthlySavingsUsd: sum.monthlySavingsUsd + group.monthlySavingsUsd, carbonKgCo2eMonthly: sum.carbonKgCo2eMonthly + group.carbonKgCo2eMonthly }),
    { actions: 0, monthlySavingsUsd: 0, carbonKgCo2eMonthly: 0 },
  );
  const rows = groups.map((group) => `<tr><td>${escapeHtml(group.key)}</td>${cells(group, 'td')}</tr>`).join('');
  return `<table class="totals" id="${escapeHtml(id)}"><thead><tr><th>${escapeHtml(label)}</th><th class="num">Actions</th><th class="num">$/month</th><th class="num">kg CO₂e/month</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th>All</th>${cells(all, 'th')}</tr></tfoot></table>`;
}
