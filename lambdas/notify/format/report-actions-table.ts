import type { Action, Effort } from '../../engine/types/action.js';
import { describeAction } from './describe-action.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber, formatPercent, formatUsd } from './numbers.js';
import { riskLabel, riskLevel } from './risk.js';

/** Effort sorts by size, not alphabetically. */
const EFFORT_ORDER: Record<Effort, number> = { low: 1, medium: 2, high: 3 };

/**
 * A column of the ranked table. Sortable columns get a <button> in their header; the client script sorts numeric
 * columns by each cell's data-value and text columns by the cell's text. `first` is the direction of the first
 * click: the useful end first (most savings, lowest risk, least effort ...); a second click reverses it.
 */
interface Column {
  label: string;
  sort?: { type: 'number' | 'text'; first: 'ascending' | 'descending' };
  numeric?: boolean;
  cell: (action: Action, rank: number, linked: boolean) => string;
}

function numberCell(value: number, text: string, extraClass = ''): string {
  return `<td class="num${extraClass}" data-value="${value}">${escapeHtml(text)}</td>`;
}

const COLUMNS: Column[] = [
  { label: '#', numeric: true, sort: { type: 'number', first: 'ascending' }, cell: (_action, rank) => numberCell(rank, String(rank)) },
  {
    label: 'Action',
    cell: (action, rank, linked) => {
      const title = escapeHtml(describeAction(action));
      return `<td>${linked ? `<a href="#action-${rank}">${title}</a>` : title}</td>`;
    },
  },
  { label: 'Resource', cell: (action) => `<td>${escapeHtml(action.resource.name || '—')}<div class="sub">${escapeHtml(`${action.resource.type} · ${action.resource.region}`)}</div></td>` },
  { label: 'Domain', sort: { type: 'text', first: 'ascending' }, cell: (action) => `<td>${escapeHtml(action.domain)}</td>` },
  { label: 'Account', sort: { type: 'text', first: 'ascending' }, cell: (action) => `<td>${escapeHtml(action.resource.account)}</td>` },
  {
    label: '$/month',
    numeric: true,
    sort: { type: 'number', first: 'descending' },
    cell: (action) => numberCell(action.monthlySavingsUsd, formatUsd(action.monthlySavingsUsd), action.monthlySavingsUsd < 0 ? ' neg' : ''),
  },
  {
    label: 'Risk',
    sort: { type: 'number', first: 'ascending' },
    cell: (action) => `<td data-value="${action.performanceRisk}"><span class="pill risk-${riskLevel(action.performanceRisk)}">${escapeHtml(riskLabel(action.performanceRisk))}</span></td>`,
  },
  { label: 'Confidence', numeric: true, sort: { type: 'number', first: 'descending' }, cell: (action) => numberCell(action.confidence, formatPercent(action.confidence)) },
  { label: 'Effort', sort: { type: 'number', first: 'ascending' }, cell: (action) => `<td data-value="${EFFORT_ORDER[action.effort]}">${escapeHtml(action.effort)}</td>` },
  { label: 'kg CO₂e', numeric: true, sort: { type: 'number', first: 'descending' }, cell: (action) => numberCell(action.carbonKgCo2eMonthly, formatNumber(action.carbonKgCo2eMonthly)) },
  { label: 'Priority', numeric: true, sort: { type: 'number', first: 'descending' }, cell: (action) => numberCell(action.priority, formatNumber(action.priority)) },
  {
    label: 'Automation',
    cell: (action) =>
      `<td>${action.automation.executor ? `<span class="pill auto">${escapeHtml(action.automation.executor)}</span>` : '<span class="pill manual">manual</span>'}</td>`,
  },
];

function header(column: Column, index: number): string {
  const classes = column.numeric ? ' class="num"' : '';
  if (!column.sort) return `<th scope="col"${classes}>${escapeHtml(column.label)}</th>`;
  // The table starts in rank order, so the rank column is the one marked as sorted.
  const sorted = index === 0 ? ' aria-sort="ascending"' : '';
  return `<th scope="col"${classes}${sorted} data-type="${column.sort.type}" data-first="${column.sort.first}"><button type="button" class="sort">${escapeHtml(column.label)}</button></th>`;
}

/**
 * Rows shown before "Show all": the browser lays out a 10,000-row table in seconds, and again after every sort,
 * while 500 rows take milliseconds. The hidden rows are still sorted, so the first rows are always the top of the
 * chosen order.
 */
export const TABLE_PAGE_ROWS = 500;

/**
 * The ranked actions as a sortable table (the client script sorts it; without scripts it stays in rank order and
 * shows every row). Rows of actions ranked 1..`linkedRanks` link to their evidence panel; rows after `pageRows`
 * are hidden until the reader asks for all.
 */
export function actionsTable(actions: readonly Action[], linkedRanks: number, pageRows = TABLE_PAGE_ROWS): string {
  const rows = actions.map((action, index) => {
    const rank = index + 1;
    return `<tr${rank > pageRows ? ' hidden' : ''}>${COLUMNS.map((column) => column.cell(action, rank, rank <= linkedRanks)).join('')}</tr>`;
  });
  const more =
    actions.length > pageRows
      ? `<p class="sub" id="actions-more">${escapeHtml(`Showing the first ${formatNumber(pageRows)} of ${formatNumber(actions.length)} actions in the current order.`)} <button type="button" class="plain" id="actions-show-all">${escapeHtml(`Show all ${formatNumber(actions.length)}`)}</button></p>
<noscript><style>#actions tr[hidden] { display:table-row; } #actions-more { display:none; }</style></noscript>`
      : '';
  return `<div class="table-scroll"><table class="ranked sortable" id="actions" data-page-rows="${pageRows}"><thead><tr>${COLUMNS.map(header).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
${more}
<p class="visually-hidden" aria-live="polite" id="actions-sort-status"></p>`;
}
