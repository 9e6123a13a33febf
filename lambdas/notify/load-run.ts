import type { Action } from '../engine/types/action.js';
import type { HeadroomStore, RealisedSavingsRecord, RunSummary, StoredAnomaly, StoredForecast } from '../shared/store/store.js';
import { RunNotFoundError } from './errors.js';
import { mapLimited } from '../shared/map-limited.js';

/** Decision reads in flight while loading a run for notification. */
const DECISION_READ_CONCURRENCY = 16;

export interface RunForNotify {
  run: RunSummary;
  /** The run's ranked actions minus those someone already decided on (see `isSettled`). */
  actions: Action[];
  /** How many ranked actions were left out because of a decision. */
  settled: number;
  forecasts: StoredForecast[];
  /** Metric and cost anomalies of the run (every batch's and the forecast step's). */
  anomalies: StoredAnomaly[];
  /** Realised savings this run measured (its persist step), for the digest's "Realised" section. */
  realised: RealisedSavingsRecord[];
}

/**
 * Whether an action has been dealt with and should not be offered again: approved (being applied), dismissed,
 * or snoozed until a time still in the future. Action ids are deterministic, so the same recommendation in a
 * later run finds the earlier decision. A snooze stops holding at `snoozedUntil` (the store never expires decisions).
 *
 * "Materially changed" is defined by the id: it hashes rule + resource + proposed change, so a dismissed action
 * comes back only when the proposal itself changes (another instance type, another memory size), not when its
 * savings estimate or evidence move. A dismissal holds for good (decisions have no TTL).
 */
async function isSettled(store: HeadroomStore, actionId: string, nowMs: number): Promise<boolean> {
  const decision = await store.getDecision(actionId);
  if (decision === undefined) return false;
  if (decision.decision === 'snoozed') return decision.snoozedUntil !== undefined && Date.parse(decision.snoozedUntil) > nowMs;
  return true;
}

/** Reads what a notification needs about one run. */
export async function loadRunForNotify(store: HeadroomStore, runId: string, now: Date = new Date()): Promise<RunForNotify> {
  const run = await store.getRun(runId);
  if (run === undefined) throw new RunNotFoundError(runId);
  const [ranked, forecasts, anomalies, allRealised] = await Promise.all([
    store.listActions(runId),
    store.listForecasts(runId),
    store.listAnomalies(runId),
    store.listRealisedSavings(),
  ]);
  // One decision read per action, bounded: a run can have thousands of actions, and unbounded fan-out queues behind the
  // SDK's socket pool (and throttles the table).
  const settled = await mapLimited(ranked, DECISION_READ_CONCURRENCY, (action) => isSettled(store, action.id, now.getTime()));
  const actions = ranked.filter((_, index) => !settled[index]);
  const realised = allRealised.filter((record) => record.runId === runId);
  return { run, actions, settled: ranked.length - actions.length, forecasts, anomalies, realised };
}

/** Expands a report URL template: `{runId}` is replaced by the URL-encoded run id. */
export function reportUrlFor(template: string | undefined, runId: string): string | undefined {
  return template?.replace(/\{runId\}/g, encodeURIComponent(runId));
}
