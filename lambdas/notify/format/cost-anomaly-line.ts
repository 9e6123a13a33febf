import type { CostContributor } from '../../engine/insights/cost-impact.js';
import type { StoredAnomaly } from '../../shared/store/store.js';
import { formatUsd } from './numbers.js';

/** Cost anomalies a digest lists (Slack, email), largest |$ impact| first; the report lists them all. */
export const DIGEST_COST_ANOMALIES = 3;
/** Contributors named in a one-line summary. */
const CONTRIBUTORS_IN_LINE = 3;

/** A cost anomaly that carries its $ impact. */
export type CostAnomaly = StoredAnomaly & { subject: { kind: 'cost' }; cost: NonNullable<StoredAnomaly['cost']> };

export function isCostAnomaly(anomaly: StoredAnomaly): anomaly is CostAnomaly {
  return anomaly.subject.kind === 'cost' && anomaly.cost !== undefined;
}

/** The cost anomalies to show in a digest: the DIGEST_COST_ANOMALIES with the largest |impact so far|. */
export function topCostAnomalies(anomalies: readonly StoredAnomaly[], count = DIGEST_COST_ANOMALIES): CostAnomaly[] {
  return anomalies
    .filter(isCostAnomaly)
    .sort((a, b) => Math.abs(b.cost.impactUsd) - Math.abs(a.cost.impactUsd) || b.timestamp.localeCompare(a.timestamp))
    .slice(0, count);
}

/** "+$300.00" / "−$80.00": a signed dollar change. */
export function signedUsd(amount: number): string {
  return `${amount < 0 ? '−' : '+'}${formatUsd(Math.abs(amount))}`;
}

/** "account 111111111111 +$300.00": one contributor. */
export function contributorText(contributor: CostContributor): string {
  return `${contributor.dimension} ${contributor.key} ${signedUsd(contributor.deltaUsd)}`;
}

/**
 * The one line every channel uses for a cost anomaly:
 * "AWS Lambda on 2026-11-24: $400 observed vs $100 expected, impact +$300 over 1 day; from service AWS Lambda +$300, …"
 */
export function costAnomalyLine(anomaly: CostAnomaly): string {
  const { cost } = anomaly;
  const subject = anomaly.subject.service === 'total' ? 'Total daily cost' : anomaly.subject.service;
  const days = `${cost.impactDays} day${cost.impactDays === 1 ? '' : 's'}`;
  const from = cost.contributors.slice(0, CONTRIBUTORS_IN_LINE).map(contributorText);
  return `${subject} on ${anomaly.timestamp.slice(0, 10)}: ${formatUsd(cost.observedUsd)} observed vs ${formatUsd(cost.expectedUsd)} expected, impact ${signedUsd(cost.impactUsd)} over ${days}${from.length > 0 ? `; from ${from.join(', ')}` : ''}`;
}
