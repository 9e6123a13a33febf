import { describe, expect, it } from 'vitest';
import { detectAnomalies } from '../../../lambdas/engine/anomaly/detect.js';
import { DEFAULT_PARAMETERS } from '../../../lambdas/engine/anomaly/parameters.js';
import { seriesScale } from '../../../lambdas/engine/anomaly/score-series.js';
import { nominalStepMs, observationsIn } from '../../../lambdas/engine/anomaly/time-scale.js';
import { gaussianSeries, toPoints } from './synthetic.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const alertRows = (values: readonly number[], stepMs: number) =>
  detectAnomalies(toPoints(values, stepMs)).flatMap((d, i) => (d.alert ? [i] : []));

describe('time scale', () => {
  it('finds the step as the median positive interval, ignoring repeats and a gap', () => {
    expect(nominalStepMs([0, 60, 60, 120, 180, 900, 960].map((s) => s * 1000))).toBe(MINUTE);
    expect(nominalStepMs([5, 5, 5])).toBe(300_000);
  });

  it('converts durations to observations at the step, within the floor and the cap', () => {
    expect(observationsIn(14 * 24, 5 * MINUTE, 4032, 20_160)).toBe(4032);
    expect(observationsIn(14 * 24, MINUTE, 4032, 20_160)).toBe(20_160);
    expect(observationsIn(14 * 24, 24 * HOUR, 4032, 20_160)).toBe(4032);
    expect(observationsIn(6, HOUR, 3)).toBe(6);
    expect(observationsIn(6, 24 * HOUR, 3)).toBe(3);
  });

  it('sizes memory, false-alarm probability and refractory period from the step, in time with floors', () => {
    const at = (step: number) => seriesScale(step, DEFAULT_PARAMETERS);
    expect(at(MINUTE)).toEqual({ memory: 20_160, logAlpha: Math.log(1 / 129_600), refractory: 360 });
    expect(at(5 * MINUTE)).toEqual({ memory: 4032, logAlpha: Math.log(1 / 25_920), refractory: 72 });
    expect(at(HOUR)).toEqual({ memory: 4032, logAlpha: Math.log(1 / 2160), refractory: 6 });
    expect(at(24 * HOUR)).toEqual({ memory: 4032, logAlpha: Math.log(1 / 1000), refractory: 3 });
  });
});

describe('step-aware incidents', () => {
  it('holds one incident for 6 hours at a 1-minute step (not 36 minutes), and alerts on the next one', () => {
    const values = gaussianSeries(3 * 1440, 31).map((x) => 40 + x);
    const first = 2 * 1440;
    values[first] += 30;
    values[first + 120] += 30; // two hours later: the same incident
    values[first + 600] += 60; // ten hours later: a new one, beyond the range of the first
    expect(alertRows(values, MINUTE)).toEqual([first, first + 600]);
  });

  it('needs half a day of history at a 1-minute step before alerting (a warm-up in time, not 100 minutes)', () => {
    const values = gaussianSeries(2 * 1440, 32).map((x) => 40 + x);
    values[300] += 30; // after 5 hours
    values[1900] += 60; // after 31 hours (not at the same time of day as the first)
    expect(alertRows(values, MINUTE)).toEqual([1900]);
  });

  it('judges an hourly series on weeks of history and its daily cycle', () => {
    const values = gaussianSeries(60 * 24, 33).map((x, i) => 50 + 20 * Math.sin((2 * Math.PI * i) / 24) + x);
    expect(alertRows(values, HOUR).length).toBeLessThanOrEqual(1);
    const dip = values.map((x, i) => (i >= 50 * 24 + 6 && i < 50 * 24 + 9 ? x - 25 : x)); // the morning peak does not come
    expect(alertRows(dip, HOUR).some((i) => i >= 50 * 24 + 6 && i < 50 * 24 + 9)).toBe(true);
  });

  it('lets a daily series alert after four weeks of history, not after 202 days', () => {
    const costs = gaussianSeries(60, 34).map((x, i) => 100 + 3 * x + (i === 30 ? 70 : 0));
    expect(alertRows(costs, 24 * HOUR)).toEqual([30]);
  });
});
