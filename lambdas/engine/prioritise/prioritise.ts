import type { Action, Domain, Finding } from '../types/action.js';
import { dedupeByResource } from './dedupe.js';
import { priorityScore } from './priority.js';

/**
 * Findings → ranked actions: de-duplicate per resource (dedupe.ts), score (priority.ts), sort by priority descending;
 * ties by monthly savings descending, then id ascending, so the order is the same on every run.
 */
export function prioritise(findings: Finding[]): Action[] {
  return dedupeByResource(findings)
    .map(({ finding, superseded }) => ({ ...finding, priority: priorityScore(finding), supersedes: superseded.map((f) => f.id).sort() }))
    .sort((a, b) => b.priority - a.priority || b.monthlySavingsUsd - a.monthlySavingsUsd || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Total monthly savings of a set of actions (already de-duplicated, so nothing is counted twice), in USD. */
export function totalMonthlySavingsUsd(actions: readonly Action[]): number {
  return Math.round(actions.reduce((sum, a) => sum + Math.max(0, a.monthlySavingsUsd), 0) * 100) / 100;
}

/** Number of actions per domain, for summaries. */
export function countByDomain(actions: readonly Action[]): Partial<Record<Domain, number>> {
  const counts: Partial<Record<Domain, number>> = {};
  for (const a of actions) counts[a.domain] = (counts[a.domain] ?? 0) + 1;
  return counts;
}
