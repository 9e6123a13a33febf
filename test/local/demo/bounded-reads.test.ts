import { describe, expect, it } from 'vitest';
import { concurrencyLimit, withBoundedReads } from '../../../lambdas/local/demo/bounded-reads.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('concurrencyLimit', () => {
  it('never runs more than the limit at once and runs every task', async () => {
    const run = concurrencyLimit(3);
    let inFlight = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run(async () => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await tick();
          inFlight -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot of a task that fails', async () => {
    const run = concurrencyLimit(1);
    await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => concurrencyLimit(0)).toThrow(RangeError);
  });
});

describe('withBoundedReads', () => {
  it('bounds per-item reads and leaves every other method to the store', async () => {
    const store = new MemoryStore();
    let inFlight = 0;
    let peak = 0;
    const original = store.getResourceData.bind(store);
    store.getResourceData = async (arn) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await tick();
      inFlight -= 1;
      return original(arn);
    };
    const bounded = withBoundedReads(store, 2);
    const data = await Promise.all(Array.from({ length: 10 }, (_, i) => bounded.getResourceData(`arn:aws:ec2:us-east-1:123456789012:instance/i-${i}`)));
    expect(peak).toBe(2);
    expect(data.every((d) => d.series.length === 0 && d.recommendations.length === 0)).toBe(true);
    expect(await bounded.listResources()).toEqual([]);
    expect(await bounded.getDecision('act-1')).toBeUndefined();
  });
});
