import type { PointModel } from './models/model.js';
import { recentMedian } from './models/recent-median.js';
import { seasonalNaive } from './models/seasonal-naive.js';
import { ProfileEstimator } from './models/profile-estimator.js';
import { seasonalProfile } from './models/seasonal-profile.js';

/** How many recent seasons a profile is taken over: a week of days, or a month of weeks. */
const PROFILE_CYCLES = 7;
const LONG_PROFILE_CYCLES = 4;
/**
 * Per-step trend dampings: 0.98, the customary upper end for damped-trend ETS (Hyndman &
 * Athanasopoulos §8.2), and 1, an undamped linear trend for steadily growing spend.
 */
const TREND_DAMPINGS = [0.98, 1];
/** Level windows for a series with no season, in slots. */
const FLAT_WINDOWS = [3, 12];

/**
 * The models the backtest chooses among, keyed to the season candidates: periods[0] is the
 * shortest season (daily for minute data, weekly for daily data), periods[1] a longer one.
 * Level windows are fractions of the season (1/24, 1/4, 1) so the same rules serve 5-minute
 * metrics and daily costs.
 */
export function candidateModels(periods: readonly number[]): PointModel[] {
  if (periods.length === 0) return [seasonalNaive(1), ...FLAT_WINDOWS.map((window) => recentMedian(window))];
  const [period, longPeriod] = periods;
  const windows = [...new Set([Math.max(3, Math.round(period / 24)), Math.max(3, Math.round(period / 4)), period])];
  const models: PointModel[] = [seasonalNaive(period), recentMedian(windows[0]), recentMedian(period)];
  const estimator = new ProfileEstimator(period, PROFILE_CYCLES);
  for (const levelWindow of windows) models.push(seasonalProfile({ estimator, levelWindow }));
  for (const trendDamping of TREND_DAMPINGS) models.push(seasonalProfile({ estimator, levelWindow: windows[1] ?? windows[0], trendDamping }));
  if (longPeriod !== undefined) {
    models.push(seasonalNaive(longPeriod));
    models.push(seasonalProfile({ estimator: new ProfileEstimator(longPeriod, LONG_PROFILE_CYCLES), levelWindow: windows[1] ?? windows[0] }));
  }
  return models;
}
