import { describe, expect, it } from 'vitest';
import { analyseAccount, AccountRuleEvaluationError } from '../../lambdas/engine/analyse-account.js';
import { accountRules } from '../../lambdas/engine/rules/account/index.js';
import type { AccountRule, AccountRuleInput } from '../../lambdas/engine/rules/account-rule.js';
import { context, DAY_MS, NOW, resource } from './rules/fixtures.js';

const fn = resource('lambda:function', 'api', { memoryMb: 512, timeoutSec: 30, architecture: 'arm64', runtime: 'nodejs22.x' });
const costs = Array.from({ length: 30 }, (_, d) => ({
  date: new Date(NOW - (d + 1) * DAY_MS).toISOString().slice(0, 10),
  account: '123456789012',
  service: 'Amazon Elastic Compute Cloud - Compute',
  amountUsd: 48,
}));
const input: AccountRuleInput = {
  resources: [fn],
  findings: [],
  hourlyComputeSpend: Array.from({ length: 14 * 24 }, (_, h) => ({ account: '123456789012', hourStart: NOW - (14 * 24 - h) * 3_600_000, usd: 2 })),
  costs,
  anomalies: [{ subject: { kind: 'metric', resourceArn: fn.arn, metric: 'AWS/Lambda/Errors', stat: 'Sum' }, timestamp: new Date(NOW - 3_600_000).toISOString(), value: 9, score: 1 }],
  forecasts: [],
};

describe('analyseAccount', () => {
  it('runs the account rules in registry order and is deterministic', () => {
    const findings = analyseAccount(input, context());
    expect(findings.map((f) => f.ruleId)).toEqual(['account/savings-plans', 'account/insight-actions']);
    expect(JSON.stringify(analyseAccount(input, context()))).toBe(JSON.stringify(findings));
    expect(accountRules.map((r) => r.id)).toEqual(['account/savings-plans', 'account/insight-actions']);
  });

  it('names the rule that threw', () => {
    const broken: AccountRule = { id: 'account/broken', domain: 'compute', summary: 'x', evaluate: () => { throw new Error('boom'); } };
    expect(() => analyseAccount(input, context(), [broken])).toThrow(AccountRuleEvaluationError);
    expect(() => analyseAccount(input, context(), [broken])).toThrow('account rule account/broken failed: boom');
  });
});
