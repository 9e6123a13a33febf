import { describe, expect, it } from 'vitest';
import { lineChart, niceNumber, niceTicks } from '../../../lambdas/notify/format/svg-chart.js';
import { unbalancedTags } from '../../fixtures/notify/html-structure.js';

describe('nice axis ticks', () => {
  it('rounds to 1, 2, 5 or 10 times a power of ten', () => {
    expect(niceNumber(0.37, true)).toBeCloseTo(0.5, 12);
    expect(niceNumber(13, true)).toBe(10);
    expect(niceNumber(13, false)).toBe(20);
    expect(niceNumber(7200, true)).toBe(10_000);
  });

  it('covers the data range with evenly spaced round ticks', () => {
    expect(niceTicks(3.2, 41.7)).toEqual([0, 10, 20, 30, 40, 50]);
    const ticks = niceTicks(1_000, 1_004);
    expect(ticks[0]).toBeLessThanOrEqual(1_000);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(1_004);
  });

  it('widens a flat range instead of dividing by zero', () => {
    expect(niceTicks(5, 5)).toEqual([4, 4.5, 5, 5.5, 6]);
  });
});

describe('lineChart', () => {
  const timestamps = [0, 3_600_000, 7_200_000, 10_800_000];

  it('draws a path per line, a band polygon and labelled reference lines', () => {
    const svg = lineChart({
      title: 'CPU',
      lines: [{ label: 'cpu', timestamps, values: [10, 20, 15, 30] }],
      band: { label: '80 %', timestamps, lower: [5, 15, 10, 25], upper: [15, 25, 20, 35] },
      rules: [{ label: 'p95', value: 28 }],
    });
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain('<polygon');
    expect(svg).toContain('p95 28');
    expect(unbalancedTags(svg)).toEqual([]);
  });

  it('breaks the line at missing values', () => {
    const svg = lineChart({ title: 'gaps', lines: [{ label: 'x', timestamps, values: [1, Number.NaN, 3, 4] }] });
    const path = /d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path).not.toContain('NaN');
  });

  it('says "no data" for an empty series', () => {
    expect(lineChart({ title: 'empty', lines: [{ label: 'x', timestamps: [], values: [] }] })).toContain('no data');
  });

  it('escapes titles and labels', () => {
    const svg = lineChart({ title: '<script>', lines: [{ label: '"><b>', timestamps, values: [1, 2, 3, 4] }], unit: '<u>' });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<u>');
    expect(unbalancedTags(svg)).toEqual([]);
  });
});
