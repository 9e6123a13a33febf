import { describe, expect, it } from 'vitest';
import { StuckRun } from '../../../lambdas/engine/anomaly/stuck-run.js';
import { gaussianSeries } from './synthetic.js';

const reports = (values: number[], margin = 0.1) => {
  const stuck = new StuckRun(4032, 12, margin);
  return values.flatMap((value, i) => (stuck.next(value) > 0 ? [i] : []));
};

describe('StuckRun', () => {
  it('reports once when a noisy signal freezes for the minimum run', () => {
    const values = gaussianSeries(1000, 2).map((x, i) => (i >= 700 ? 42 : 10 + x));
    expect(reports(values)).toEqual([711]); // the 12th equal value
  });

  it('stays quiet on the idle periods a series normally has, and reports a longer-than-ever stop', () => {
    // Bursts separated by idle runs of 100 zeros, then an idle run of 400 zeros.
    const values: number[] = [];
    for (let cycle = 0; cycle < 20; cycle++) {
      for (let i = 0; i < 100; i++) values.push(0);
      for (let i = 0; i < 10; i++) values.push(50 + i);
    }
    const stopAt = values.length;
    for (let i = 0; i < 400; i++) values.push(0);
    // The record (100) must be beaten by 25 %: the 125th zero of the long idle run.
    expect(reports(values, 0.25)).toEqual([stopAt + 124]);
  });

  it('says nothing while the history is shorter than six times the run', () => {
    const values = [1, 2, 3, ...Array(40).fill(7)];
    expect(reports(values)).toEqual([]);
  });
});
