import type { PointModel } from './model.js';

/**
 * Seasonal naive: repeats the last observed season, `ŷ[n+i] = y[n − p + (i mod p)]`
 * (with p = 1 it is the plain naive "last value" forecast). The benchmark the accuracy target is
 * stated against, and a strong candidate for clean, stable cycles.
 */
export function seasonalNaive(period: number): PointModel {
  return {
    name: period === 1 ? 'naive' : `seasonal-naive(${period})`,
    minLength: period,
    predict(history, length, horizon, out) {
      for (let i = 0; i < horizon; i++) out[i] = history[length - period + (i % period)];
    },
  };
}
