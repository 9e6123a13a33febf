import { readFileSync } from 'node:fs';
import type { Action } from '../../lambdas/engine/types/action.js';
import { MemoryStore } from '../../lambdas/shared/store/memory-store.js';

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
