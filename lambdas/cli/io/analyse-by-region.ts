import { prioritise } from '../../engine/prioritise/prioritise.js';
import type { Prices, Snapshot } from '../../engine/types/snapshot.js';
import { analyseSnapshot, type AnalyzeResult } from '../commands/analyze.js';

/**
 * The engine over a multi-region snapshot, each region priced with its own list prices: a snapshot carries one
 * region's prices, so each region's resources are analysed as a snapshot of their own (with `pricesFor(region)`,
 * or the bundled catalogue when undefined), the account-wide cost history once, and all findings are ranked
 * together by the same prioritisation `analyze` uses.
 */
export function analyseByRegion(snapshot: Snapshot, pricesFor: (region: string) => Prices | undefined): AnalyzeResult {
  const perRegion = snapshot.regions.map((region) => {
    const resources = snapshot.resources.filter((r) => r.region === region);
    const arns = new Set(resources.map((r) => r.arn));
    const prices = pricesFor(region);
    return analyseSnapshot({
      ...snapshot,
      regions: [region],
      resources,
      series: snapshot.series.filter((s) => arns.has(s.resourceArn)),
      recommendations: snapshot.recommendations.filter((r) => arns.has(r.resourceArn)),
      costs: [],
      costForecast: undefined,
      prices,
    });
  });
  const accountWide = analyseSnapshot({ ...snapshot, resources: [], series: [], recommendations: [], prices: undefined });
  const findings = perRegion.flatMap((r) => r.findings);
  return {
    findings,
    actions: prioritise(findings),
    forecasts: accountWide.forecasts,
    anomalies: [...perRegion.flatMap((r) => r.anomalies), ...accountWide.anomalies].sort((a, b) => b.score - a.score || b.timestamp.localeCompare(a.timestamp)),
  };
}
