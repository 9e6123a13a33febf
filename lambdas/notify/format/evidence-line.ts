import type { Evidence, Finding } from '../../engine/types/action.js';
import { formatNumber, formatUsd } from './numbers.js';

/**
 * Turns a statistics key into words: the rules put units in key names ("p99_5CpuPercent", "daysObserved"),
 * so "p99_5" becomes "p99.5", camelCase (and acronyms such as "CPUUtilization") becomes separate lower-case words and a trailing "percent" becomes "%".
 */
export function humaniseStatisticKey(key: string): string {
  const words = key
    .replace(/p(\d+)_(\d+)/g, 'p$1.$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length > 1 && words[words.length - 1] === 'percent') words[words.length - 1] = '%';
  return words.join(' ');
}

function showValue(value: number | string | boolean): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/** One line of evidence: the first `max` statistics in the order the rule wrote them, e.g. "p99.5 cpu %: 12.4 · days observed: 14". */
export function evidenceLine(evidence: Pick<Evidence, 'statistics'>, max = 3): string {
  const entries = Object.entries(evidence.statistics).slice(0, max);
  if (entries.length === 0) return 'no statistics recorded';
  return entries.map(([key, value]) => `${humaniseStatisticKey(key)}: ${showValue(value)}`).join(' · ');
}

/**
 * The evidence line of an action, led — for a performance action (one with an urgency) — by how urgent it is and the
 * monthly cost of the resource it protects, the two figures that rank it: e.g.
 * "urgency 4/4 · protects $300.00/month · days to crossing: 2 · …".
 */
export function actionEvidenceLine(action: Pick<Finding, 'evidence' | 'urgency' | 'protectedMonthlyUsd'>, max = 3): string {
  const line = evidenceLine(action.evidence, max);
  if (action.urgency === undefined) return line;
  const protectedPart = action.protectedMonthlyUsd === undefined ? [] : [`protects ${formatUsd(action.protectedMonthlyUsd)}/month`];
  return [`urgency ${formatNumber(action.urgency)}/4`, ...protectedPart, line].join(' · ');
}
