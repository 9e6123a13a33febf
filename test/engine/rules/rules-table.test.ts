import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountRules, rules } from '../../../lambdas/engine/rules/index.js';
import { rulesTable } from '../../../lambdas/engine/rules/rules-table.js';

describe('rulesTable', () => {
  it('has one row per registered rule, account rules included', () => {
    expect(rulesTable().split('\n')).toHaveLength(rules.length + accountRules.length + 2);
  });

  it('is the table in the README (run `npm run rules-table` and paste it after a rule change)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(rulesTable());
  });
});
