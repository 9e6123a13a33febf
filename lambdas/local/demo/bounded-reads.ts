import type { HeadroomStore } from '../../shared/store/store.js';

/**
 * Runs at most `limit` of the given tasks at a time, in call order; the others wait in this queue (not in the
 * SDK's socket queue, where thousands of waiting requests time out and reset).
 */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be a whole number ≥ 1, got ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/**
 * The store with its per-item reads limited to `limit` in flight: callers start one per resource (snapshotFromStore,
 * 10,000 for a large sample account) or one per action (the digest's getDecision for every ranked action). Every other
 * method is the store's own.
 */
export function withBoundedReads(store: HeadroomStore, limit: number): HeadroomStore {
  const run = concurrencyLimit(limit);
  return Object.assign(Object.create(store) as HeadroomStore, {
    getResourceData: (arn: string) => run(() => store.getResourceData(arn)),
    getSeries: (arn: string) => run(() => store.getSeries(arn)),
    getRecommendations: (arn: string) => run(() => store.getRecommendations(arn)),
    getDecision: (actionId: string) => run(() => store.getDecision(actionId)),
    getAction: (runId: string, actionId: string) => run(() => store.getAction(runId, actionId)),
    listAudit: (actionId: string) => run(() => store.listAudit(actionId)),
  });
}
