import { z } from 'zod';
import type { Resource } from '../../engine/types/snapshot.js';
import type { Batch, HeadroomStore } from '../../shared/store/store.js';
import { newRunId, RunIdSchema } from '../run-id.js';

export const PlanInputSchema = z.object({ runId: RunIdSchema.optional() });
export type PlanInput = z.infer<typeof PlanInputSchema>;

export interface PlanOutput {
  runId: string;
  startedAt: string;
  batches: { runId: string; batchId: string }[];
}

export interface PlanDeps {
  store: HeadroomStore;
  batchSize: number;
  /** Clock, epoch ms. */
  now?: () => number;
}

/**
 * First step of the analysis: splits the stored inventory into batches of at most `batchSize` resources,
 * each within one account and region (so a batch's data sits together and a denied region fails alone),
 * stores them and a 'running' RunSummary, and returns only keys (Step Functions payloads stay small).
 * Re-planning an existing runId keeps its startedAt, so the analysis of that run stays deterministic, and
 * first clears what the earlier attempt produced (batches, findings, actions, forecasts): the inventory may
 * have changed, and a batch that no longer exists would otherwise keep contributing its findings.
 */
export async function plan(input: PlanInput, deps: PlanDeps): Promise<PlanOutput> {
  const existing = input.runId ? await deps.store.getRun(input.runId) : undefined;
  const startedAt = existing?.startedAt ?? new Date((deps.now ?? Date.now)()).toISOString();
  const runId = input.runId ?? newRunId(new Date(startedAt));

  if (existing) await deps.store.clearRunResults(runId);
  const batches = splitIntoBatches(runId, await deps.store.listResources(), deps.batchSize);
  await deps.store.putBatches(batches);
  await deps.store.putRun({
    runId,
    startedAt,
    status: 'running',
    batches: batches.length,
    failedBatches: [],
    actionCount: 0,
    totalMonthlySavingsUsd: 0,
  });
  return { runId, startedAt, batches: batches.map((b) => ({ runId, batchId: b.batchId })) };
}

/** Groups resources by account and region (sorted, so batch ids are stable) and cuts each group into batches. */
export function splitIntoBatches(runId: string, resources: Resource[], batchSize: number): Batch[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const groups = new Map<string, Resource[]>();
  for (const r of resources) {
    const scope = `${r.account}#${r.region}`;
    groups.set(scope, [...(groups.get(scope) ?? []), r]);
  }
  const batches: Batch[] = [];
  for (const scope of [...groups.keys()].sort()) {
    const arns = groups.get(scope)!.map((r) => r.arn).sort();
    const [account, region] = scope.split('#');
    for (let i = 0; i * batchSize < arns.length; i++) {
      batches.push({
        runId,
        batchId: `${account}-${region}-${String(i + 1).padStart(4, '0')}`,
        account,
        region,
        resourceArns: arns.slice(i * batchSize, (i + 1) * batchSize),
      });
    }
  }
  return batches;
}
