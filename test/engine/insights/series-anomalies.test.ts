import { describe, expect, it } from 'vitest';
import { findSeriesAnomalies } from '../../../lambdas/engine/insights/series-anomalies.js';
import type { DailyCost, MetricSeries } from '../../../lambdas/engine/types/snapshot.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 6, 1);

/** 14 days of 5-minute CPU with a daily cycle and deterministic jitter, and a saturation incident on day 12. */
function cpuSeries(): MetricSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < 14 * 288; i++) {
    timestamps.push(START + i * 300_000);
    const incident = i >= 12 * 288 + 100 && i < 12 * 288 + 130;
    values.push(incident ? 98 : 30 + 10 * Math.sin((2 * Math.PI * i) / 288) + ((i * 7919) % 13) / 13);
  }
  return { resourceArn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', namespace: 'AWS/EC2', metricName: 'CPUUtilization', stat: 'Average', periodSec: 300, timestamps, values };
}

/** 90 days of Lambda cost at about $100/day, quadrupled on day 70. */
function costs(): DailyCost[] {
  return Array.from({ length: 90 }, (_, d) => ({
    date: new Date(START + d * DAY).toISOString().slice(0, 10),
    account: '123456789012',
    service: 'AWS Lambda',
    amountUsd: (d === 70 ? 400 : 100) + ((d * 37) % 7),
  }));
}

describe('findSeriesAnomalies', () => {
  it('alerts on a CPU saturation incident and on a cost spike, naming the series and the time', () => {
    const anomalies = findSeriesAnomalies({ series: [cpuSeries()], costs: costs() });
    const incidentStart = START + (12 * 288 + 100) * 300_000;
    const cpu = anomalies.filter((a) => a.subject.kind === 'metric');
    expect(cpu.some((a) => Date.parse(a.timestamp) >= incidentStart && Date.parse(a.timestamp) < incidentStart + 30 * 300_000)).toBe(true);
    const spikeDay = new Date(START + 70 * DAY).toISOString();
    expect(anomalies).toContainEqual(expect.objectContaining({ subject: { kind: 'cost', service: 'AWS Lambda' }, timestamp: spikeDay }));
    for (const anomaly of anomalies) expect(anomaly.score).toBeGreaterThanOrEqual(0.5);
  });

  it('finds nothing in empty input', () => {
    expect(findSeriesAnomalies({ series: [], costs: [] })).toEqual([]);
  });
});
