import type { Finding } from './types/action.js';
import type { AccountRule, AccountRuleInput } from './rules/account-rule.js';
import type { RuleContext } from './rules/rule.js';
import { accountRules } from './rules/account/index.js';

/** An account-level rule that threw: names the rule, keeps the cause. */
export class AccountRuleEvaluationError extends Error {
  constructor(readonly ruleId: string, cause: unknown) {
    super(`account rule ${ruleId} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'AccountRuleEvaluationError';
  }
}

/**
 * Runs the account-level rules over the whole run, after the per-resource rules (their findings are in
 * `input.findings`). Findings come out in rule order, each rule's in its own deterministic order; a rule that throws
 * is reported as AccountRuleEvaluationError. The result is meant to be appended to the resource findings before
 * prioritise().
 */
export function analyseAccount(input: AccountRuleInput, context: RuleContext, rules: readonly AccountRule[] = accountRules): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    let produced: Finding[];
    try {
      produced = rule.evaluate(input, context);
    } catch (error) {
      throw new AccountRuleEvaluationError(rule.id, error);
    }
    for (const finding of produced) findings.push(finding);
  }
  return findings;
}
