import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseSnapshot, readSnapshotFile } from '../../../lambdas/cli/commands/analyze.js';
import { writeSnapshotFile } from '../../../lambdas/cli/io/write-snapshot-file.js';
import { runScan, type ScanResult } from '../../../lambdas/cli/io/run-scan.js';
import { runCollectors } from '../../../lambdas/collectors/run-collectors.js';
import { SAVINGS_PLANS_RULE_ID } from '../../../lambdas/engine/rules/account/savings-plans.js';
import type { Action } from '../../../lambdas/engine/types/action.js';
import { createSamplePortsFor, generateSampleAccount } from '../../../lambdas/local/sample-account/index.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { analyseBatch } from '../../../lambdas/workflow/analyse-batch/analyse-batch.js';
import { forecastCosts } from '../../../lambdas/workflow/forecast/forecast-costs.js';
import { plan } from '../../../lambdas/workflow/plan/plan.js';
import { prioritiseRun } from '../../../lambdas/workflow/prioritise/prioritise-run.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
/** Two regions with EC2 and Lambda spend in both, so each region alone would size a Savings Plan of its own. */
const account = generateSampleAccount({ resources: 300, seed: 42, now: NOW });
const sts = mockClient(STSClient);
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

let scan: ScanResult;
beforeAll(async () => {
  // GetCallerIdentity's response (STS API reference, example), for the sample account.
  sts.on(GetCallerIdentityCommand).resolves({ UserId: 'AIDASAMPLEUSERID', Account: account.accountId, Arn: `arn:aws:iam::${account.accountId}:user/DevAdmin` });
  scan = await runScan({ regions: account.regions, now: NOW, progress: () => undefined, credentialChain: () => async () => credentials, portsFor: createSamplePortsFor(account) });
}, 120_000);
afterAll(() => sts.restore());

/** What two runs must agree on: every action's identity, rule and money, in rank order. */
const digest = (actions: Action[]) => actions.map((a) => ({ id: a.id, ruleId: a.ruleId, monthlySavingsUsd: a.monthlySavingsUsd, priority: a.priority }));
const savingsPlan = (actions: Action[]) => actions.filter((a) => a.ruleId.split('+').includes(SAVINGS_PLANS_RULE_ID));

describe('one snapshot, one answer: a multi-region scan', () => {
  it('scans two regions', () => {
    expect(account.regions).toHaveLength(2);
    expect(new Set(scan.snapshot.resources.map((r) => r.region))).toEqual(new Set(account.regions));
  });

  it('gives the same actions and the same Savings Plan as one pass over its snapshot (headroom analyze)', () => {
    const single = analyseSnapshot(scan.snapshot);
    expect(savingsPlan(scan.analysis.actions)).toHaveLength(1);
    expect(savingsPlan(scan.analysis.actions)).toEqual(savingsPlan(single.actions));
    expect(digest(scan.analysis.actions)).toEqual(digest(single.actions));
    expect(scan.analysis.forecasts).toEqual(single.forecasts);
    expect(scan.analysis.anomalies).toEqual(single.anomalies);
  });

  it('gives the answer `headroom analyze` gives on the snapshot file it writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-run-scan-'));
    try {
      await writeSnapshotFile(join(dir, 'snapshot.json'), scan.snapshot);
      expect(digest(analyseSnapshot(readSnapshotFile(join(dir, 'snapshot.json'))).actions)).toEqual(digest(scan.analysis.actions));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same actions and the same Savings Plan as the analysis workflow steps over the same collection', async () => {
    const store = new MemoryStore({ now: () => NOW });
    await runCollectors({ portsFor: createSamplePortsFor(account), store, accounts: [account.accountId], regions: account.regions, now: NOW, lookbackDays: 14 });
    const planned = await plan({}, { store, batchSize: 50, now: () => NOW });
    const deps = { store, headroomPercent: 20, lookbackDays: 14 };
    for (const batch of planned.batches) await analyseBatch(batch, deps);
    await forecastCosts({ runId: planned.runId }, { store });
    await prioritiseRun({ runId: planned.runId }, deps);
    const workflow = await store.listActions(planned.runId);
    expect(savingsPlan(workflow)).toEqual(savingsPlan(scan.analysis.actions));
    expect(digest(workflow)).toEqual(digest(scan.analysis.actions));
  }, 120_000);
});
