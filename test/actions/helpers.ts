import { readFileSync } from 'node:fs';
import type { Action } from '../../lambdas/engine/types/action.js';
import { MemoryStore } from '../../lambdas/shared/store/memory-store.js';
import type { HeadroomStore } from '../../lambdas/shared/store/store.js';
import { applyExecutionName } from '../../lambdas/actions/interactions/execution-name.js';

/** Shared builders for the actions tests (fixtures under test/fixtures/actions). */

export const RUN_ID = 'run-1';
export const ACTION_ID = 'act-ebs-1';
export const VOLUME_ID = 'vol-049df61146c4d7901';
export const FIXED_NOW = new Date('2026-11-29T12:00:00.000Z');

export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/actions/${name}`, import.meta.url), 'utf8')) as T;
}

/** A gp2 → gp3 action shaped like the engine's rule output. */
export function ebsAction(overrides: Partial<Action> = {}): Action {
  return {
    id: ACTION_ID,
    ruleId: 'ebs-gp2-to-gp3',
    domain: 'storage',
    resource: {
      arn: `arn:aws:ec2:us-east-1:123456789012:volume/${VOLUME_ID}`,
      type: 'ebs:volume',
      account: '123456789012',
      region: 'us-east-1',
      name: 'db-data',
      tags: {},
    },
    current: { volumeType: 'gp2', sizeGiB: 500, iops: 1500 },
    proposed: { volumeType: 'gp3', iops: 3000, throughputMiBps: 125 },
    monthlySavingsUsd: 10,
    performanceRisk: 1,
    confidence: 0.9,
    effort: 'low',
    restartRequired: false,
    reversible: true,
    evidence: { statistics: {}, quantiles: {}, series: [], sources: [] },
    automation: { executor: 'ebs-gp2-to-gp3' },
    carbonKgCo2eMonthly: 0,
    priority: 1,
    supersedes: [],
    ...overrides,
  };
}

export async function storeWith(actions: Action[], runId = RUN_ID): Promise<MemoryStore> {
  const store = new MemoryStore({ now: () => FIXED_NOW.getTime() });
  await store.putActions(runId, actions);
  return store;
}

/**
 * Records an approval as the interactions endpoint does and returns the apply execution input that names it plus the
 * binding the state machine's first state adds (the execution name the decision recorded).
 */
export async function approve(
  store: HeadroomStore,
  actionId = ACTION_ID,
  options: { decidedBy?: string; runId?: string; slack?: { channelId: string; messageTs: string } } = {},
): Promise<{ actionId: string; decisionVersion: number; binding: { execution: string } }> {
  const decidedAt = FIXED_NOW.toISOString();
  const executionName = applyExecutionName(actionId, `${Date.parse(decidedAt)}-${Math.random().toString(36).slice(2, 8)}`);
  const decision = await store.recordDecision({
    actionId,
    decision: 'approved',
    decidedBy: options.decidedBy ?? 'U0APPROVER',
    decidedAt,
    runId: options.runId ?? RUN_ID,
    executionName,
    ...(options.slack ? { slack: options.slack } : {}),
  });
  if (!decision) throw new Error(`action ${actionId} already has a standing decision`);
  return { actionId, decisionVersion: decision.version, binding: { execution: executionName } };
}
