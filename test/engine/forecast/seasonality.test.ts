import { describe, expect, it } from 'vitest';
import { candidateSeasonPeriods } from '../../../lambdas/engine/forecast/seasonality.js';

describe('candidateSeasonPeriods', () => {
  it('offers daily and weekly seasons for two weeks of 5-minute data', () => {
    expect(candidateSeasonPeriods(300_000, 4032)).toEqual([288, 2016]);
  });
  it('drops the weekly season when fewer than two weeks are known', () => {
    expect(candidateSeasonPeriods(300_000, 3744)).toEqual([288]);
  });
  it('offers a weekly season for 90 days of daily cost', () => {
    expect(candidateSeasonPeriods(86_400_000, 90)).toEqual([7]);
  });
  it('offers nothing when a day does not divide into steps or history is short', () => {
    expect(candidateSeasonPeriods(11 * 60_000, 5000)).toEqual([]);
    expect(candidateSeasonPeriods(3_600_000, 30)).toEqual([]);
  });
});
