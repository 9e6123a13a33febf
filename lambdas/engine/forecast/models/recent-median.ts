import { medianInPlace } from '../../stats/median-in-place.js';
import type { PointModel } from './model.js';

/**
 * Flat forecast at the median of the last `window` values, `ŷ[n+i] = median(y[n−w … n−1])`.
 * For series that are noise around a level, the median is the MAE-optimal constant and
 * ignores spikes; a short window follows level shifts quickly.
 */
export function recentMedian(window: number): PointModel {
  const scratch = new Float64Array(window);
  return {
    name: `recent-median(${window})`,
    minLength: window,
    predict(history, length, horizon, out) {
      scratch.set(history.subarray(length - window, length));
      out.fill(medianInPlace(scratch, window), 0, horizon);
    },
  };
}
