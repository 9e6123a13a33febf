import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutor } from '../../../lambdas/actions/executors/index.js';
import type { Action } from '../../../lambdas/engine/types/action.js';
import { DEMO_EXECUTORS, runLocalAnalysis, type LocalAnalysis } from '../../../lambdas/local/demo/local-analysis.js';
import { createSampleExecutorContext } from '../../../lambdas/local/demo/sample-executor-ports.js';
import type { SlackBlock } from '../../../lambdas/notify/format/slack-blocks.js';

/**
 * "Approve only where the change will succeed" on the demo's own digest: the default 200-resource sample account is
 * analysed as `npm run demo` does, and every Approve button of the Slack message it would post is pressed in thought —
 * its executor's precheck runs against the sample account, which must accept it. ASG members and x86 → arm64 moves
 * get no button; the digest says why.
 */
describe('the demo digest offers Approve only where the precheck passes', () => {
  let local: LocalAnalysis;

  beforeAll(async () => {
    local = await runLocalAnalysis({ resources: 200, seed: 42, now: Date.UTC(2026, 10, 29, 12), progress: () => undefined });
  }, 180_000);
  afterAll(async () => local?.stop());

  function approvedActions(): Action[] {
    const blocks = (local.slack?.blocks ?? []) as SlackBlock[];
    const ids = blocks
      .filter((block): block is Extract<SlackBlock, { type: 'actions' }> => block.type === 'actions')
      .flatMap((block) => block.elements.filter((element) => element.action_id === 'approve'))
      .map((button) => (JSON.parse((button as { value: string }).value) as { actionId: string }).actionId);
    return ids.map((id) => {
      const action = local.actions.find((candidate) => candidate.id === id);
      if (!action) throw new Error(`the digest offers Approve for ${id}, which is not in the run`);
      return action;
    });
  }

  it('passes the precheck of every Approve button against the sample account', async () => {
    const approved = approvedActions();
    expect(approved.length).toBeGreaterThan(0);
    const context = createSampleExecutorContext(local.portsFor, local.account.accountId, () => new Date(local.now));
    const refused: { id: string; reason: string }[] = [];
    for (const action of approved) {
      const executor = findExecutor(action.automation.executor ?? '');
      if (!executor) throw new Error(`no executor for ${action.id}`);
      const verdict = await executor.precheck(action, context);
      if (!verdict.ok) refused.push({ id: action.id, reason: verdict.reason });
    }
    expect(refused).toEqual([]);
    console.log(`demo digest: ${approved.length} Approve buttons, all pass their precheck: ${approved.map((a) => a.automation.executor).join(', ')}`);
  });

  it('gives no Approve to an Auto Scaling group member or a cross-architecture move, and says why', () => {
    const approved = new Set(approvedActions().map((action) => action.id));
    const instanceTypeChanges = local.actions.filter((action) => action.automation.executor === 'ec2-instance-type');
    const members = instanceTypeChanges.filter((action) => action.resource.tags['aws:autoscaling:groupName'] !== undefined);
    expect(members.every((action) => !approved.has(action.id))).toBe(true);
    const crossing = local.actions.filter((action) => action.resource.type === 'ec2:instance' && action.current.architecture !== undefined && action.proposed.architecture !== undefined && action.current.architecture !== action.proposed.architecture);
    expect(crossing.every((action) => action.automation.executor === null && action.effort === 'high')).toBe(true);
    const text = JSON.stringify(local.slack?.blocks ?? []);
    if (members.some((action) => local.actions.indexOf(action) < 15)) expect(text).toContain("change the group's launch template");
    expect(DEMO_EXECUTORS).toContain('ec2-instance-type');
  });
});
