import { describe, expect, it } from 'vitest';
import { levelTest } from '../../../lambdas/actions/validation/level-test.js';
import { presenceTest } from '../../../lambdas/actions/validation/presence-test.js';
import { rateTest, type RatePoint } from '../../../lambdas/actions/validation/rate-test.js';

/** Seeded uniform [0, 1) (mulberry32) and a standard normal by Box–Muller: the tests are deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** AR(1) xₜ = ρ xₜ₋₁ + εₜ around `level`, with stationary sd `sd`: autocorrelated like real CloudWatch series. */
function ar1(n: number, level: number, sd: number, rho: number, r: ReturnType<typeof rng>): number[] {
  const innovation = sd * Math.sqrt(1 - rho * rho);
  let x = r.normal() * sd;
  return Array.from({ length: n }, () => (x = rho * x + innovation * r.normal())).map((value) => level + value);
}

const latency = { worseWhen: 'higher' as const, minRelativeEffect: 0.2, minAbsoluteEffect: 10 };

describe('level test (block Welch, AR(1)-corrected) on autocorrelated series', () => {
  it('rarely rolls back an unchanged AR(1) latency, and sees a +25 % shift', () => {
    const r = rng(11);
    let falseRollbacks = 0;
    let detected = 0;
    const trials = 300;
    for (let trial = 0; trial < trials; trial += 1) {
      const series = ar1(120, 120, 12, 0.8, r);
      const before = series.slice(0, 60);
      const after = series.slice(60);
      if (levelTest(before, after, latency).regressed) falseRollbacks += 1;
      if (levelTest(before, after.map((v) => v * 1.25), latency).regressed) detected += 1;
    }
    expect(falseRollbacks / trials).toBeLessThan(0.03);
    // ρ = 0.8 with sd 10 % of the level and a 20 % effect gate: a +25 % shift is seen about three times in four.
    expect(detected / trials).toBeGreaterThan(0.7);
  });

  it('needs at least ten after-values: 120 → 1,200 ms in 7 minutes is insufficient data (the bake is extended), then caught', () => {
    const r = rng(3);
    const before = ar1(60, 120, 10, 0.5, r);
    expect(levelTest(before, ar1(7, 1200, 50, 0.5, r), latency)).toMatchObject({ verdict: 'insufficient-data', regressed: false });
    expect(levelTest(before, ar1(30, 1200, 50, 0.5, r), latency)).toMatchObject({ verdict: 'regressed', regressed: true });
  });

  it('treats a drop as the regression for a lower-is-worse metric (log ingestion)', () => {
    const r = rng(5);
    const before = ar1(60, 1000, 80, 0.6, r);
    const halved = ar1(60, 400, 40, 0.6, r);
    expect(levelTest(before, halved, { worseWhen: 'lower', minRelativeEffect: 0.5, minAbsoluteEffect: 0 }).regressed).toBe(true);
    expect(levelTest(before, halved, latency).regressed).toBe(false);
  });
});

describe('rate test (quasi-binomial / quasi-Poisson) on bursty counts', () => {
  /** Invocations per minute around 200, errors Binomial(n, pₜ) with pₜ an AR(1) around `errorRate`. */
  function errors(n: number, errorRate: number, r: ReturnType<typeof rng>): RatePoint[] {
    const p = ar1(n, errorRate, errorRate / 2, 0.7, r).map((value) => Math.min(1, Math.max(0, value)));
    return p.map((rate) => {
      const exposure = Math.max(1, Math.round(200 + 40 * r.normal()));
      let events = 0;
      for (let i = 0; i < exposure; i += 1) if (r.uniform() < rate) events += 1;
      return { events, exposure };
    });
  }
  const criteria = { worseWhen: 'higher' as const, minRelativeEffect: 0.5, minAbsoluteEffect: 0.01, exposure: 'trials' as const };

  it('catches a function erroring in 40 % of minutes, whose per-minute median error count is 0', () => {
    const r = rng(7);
    const before = errors(60, 0.001, r);
    const after = Array.from({ length: 60 }, (_, i) => ({ events: i % 5 < 2 ? 80 : 0, exposure: 200 }));
    expect(after.map((p) => p.events).sort((a, b) => a - b)[30]).toBe(0);
    expect(rateTest(before, after, criteria)).toMatchObject({ verdict: 'regressed' });
  });

  it('rarely rolls back unchanged bursty error rates, and sees +5 points', () => {
    const r = rng(13);
    let falseRollbacks = 0;
    let detected = 0;
    const trials = 200;
    for (let trial = 0; trial < trials; trial += 1) {
      const before = errors(60, 0.02, r);
      const after = errors(60, 0.02, r);
      if (rateTest(before, after, criteria).regressed) falseRollbacks += 1;
      const worse = after.map((p) => ({ exposure: p.exposure, events: p.events + Math.round(0.05 * p.exposure) }));
      if (rateTest(before, worse, criteria).regressed) detected += 1;
    }
    expect(falseRollbacks / trials).toBeLessThan(0.03);
    expect(detected / trials).toBeGreaterThan(0.9);
  });

  it('compares events per minute when there is no exposure metric (DynamoDB throttles): 2× is caught', () => {
    const r = rng(17);
    const before = ar1(60, 20, 6, 0.6, r).map((v) => ({ events: Math.max(0, Math.round(v)), exposure: 1 }));
    const doubled = ar1(60, 40, 10, 0.6, r).map((v) => ({ events: Math.max(0, Math.round(v)), exposure: 1 }));
    expect(rateTest(before, doubled, { ...criteria, minAbsoluteEffect: 1, exposure: 'time' }).regressed).toBe(true);
  });
});

describe('presence test: metrics vanishing after the change', () => {
  it('is a regression when a metric present every minute before has none after, and waits when it cannot tell yet', () => {
    expect(presenceTest(60, 60, 0, 60)).toMatchObject({ verdict: 'missing-after', regressed: true });
    // EC2 basic monitoring (one point in five minutes): five after-minutes with none prove nothing yet.
    expect(presenceTest(12, 60, 0, 5)).toMatchObject({ verdict: 'insufficient-data', regressed: false });
    expect(presenceTest(12, 60, 0, 60)).toMatchObject({ verdict: 'missing-after', regressed: true });
    expect(presenceTest(12, 60, 11, 60)).toMatchObject({ verdict: 'no-regression' });
    expect(presenceTest(0, 60, 0, 60)).toMatchObject({ verdict: 'no-data', regressed: false });
  });
});
