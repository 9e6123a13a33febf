import { describe, expect, it } from 'vitest';
import { authorise } from '../../../lambdas/actions/interactions/authorise.js';

const policy = { approverIds: ['U1'], highRiskApproverIds: ['U9'] };

describe('authorise', () => {
  it('lets approvers approve risk 0–2 and high-risk approvers approve anything', async () => {
    expect(await authorise('U1', 'approve', 2, policy)).toEqual({ allowed: true });
    expect(await authorise('U9', 'approve', 2, policy)).toEqual({ allowed: true });
    expect(await authorise('U9', 'approve', 4, policy)).toEqual({ allowed: true });
  });

  it('refuses a risk-3 approval by an ordinary approver with a reason', async () => {
    const result = await authorise('U1', 'approve', 3, policy);
    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('high-risk approver list') });
  });

  it('applies the approver lists to snooze, which blocks approval and hides the action for 7 days', async () => {
    expect(await authorise('U0STRANGER', 'snooze', 0, policy)).toEqual({ allowed: false, reason: 'You are not on the approver list, so you cannot snooze this action.' });
    expect(await authorise('U1', 'snooze', 0, policy)).toEqual({ allowed: true });
    expect((await authorise('U1', 'snooze', 3, policy)).allowed).toBe(false);
    expect(await authorise('U9', 'snooze', 3, policy)).toEqual({ allowed: true });
  });

  it('refuses everyone when the lists are empty', async () => {
    expect((await authorise('U1', 'approve', 0, { approverIds: [], highRiskApproverIds: [] })).allowed).toBe(false);
  });
});
