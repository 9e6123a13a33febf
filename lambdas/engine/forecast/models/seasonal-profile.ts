import { medianInPlace } from '../../stats/median-in-place.js';
import type { PointModel } from './model.js';
import type { ProfileEstimator } from './profile-estimator.js';

export interface SeasonalProfileOptions {
  /** Shared profile estimator (fixes the period and how many seasons are used). */
  estimator: ProfileEstimator;
  /** How many of the most recent slots the current level is taken over. */
  levelWindow: number;
  /** Per-step damping φ of the trend term; omit for no trend. */
  trendDamping?: number;
}

/**
 * Robust seasonal profile plus recent level (plus optional damped trend).
 * With the profile s_j and season levels L_c from ProfileEstimator (period p, phase j(t) = (t − n) mod p):
 * - trend         b = Theil–Sen slope of L_c against season position (median of pairwise slopes),
 *                 0 without damping φ; the profile then also absorbed the within-season part of the
 *                 trend, so it is taken out: s'_j = s_j − b·(j − (p−1)/2);
 * - current level ℓ = median over the last w slots of ( y[t] − s'_{j(t)} ), the level at the window's
 *                 centre n − (w+1)/2;
 * - forecast      ŷ[n+i] = ℓ + s'_{i mod p} + b·((w−1)/2 + Σ_{k=1}^{i+1} φ^k)
 *                 ((w−1)/2 brings the level from the window's centre to the last slot; φ = 1 is a
 *                 straight line, exact on y = a + b·t).
 */
export function seasonalProfile(options: SeasonalProfileOptions): PointModel {
  const { estimator, levelWindow, trendDamping } = options;
  const { period } = estimator;
  const levelScratch = new Float64Array(levelWindow);
  const detrendedProfile = new Float64Array(period);
  const trendLabel = trendDamping === undefined ? '' : `,trend ${trendDamping}`;
  return {
    name: `seasonal-profile(${period}x${estimator.maxCycles},level ${levelWindow}${trendLabel})`,
    minLength: Math.max(2 * period, levelWindow),
    predict(history, length, horizon, out) {
      const fit = estimator.estimate(history, length);
      const slope = trendDamping === undefined ? 0 : theilSenSlope(fit.seasonLevels, fit.cycles, period);
      let profile = fit.profile;
      if (slope !== 0) {
        for (let j = 0; j < period; j++) detrendedProfile[j] = profile[j] - slope * (j - (period - 1) / 2);
        profile = detrendedProfile;
      }
      for (let k = 0; k < levelWindow; k++) {
        const t = length - levelWindow + k;
        const phase = (((t - length) % period) + period) % period;
        levelScratch[k] = history[t] - profile[phase];
      }
      const level = medianInPlace(levelScratch, levelWindow);
      const phi = trendDamping ?? 0;
      let dampedSum = 0;
      let phiPower = 1;
      for (let i = 0; i < horizon; i++) {
        phiPower *= phi;
        dampedSum += phiPower;
        out[i] = level + profile[i % period] + slope * ((levelWindow - 1) / 2 + dampedSum);
      }
    },
  };
}

/** Median of pairwise slopes (L_a − L_b)/((b − a)·p) over seasons a < b; season c is c periods before the last. */
function theilSenSlope(seasonLevels: Float64Array, cycles: number, period: number): number {
  if (cycles < 2) return 0;
  const slopes = new Float64Array((cycles * (cycles - 1)) / 2);
  let count = 0;
  for (let a = 0; a < cycles; a++) {
    for (let b = a + 1; b < cycles; b++) slopes[count++] = (seasonLevels[a] - seasonLevels[b]) / ((b - a) * period);
  }
  return medianInPlace(slopes, count);
}
