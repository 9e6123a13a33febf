import { describe, expect, it } from 'vitest';
import type { MetricsPort } from '../../../lambdas/actions/executors/executor.js';
import { fetchMetricRows } from '../../../lambdas/actions/validation/fetch-metric-samples.js';

const inputs = {
  top: { namespace: 'N', metricName: 'Top', dimensions: [], stat: 'Sum' },
  bottom: { namespace: 'N', metricName: 'Bottom', dimensions: [], stat: 'Sum' },
};
const t = (minute: number) => new Date(Date.UTC(2026, 10, 29, 0, minute));

describe('fetchMetricRows', () => {
  it('merges values by query id across NextToken pages and aligns inputs by timestamp', async () => {
    const pages = [
      { MetricDataResults: [{ Id: 'q0', Timestamps: [t(0), t(1)], Values: [2, 4], StatusCode: 'PartialData' as const }], NextToken: 'p2', $metadata: {} },
      {
        MetricDataResults: [
          { Id: 'q0', Timestamps: [t(2)], Values: [9], StatusCode: 'Complete' as const },
          { Id: 'q1', Timestamps: [t(0), t(1), t(2)], Values: [1, 2, 0], StatusCode: 'Complete' as const },
        ],
        $metadata: {},
      },
    ];
    const tokens: (string | undefined)[] = [];
    const port: MetricsPort = {
      getMetricData: async (input) => {
        tokens.push(input.NextToken);
        return pages[tokens.length - 1];
      },
      describeAlarms: async () => ({ $metadata: {} }),
    };
    const rows = await fetchMetricRows(port, inputs, { start: t(0), end: t(3), periodSeconds: 60 });
    expect(tokens).toEqual([undefined, 'p2']);
    expect(rows).toEqual([
      { at: t(0).getTime(), values: { top: 2, bottom: 1 } },
      { at: t(1).getTime(), values: { top: 4, bottom: 2 } },
      { at: t(2).getTime(), values: { top: 9, bottom: 0 } },
    ]);
  });
});
