import type { Effort, Finding } from '../types/action.js';

/** How much of a finding's value survives the work it takes: low 1, medium 0.6, high 0.3. */
export const EFFORT_WEIGHT: Readonly<Record<Effort, number>> = { low: 1, medium: 0.6, high: 0.3 };

/** Urgency is on Compute Optimizer's 0–4 scale; 4 puts the whole protected value at stake. */
const MAX_URGENCY = 4;

/**
 * Priority score — the risk-adjusted monthly value we expect the action to realise, in USD/month:
 *
 *   value    = monthlySavingsUsd + protectedMonthlyUsd × urgency / 4
 *   priority = value × confidence × (1 − performanceRisk / 5) × effortWeight
 *
 * - monthlySavingsUsd: what the change saves a month if it works (never double counted, see dedupe.ts); negative when
 *   the change costs money (adding capacity);
 * - protectedMonthlyUsd × urgency / 4: what a performance action protects — the monthly cost of the resource whose
 *   performance is at stake (account/insight-actions: EC2/RDS on-demand price × 730, DynamoDB provisioned capacity,
 *   a documented floor otherwise), scaled by urgency (0–4: how soon or how badly it suffers if nothing is done; a
 *   capacity crossing within 3 days is 4). Both are absent on cost findings, so the term is 0 there;
 * - confidence (0–1): how complete the evidence is (data coverage and days observed, forecast fit);
 * - performanceRisk (Compute Optimizer's 0–4): the risk OF the change; 0 keeps the full value, 4 keeps a fifth
 *   (1 − 4/5 = 0.2) — risky changes sink but never vanish;
 * - effortWeight: low 1, medium 0.6, high 0.3.
 *
 * Examples: $100/month saving, confidence 0.9, risk 1, low effort → 100 × 0.9 × 0.8 × 1 = 72. Adding capacity to a
 * $300/month instance whose CPU forecast crosses its threshold in 2 days (urgency 4), confidence 0.9, risk 1, medium
 * effort → (0 + 300 × 4/4) × 0.9 × 0.8 × 0.6 = 129.6. An investigation with urgency 0 and no savings scores 0.
 * Changes that cost more than they protect score below zero and rank last. Rounded to cents so ties are stable.
 */
export function priorityScore(
  finding: Pick<Finding, 'monthlySavingsUsd' | 'confidence' | 'performanceRisk' | 'effort' | 'urgency' | 'protectedMonthlyUsd'>,
): number {
  const protectedValue = (finding.protectedMonthlyUsd ?? 0) * ((finding.urgency ?? 0) / MAX_URGENCY);
  const riskFactor = 1 - finding.performanceRisk / 5;
  const score = (finding.monthlySavingsUsd + protectedValue) * finding.confidence * riskFactor * EFFORT_WEIGHT[finding.effort];
  return Math.round(score * 100) / 100;
}
