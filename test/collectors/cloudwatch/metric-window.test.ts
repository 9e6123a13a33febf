import { describe, expect, it } from 'vitest';
import { metricWindow } from '../../../lambdas/collectors/cloudwatch/metric-window.js';

const DAY_MS = 86_400_000;
/** Not on a 5-minute or hour boundary, so rounding the end down pushes the start further back. */
const NOW = Date.UTC(2026, 10, 29, 12, 7, 30);

describe('metricWindow', () => {
  it('uses 5-minute data while the window starts within the 63 days CloudWatch keeps it', () => {
    const window = metricWindow(NOW, 14);
    expect(window.periodSec).toBe(300);
    expect(window.endTime.toISOString()).toBe('2026-11-29T12:05:00.000Z');
    expect(window.startTime.toISOString()).toBe('2026-11-15T12:05:00.000Z');
  });

  it('switches to hourly data for a 63-day lookback whose rounded-down start is more than 63 days ago', () => {
    const window = metricWindow(NOW, 63);
    expect(NOW - window.startTime.getTime()).toBeGreaterThan(63 * DAY_MS);
    expect(window.periodSec).toBe(3600);
    expect(window.endTime.toISOString()).toBe('2026-11-29T12:00:00.000Z');
  });

  it('keeps 5-minute data for exactly 63 days when now sits on a period boundary', () => {
    expect(metricWindow(Date.UTC(2026, 10, 29, 12, 0, 0), 63).periodSec).toBe(300);
  });

  it('never starts beyond the 455 days CloudWatch keeps hourly data', () => {
    const window = metricWindow(NOW, 455);
    expect(window.periodSec).toBe(3600);
    expect(NOW - window.startTime.getTime()).toBeLessThanOrEqual(455 * DAY_MS);
    expect(window.startTime.getTime() % 3_600_000).toBe(0);
  });

  it('refuses a lookback outside (0, 455] days', () => {
    expect(() => metricWindow(NOW, 0)).toThrow(RangeError);
    expect(() => metricWindow(NOW, 456)).toThrow(RangeError);
  });
});
