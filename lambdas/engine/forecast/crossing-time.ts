import type { Forecast } from './forecast.js';

/**
 * First forecast timestamp at which the point forecast reaches `threshold`, moving towards it from
 * where the forecast starts: upward crossing (forecast[k] ≥ threshold) when forecast[0] is below it,
 * downward (forecast[k] ≤ threshold) when forecast[0] is above it — so the same call answers
 * "when does disk fill" and "when does free memory run out". When forecast[0] already equals the
 * threshold, that first timestamp is returned. null when the horizon never reaches it.
 * Example: forecast [50, 70, 90] at t = [1, 2, 3], threshold 80 → 3.
 */
export function crossingTime(forecast: Forecast, threshold: number): number | null {
  const points = forecast.forecast;
  if (points.length === 0 || !Number.isFinite(threshold)) return null;
  const rising = points[0] <= threshold;
  for (let k = 0; k < points.length; k++) {
    if (rising ? points[k] >= threshold : points[k] <= threshold) return forecast.timestamps[k];
  }
  return null;
}
