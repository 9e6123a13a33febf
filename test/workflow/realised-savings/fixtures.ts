// Builders for the realised-savings workflow tests (not a test file itself).
import type { Action } from '../../../lambdas/engine/types/action.js';
import type { Resource } from '../../../lambdas/engine/types/snapshot.js';
import type { HeadroomStore } from '../../../lambdas/shared/store/store.js';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** The measuring run starts 2026-11-15T00:00Z. */
export const RUN_AT = Date.UTC(2026, 10, 15);
export const APPROVING_RUN = 'run-approving';

export function volume(name: string, config: Record<string, unknown>): Resource {
  return {
    arn: `arn:aws:ec2:us-east-1:123456789012:volume/${name}`,
    type: 'ebs:volume',
    account: '123456789012',
    region: 'us-east-1',
    name,
    tags: {},
    config,
  };
}

export function actionOn(res: Resource, current: Record<string, unknown>, monthlySavingsUsd: number, executor = 'ebs-gp2-to-gp3'): Action {
  return {
    id: `act-${res.name}`,
    ruleId: res.type === 'lambda:function' ? 'lambda/memory-size' : 'ebs/gp2-to-gp3',
    domain: 'storage',
    resource: { arn: res.arn, type: res.type, account: res.account, region: res.region, name: res.name, tags: {} },
    current,
    proposed: {},
    monthlySavingsUsd,
    performanceRisk: 0,
    confidence: 1,
    effort: 'low',
    restartRequired: false,
    reversible: true,
    evidence: { statistics: {}, quantiles: {}, series: [], sources: [] },
    automation: { executor },
    carbonKgCo2eMonthly: 0,
    priority: 1,
    supersedes: [],
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What the interactions endpoint and the apply workflow leave behind for an approval applied at `appliedAt`. */
export async function approveAndApply(store: HeadroomStore, action: Action, appliedAt: number, outcome: 'applied' | 'rolled-back' | 'pending' = 'applied'): Promise<void> {
  const decidedAt = appliedAt - HOUR_MS;
  await store.recordDecision({ actionId: action.id, decision: 'approved', decidedBy: 'U1', decidedAt: iso(decidedAt), runId: APPROVING_RUN });
  const audit = (event: string, at: number) =>
    store.appendAudit({ actionId: action.id, at: iso(at), actor: 'headroom-apply-workflow', event, detail: { runId: APPROVING_RUN } });
  await audit('applied', appliedAt);
  if (outcome === 'pending') return;
  await audit(`outcome-${outcome}`, appliedAt + 2 * HOUR_MS);
  if (outcome === 'rolled-back') await store.updateDecision(action.id, 1, (d) => ({ ...d, reopened: true, apply: { status: 'rolled-back', at: iso(appliedAt + 2 * HOUR_MS) } }));
}
