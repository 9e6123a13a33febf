import { describe, expect, it } from 'vitest';
import { costAnomalyLine, topCostAnomalies } from '../../../lambdas/notify/format/cost-anomaly-line.js';
import { costAnomaly, costAnomalyWithImpact, cpuAnomaly } from '../anomaly-fixtures.js';

describe('costAnomalyLine', () => {
  it('states observed vs expected $, the impact so far and the contributors', () => {
    const [anomaly] = topCostAnomalies([costAnomalyWithImpact()]);
    expect(costAnomalyLine(anomaly)).toBe('AWS Lambda on 2026-11-25: $481 observed vs $120 expected, impact +$361 over 1 day; from account 222222222222 +$361');
  });

  it('names a drop with a minus sign and the total as the total', () => {
    const drop = costAnomalyWithImpact({
      subject: { kind: 'cost', service: 'total' },
      cost: { expectedUsd: 200, observedUsd: 120, impactUsd: -160, impactDays: 2, contributors: [{ dimension: 'service', key: 'Amazon S3', expectedUsd: 100, observedUsd: 20, deltaUsd: -80 }] },
    });
    expect(costAnomalyLine(topCostAnomalies([drop])[0])).toBe('Total daily cost on 2026-11-25: $120 observed vs $200 expected, impact −$160 over 2 days; from service Amazon S3 −$80.00');
  });
});

describe('topCostAnomalies', () => {
  it('keeps cost anomalies that carry an impact, largest |impact| first, at most three', () => {
    const impacts = [50, -400, 200, 10].map((impactUsd, i) =>
      costAnomalyWithImpact({ timestamp: `2026-11-2${i}T00:00:00.000Z`, cost: { expectedUsd: 100, observedUsd: 100 + impactUsd, impactUsd, impactDays: 1, contributors: [] } }),
    );
    const top = topCostAnomalies([cpuAnomaly(), costAnomaly(), ...impacts]);
    expect(top.map((a) => a.cost.impactUsd)).toEqual([-400, 200, 50]);
  });
});
