import type { StoredAnomaly } from '../../lambdas/shared/store/store.js';

const HOUR = 3_600_000;
const AT = Date.parse('2026-11-27T14:00:00.000Z');

/** A CPU saturation anomaly with its series excerpt (a day of 80 % load, then the alert at 97 %). */
export function cpuAnomaly(overrides: Partial<StoredAnomaly> = {}): StoredAnomaly {
  const timestamps = Array.from({ length: 48 }, (_, i) => AT - 24 * HOUR + i * HOUR);
  return {
    subject: { kind: 'metric', resourceArn: 'arn:aws:ec2:us-east-1:111111111111:instance/i-0web', metric: 'AWS/EC2/CPUUtilization', stat: 'Average' },
    timestamp: new Date(AT).toISOString(),
    value: 96.6,
    score: 1,
    resourceName: 'web-1',
    resourceType: 'ec2:instance',
    unit: 'Percent',
    excerpt: { timestamps, values: timestamps.map((t) => (t === AT ? 96.6 : 40)) },
    ...overrides,
  };
}

/** A Lambda cost anomaly (no excerpt). */
export function costAnomaly(overrides: Partial<StoredAnomaly> = {}): StoredAnomaly {
  return { subject: { kind: 'cost', service: 'AWS Lambda' }, timestamp: '2026-11-25T00:00:00.000Z', value: 480.62, score: 0.8, unit: 'USD', ...overrides };
}

/** The Lambda cost anomaly with its $ impact: $480.62 against $120 expected, one account behind it. */
export function costAnomalyWithImpact(overrides: Partial<StoredAnomaly> = {}): StoredAnomaly {
  return costAnomaly({
    cost: {
      expectedUsd: 120,
      observedUsd: 480.62,
      impactUsd: 360.62,
      impactDays: 1,
      contributors: [{ dimension: 'account', key: '222222222222', expectedUsd: 60, observedUsd: 420.62, deltaUsd: 360.62 }],
    },
    ...overrides,
  });
}
