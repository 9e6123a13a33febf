import { fillGaps } from '../../lambdas/engine/forecast/fill-gaps.js';
import { forecastSeries } from '../../lambdas/engine/forecast/forecast.js';
import { regularise } from '../../lambdas/engine/forecast/regularise.js';
import type { Observations } from './aggregate.js';

/** One holdout test of one series. */
export interface HoldoutScore {
  mae: number;
  naiveMae: number;
  /** mae / naiveMae (∞ when seasonal naive is perfect and we are not, 1 when both are). */
  ratio: number;
  /** Hidden observations inside the 80 % interval, and how many hidden observations there were. */
  covered: number;
  scored: number;
  model: string;
  ms: number;
}

export interface HoldoutPlan {
  /** Slots hidden and forecast. */
  horizon: number;
  /** Slots dropped from the end before hiding (a second, earlier test day). */
  skip: number;
  /** Season of the seasonal-naive benchmark, in slots. */
  naivePeriod: number;
  /** Fewest visible slots a test is run on. */
  minVisible: number;
}

/**
 * Hides the last `horizon` slots (after dropping `skip`), forecasts them from the visible rows alone
 * (step, seasons and everything else are inferred from those) and scores the forecast against
 * seasonal naive, which repeats the last visible season: naive[i] = y[n − p + (i mod p)].
 * Only hidden slots holding an observation are scored (gaps are not).
 */
export function scoreHoldout(series: Observations, plan: HoldoutPlan): HoldoutScore | string {
  const grid = regularise(series.timestamps, series.values);
  const visibleSlots = grid.values.length - plan.horizon - plan.skip;
  if (visibleSlots < plan.minVisible) return `skipped, ${visibleSlots} visible slots (fewer than ${plan.minVisible})`;
  const cutoff = grid.start + (visibleSlots - 0.5) * grid.stepMs;
  const visible: Observations = { timestamps: [], values: [] };
  series.timestamps.forEach((timestamp, index) => {
    if (timestamp >= cutoff) return;
    visible.timestamps.push(timestamp);
    visible.values.push(series.values[index]);
  });
  const started = performance.now();
  const result = forecastSeries(visible, plan.horizon);
  const ms = performance.now() - started;
  const expectedFirst = grid.start + visibleSlots * grid.stepMs;
  if (Math.abs(result.timestamps[0] - expectedFirst) > grid.stepMs / 2) return "skipped, the visible part's grid does not line up with the full series'";
  const naiveHistory = grid.values.slice(0, visibleSlots);
  fillGaps(naiveHistory);
  const hidden = grid.values.subarray(visibleSlots);
  let absError = 0;
  let naiveAbsError = 0;
  let covered = 0;
  let scored = 0;
  for (let i = 0; i < plan.horizon; i++) {
    const actual = hidden[i];
    if (Number.isNaN(actual)) continue;
    scored++;
    absError += Math.abs(actual - result.forecast[i]);
    naiveAbsError += Math.abs(actual - naiveHistory[visibleSlots - plan.naivePeriod + (i % plan.naivePeriod)]);
    if (actual >= result.lower80[i] && actual <= result.upper80[i]) covered++;
  }
  if (scored === 0) return 'skipped, no observation in the hidden part';
  const mae = absError / scored;
  const naiveMae = naiveAbsError / scored;
  const ratio = naiveMae > 0 ? mae / naiveMae : mae > 0 ? Number.POSITIVE_INFINITY : 1;
  return { mae, naiveMae, ratio, covered, scored, model: result.model, ms };
}
