import { describe, expect, it } from 'vitest';
import { actionKind, KIND_BY_RULE } from '../../../lambdas/engine/prioritise/dedupe.js';
import { rules, accountRules } from '../../../lambdas/engine/rules/index.js';

describe('actionKind', () => {
  it('lists every registered resource rule and account rule with a kind', () => {
    const missing = [...rules, ...accountRules].map((r) => r.id).filter((id) => id !== 'account/insight-actions' && KIND_BY_RULE[id] === undefined);
    expect(missing).toEqual([]);
  });

  it('ranks deleting an idle RDS instance as a removal, whatever its proposed fields are called', () => {
    expect(actionKind({ ruleId: 'rds/idle-instance', proposed: { status: 'deleted', finalSnapshot: true } })).toBe('remove');
    expect(actionKind({ ruleId: 'network/unassociated-elastic-ip', proposed: { released: true } })).toBe('remove');
  });
});
