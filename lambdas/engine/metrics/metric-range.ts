import { knownMetric } from './metric-catalogue.js';

/**
 * The physical range of a metric's values, from its CloudWatch unit (and, for the metrics Headroom collects, the
 * catalogue's unit and documented ceilings). A value outside it is not a measurement: negative CPU would size an
 * instance to nothing, 1.7e308 bytes overflows every sum to Infinity, and neither may reach the engine.
 *
 * - Percent: 0–100 for the catalogue's percent metrics (CPU, agent memory, Lambda Insights memory: shares of a
 *   whole). Other Percent metrics are only ≥ 0: some AWS ones are not shares (ECS service CPUUtilization counts
 *   against the tasks' reservation and passes 100).
 * - Time units: 0 to one day. No request, invocation or response AWS times runs for a day (a Lambda's Duration
 *   stops at its 900 s limit, which the catalogue states).
 * - Every other unit (counts, bytes, bits, rates): 0 to 2⁵³ − 1, the largest integer a double holds exactly. No
 *   resource counts or moves 9 PB in one period, and sums of such values stay finite.
 * - `None` or no unit: any finite value of magnitude up to 2⁵³ − 1.
 */
export interface MetricRange {
  min: number;
  max: number;
  /** What the range is of, for a message: "a Percent metric", "a Lambda Duration". */
  of: string;
}

export const MAX_MAGNITUDE = Number.MAX_SAFE_INTEGER;

const SECONDS_PER_DAY = 86_400;
const DAY_IN: Record<string, number> = {
  Seconds: SECONDS_PER_DAY,
  Milliseconds: SECONDS_PER_DAY * 1e3,
  Microseconds: SECONDS_PER_DAY * 1e6,
};

/** The range of one series' values: by the catalogue's unit when Headroom knows the metric, else by the series' own. */
export function metricRange(namespace: string, metricName: string, unit: string | undefined): MetricRange {
  const known = knownMetric(namespace, metricName);
  const effectiveUnit = known?.unit ?? unit;
  const base = unitRange(effectiveUnit, known !== undefined);
  return known?.max === undefined ? base : { min: base.min, max: Math.min(base.max, known.max), of: `${namespace} ${metricName}` };
}

function unitRange(unit: string | undefined, known: boolean): MetricRange {
  if (unit === undefined || unit === 'None') return { min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE, of: 'a metric without a unit' };
  if (unit === 'Percent') return { min: 0, max: known ? 100 : MAX_MAGNITUDE, of: 'a Percent metric' };
  const day = DAY_IN[unit];
  if (day !== undefined) return { min: 0, max: day, of: `a ${unit} metric` };
  return { min: 0, max: MAX_MAGNITUDE, of: `a ${unit} metric` };
}

/**
 * The unit a series must carry, when it names one: the catalogue's for a metric Headroom knows (a CPUUtilization
 * series in Bytes is not a CPU series), undefined otherwise.
 */
export function expectedUnit(namespace: string, metricName: string): string | undefined {
  return knownMetric(namespace, metricName)?.unit;
}
