/**
 * Performance risk labels as AWS Compute Optimizer defines them: a score from 0 (very low) to 4 (very high)
 * that the recommended change degrades the workload. Scores may be fractional (Compute Optimizer reports
 * doubles); the label is the nearest level, `level = clamp(round(score), 0, 4)`.
 */
export const RISK_LABELS = ['very low', 'low', 'medium', 'high', 'very high'] as const;
export type RiskLabel = (typeof RISK_LABELS)[number];
export type RiskLevel = 0 | 1 | 2 | 3 | 4;

export function riskLevel(score: number): RiskLevel {
  return Math.min(4, Math.max(0, Math.round(score))) as RiskLevel;
}

export function riskLabel(score: number): RiskLabel {
  return RISK_LABELS[riskLevel(score)];
}
