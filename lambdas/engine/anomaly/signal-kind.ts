import { z } from 'zod';

/**
 * The kinds of signal the product scans. Each is handled explicitly (docs/anomaly-detection.md, "Signal kinds"):
 * - count: request counts and rates, invocations, bytes in or out — bursty, with a daily cycle: the tail-calibrated
 *   views give a heavy-tailed series a proportionally larger threshold; two-sided (a drop is an outage).
 * - percent: bounded percentages (CPU): a saturation at the bound is a breakout or a stuck run; two-sided.
 * - latency: heavy-tailed durations: same calibration as counts; two-sided (a sudden drop can be fast failures).
 * - error-count: mostly-zero counts of errors, faults, throttles: only a rise is news (fewer errors is good news)
 *   and a long run of zeros is the normal state, so the stuck view is off.
 * - step: configuration-like metrics (provisioned capacity, desired count) that hold a level for days: a new level
 *   is news (one breakout), a constant level is the normal state, so the stuck view is off.
 * - cost: daily cost: the seasonal view compares with one and two weeks ago (days are too coarse for a daily
 *   season); two-sided.
 */
export const SignalKindSchema = z.enum(['count', 'percent', 'latency', 'error-count', 'step', 'cost']);
export type SignalKind = z.infer<typeof SignalKindSchema>;

/** What a kind changes in the detector. */
export interface KindHandling {
  /** Only values above the baseline can alert. */
  upOnly: boolean;
  /** The stuck-signal view runs. */
  stuck: boolean;
}

export const KIND_HANDLING: Readonly<Record<SignalKind, KindHandling>> = Object.freeze({
  count: { upOnly: false, stuck: true },
  percent: { upOnly: false, stuck: true },
  latency: { upOnly: false, stuck: true },
  'error-count': { upOnly: true, stuck: false },
  step: { upOnly: false, stuck: false },
  cost: { upOnly: false, stuck: true },
});

/** A series is step-like when at least this share of consecutive values repeat exactly. */
const STEP_REPEAT_SHARE = 0.95;

/**
 * The kind the values themselves show, from the first `count` values (the detector passes its warm-up, so the
 * kind is fixed before any value can alert and the result stays causal), when no hint was given:
 *   step   ≥ 95 % of consecutive values equal (a level held, changed rarely)
 * undefined otherwise. Error counts are not inferred: a mostly-zero series of errors (where a long quiet is good
 * news) looks exactly like a disk that writes in bursts (where a long quiet is a stopped process), so only the
 * metric's name can tell them apart (`kindOfMetric`). Counts, percentages, latencies and costs need no rule of their
 * own beyond the calibration, so telling them apart from values alone would change nothing.
 */
export function inferSignalKind(values: Float64Array, count: number): SignalKind | undefined {
  const n = Math.min(count, values.length);
  if (n < 2) return undefined;
  let repeats = 0;
  for (let i = 1; i < n; i++) if (values[i] === values[i - 1]) repeats++;
  return repeats >= STEP_REPEAT_SHARE * (n - 1) ? 'step' : undefined;
}

/** Latency units CloudWatch reports. */
const DURATION_UNITS = new Set(['Seconds', 'Milliseconds', 'Microseconds']);
const ERROR_NAME = /error|fault|throttl|fail|reject|5xx|4xx|dropped|timeout/i;

/**
 * The kind a CloudWatch metric's name and unit tell (the hint the analysis passes): Percent → percent; a duration
 * unit → latency; a count whose name says errors, faults, throttles or rejections → error-count; other counts,
 * rates and byte volumes → count. undefined when the unit says nothing (the detector then infers from the values).
 */
export function kindOfMetric(metricName: string, unit: string | undefined): SignalKind | undefined {
  if (unit === undefined || unit === 'None') return undefined;
  if (unit === 'Percent') return 'percent';
  if (DURATION_UNITS.has(unit)) return 'latency';
  if (unit.startsWith('Count') && ERROR_NAME.test(metricName)) return 'error-count';
  if (unit.startsWith('Count') || unit.startsWith('Bytes') || unit.includes('/Second')) return 'count';
  return undefined;
}
