import { createPriceBook, type PriceBook } from '../../engine/pricing/price-book.js';
import { measureRealisedSavings } from '../../engine/realised/realised-savings.js';
import type { Action } from '../../engine/types/action.js';
import type { ApprovalRef, HeadroomStore, RealisedSavingsRecord } from '../../shared/store/store.js';
import { appliedAtFromAudit } from './applied-at.js';
import { RealisedConfigError } from './env.js';
import { DAY_MS, measurementWindowEnd, MIN_WINDOW_MS } from './windows.js';

export interface RealisedSavingsOptions {
  /** Days after the apply before the first measurement (REALISED_AFTER_DAYS, default 7). */
  afterDays: number;
  /** Days of metrics the collectors keep per series (LOOKBACK_DAYS, default 14). */
  lookbackDays: number;
  /** Most approvals examined per run, so the step's duration stays bounded (default 100). */
  maxActions: number;
}

export const DEFAULT_REALISED_OPTIONS: RealisedSavingsOptions = { afterDays: 7, lookbackDays: 14, maxActions: 100 };

/** What one run measured; the records themselves are stored (putRealisedSavings). */
export interface RealisedSavingsOutcome {
  measured: number;
  notMeasurable: number;
  /** Due approvals left for the next run because of maxActions. */
  deferred: number;
}

/**
 * Measures the realised savings of applied actions (SPEC §8), once per action, in the analysis run's persist step.
 *
 * Policy: an approval is due when its change was applied (audit 'applied' + 'outcome-applied', decision still
 * 'approved') at least `afterDays` before the run started; it is measured with a window either side as long as the
 * stored series allow (windows.ts: a week either side at day 7 of a 14-day lookback). A measurement is final and is
 * not repeated — a later one would have a shorter before-window, not a better one. When it cannot be measured the
 * reason is stored and later runs try again while the windows still fit (≤ lookback − 1 day after the apply); the
 * last try is stored as final. Only approvals decided inside [run − lookback, run − afterDays] are examined (an apply
 * follows its approval within hours), oldest first, at most `maxActions` per run — so nothing is retried forever.
 */
export async function measureAppliedActions(
  run: { runId: string; startedAt: string },
  store: HeadroomStore,
  options: RealisedSavingsOptions = DEFAULT_REALISED_OPTIONS,
): Promise<RealisedSavingsOutcome> {
  if (options.afterDays * DAY_MS > options.lookbackDays * DAY_MS - MIN_WINDOW_MS) {
    throw new RealisedConfigError(
      `realised savings are measured ${options.afterDays} days after an apply, which needs a lookback of at least ${options.afterDays + 1} days (it is ${options.lookbackDays})`,
    );
  }
  const runAt = Date.parse(run.startedAt);
  const settled = new Map((await store.listRealisedSavings()).map((r) => [r.actionId, r]));
  const due = (await store.listApprovals()).filter((ref) => {
    const decidedAt = Date.parse(ref.decidedAt);
    const previous = settled.get(ref.actionId);
    const pending = !previous || (previous.status === 'not-measurable' && !previous.final);
    return pending && decidedAt <= runAt - options.afterDays * DAY_MS && decidedAt >= runAt - options.lookbackDays * DAY_MS;
  });
  const examined = due.slice(0, options.maxActions);
  const priceBooks = new Map<string, Promise<PriceBook>>();
  const priceBook = (region: string) => {
    if (!priceBooks.has(region)) priceBooks.set(region, store.getPrices(region).then((prices) => createPriceBook(prices)));
    return priceBooks.get(region)!;
  };

  const records: RealisedSavingsRecord[] = [];
  for (const ref of examined) {
    const record = await measureOne(ref, run, runAt, store, options, priceBook);
    if (record) records.push(record);
  }
  if (records.length > 0) await store.putRealisedSavings(records);
  return {
    measured: records.filter((r) => r.status === 'measured').length,
    notMeasurable: records.filter((r) => r.status === 'not-measurable').length,
    deferred: due.length - examined.length,
  };
}

/** One approval: undefined when there is nothing to record (not applied, rolled back, not yet due). */
async function measureOne(
  ref: ApprovalRef,
  run: { runId: string; startedAt: string },
  runAt: number,
  store: HeadroomStore,
  options: RealisedSavingsOptions,
  priceBook: (region: string) => Promise<PriceBook>,
): Promise<RealisedSavingsRecord | undefined> {
  const decision = await store.getDecision(ref.actionId);
  if (decision?.decision !== 'approved') return undefined;
  const appliedAt = appliedAtFromAudit(await store.listAudit(ref.actionId));
  if (appliedAt === undefined || appliedAt > runAt - options.afterDays * DAY_MS) return undefined;
  const runId = decision.runId ?? ref.runId;
  const action = runId === undefined ? undefined : await store.getAction(runId, ref.actionId);
  if (!action) return undefined; // the approving run has expired: nothing left to compare with
  // Would the next daily run still have windows that fit? If not, this is the last try.
  const final = measurementWindowEnd(appliedAt, runAt + DAY_MS, options.lookbackDays) === undefined;
  const windowEnd = measurementWindowEnd(appliedAt, runAt, options.lookbackDays);
  if (windowEnd === undefined) {
    return notMeasurable(action, run, appliedAt, `the collected metrics (${options.lookbackDays} days) no longer cover both sides of the change`, true);
  }
  const [resource] = await store.getResources([action.resource.arn]);
  const series = await store.getSeries(action.resource.arn);
  const result = measureRealisedSavings({ action, appliedAt, now: windowEnd, resource, series }, await priceBook(action.resource.region));
  if (!result.measured) return notMeasurable(action, run, appliedAt, result.reason, final);
  const windowDays = Math.round(((windowEnd - appliedAt) / DAY_MS) * 10) / 10;
  return { status: 'measured', runId: run.runId, ...result.savings, measuredAt: run.startedAt, basis: { ...result.savings.basis, windowDays } };
}

function notMeasurable(action: Action, run: { runId: string; startedAt: string }, appliedAt: number, reason: string, final: boolean): RealisedSavingsRecord {
  return {
    status: 'not-measurable',
    runId: run.runId,
    actionId: action.id,
    ruleId: action.ruleId,
    resourceArn: action.resource.arn,
    estimatedMonthlyUsd: Math.round(action.monthlySavingsUsd * 100) / 100,
    appliedAt: new Date(appliedAt).toISOString(),
    measuredAt: run.startedAt,
    reason,
    final,
  };
}
