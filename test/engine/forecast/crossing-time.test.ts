import { describe, expect, it } from 'vitest';
import { crossingTime, type Forecast } from '../../../lambdas/engine/forecast/forecast.js';

function forecastOf(points: number[]): Forecast {
  return { stepMs: 1, timestamps: points.map((_, i) => i + 1), forecast: points, lower80: points, upper80: points, model: 'test', seasonPeriods: [] };
}

describe('crossingTime', () => {
  it('returns the first timestamp at or above a threshold the forecast rises to', () => {
    expect(crossingTime(forecastOf([50, 70, 90, 95]), 80)).toBe(3);
  });
  it('returns the first timestamp at or below a threshold the forecast falls to', () => {
    expect(crossingTime(forecastOf([900, 500, 100]), 300)).toBe(3);
  });
  it('returns null when the horizon never reaches the threshold', () => {
    expect(crossingTime(forecastOf([1, 2, 3]), 10)).toBeNull();
    expect(crossingTime(forecastOf([]), 10)).toBeNull();
  });
});
