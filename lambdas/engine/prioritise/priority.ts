import type { Effort, Finding } from '../types/action.js';

/** How much of a finding's value survives the work it takes: low 1, medium 0.6, high 0.3. */
export const EFFORT_WEIGHT: Readonly<Record<Effort, number>> = { low: 1, medium: 0.6, high: 0.3 };

/**
 * Priority score — the risk-adjusted monthly savings we expect to realise, in USD/month:
 *
 *   priority = monthlySavingsUsd × confidence × (1 − performanceRisk / 5) × effortWeight
 *
 * - monthlySavingsUsd: what the change saves a month if it works (never double counted, see dedupe.ts);
 * - confidence (0–1): how complete the evidence is (data coverage and days observed);
 * - performanceRisk (Compute Optimizer's 0–4): 0 keeps the full value, 4 keeps a fifth (1 − 4/5 = 0.2) — risky
 *   changes sink but never vanish;
 * - effortWeight: low 1, medium 0.6, high 0.3.
 *
 * Example: $100/month, confidence 0.9, risk 1, low effort → 100 × 0.9 × 0.8 × 1 = 72.
 * Changes that cost money (negative savings, e.g. a faster Lambda size) get a negative score and rank last.
 * Rounded to cents so ties are stable.
 */
export function priorityScore(finding: Pick<Finding, 'monthlySavingsUsd' | 'confidence' | 'performanceRisk' | 'effort'>): number {
  const riskFactor = 1 - finding.performanceRisk / 5;
  const score = finding.monthlySavingsUsd * finding.confidence * riskFactor * EFFORT_WEIGHT[finding.effort];
  return Math.round(score * 100) / 100;
}
