import { describe, expect, it } from 'vitest';
import { analyseSnapshot } from '../../../lambdas/cli/commands/analyze.js';
import { snapshotFromStore } from '../../../lambdas/cli/io/snapshot-from-store.js';
import { runCollectors } from '../../../lambdas/collectors/run-collectors.js';
import { generateSampleAccount } from '../../../lambdas/local/sample-account/generate.js';
import { createSamplePortsFor } from '../../../lambdas/local/sample-account/sample-ports.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';

// Seed 2 has two over-provisioned groups (and one that fits) among 60 resources.
const account = generateSampleAccount({ resources: 60, seed: 2 });

describe('Auto Scaling groups of the sample account, through the collectors and the engine', () => {
  it('become one action per group, and their members get no instance rows of their own', async () => {
    const store = new MemoryStore({ now: () => account.now });
    const scope = { accounts: [account.accountId], regions: account.regions, collectedAt: account.now };
    await runCollectors({ portsFor: createSamplePortsFor(account), store, accounts: scope.accounts, regions: scope.regions, now: account.now, lookbackDays: 14 });
    const { actions } = analyseSnapshot(await snapshotFromStore(store, scope));

    const groups = account.computeOptimizer.autoScalingGroups.filter((g) => (g.recommendationOptions ?? []).some((o) => (o.savingsOpportunity?.estimatedMonthlySavings?.value ?? 0) > 0));
    expect(groups.length).toBeGreaterThan(0);
    const groupActions = actions.filter((a) => a.resource.type === 'autoscaling:group');
    expect(groupActions.map((a) => a.resource.name).sort()).toEqual(groups.map((g) => g.autoScalingGroupName).sort());
    for (const action of groupActions) {
      expect(action.automation.executor).toBeNull();
      expect(action.proposed.change).toBe('launch-template-or-mixed-instances-policy');
    }
    const memberArns = new Set(account.resources.filter((s) => s.resource.tags['aws:autoscaling:groupName'] !== undefined).map((s) => s.resource.arn));
    expect(memberArns.size).toBeGreaterThan(groupActions.length);
    expect(actions.filter((a) => memberArns.has(a.resource.arn) && 'instanceType' in a.proposed)).toEqual([]);
  });
});
