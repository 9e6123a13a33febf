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

  it('refuses everyone when the lists are empty', async () => {
    expect((await authorise('U1', 'approve', 0, { approverIds: [], highRiskApproverIds: [] })).allowed).toBe(false);
  });
});
