import { describe, expect, it } from 'vitest';
import { totalsBy, totalsTable } from '../../../lambdas/notify/format/report-totals.js';
import { unbalancedTags } from '../../fixtures/notify/html-structure.js';
import { sampleActions } from '../../fixtures/notify/sample-run.js';

describe('report totals', () => {
  it('sums net savings, actions and carbon per group, largest savings first', () => {
    // Prepare: the fixture alternates domains and puts every fifth action in a second account.
    const actions = sampleActions(16);

    // Act
    const byAccount = totalsBy(actions, (action) => action.resource.account);

    // Assess
    const second = actions.filter((action) => action.resource.account === '210987654321');
    expect(second).toHaveLength(3);
    expect(byAccount.map((group) => group.key)).toEqual(['123456789012', '210987654321']);
    expect(byAccount[1].actions).toBe(3);
    expect(byAccount[1].monthlySavingsUsd).toBeCloseTo(second.reduce((sum, action) => sum + action.monthlySavingsUsd, 0), 9);
    expect(byAccount[1].carbonKgCo2eMonthly).toBeCloseTo(second.reduce((sum, action) => sum + action.carbonKgCo2eMonthly, 0), 9);
    expect(byAccount[0].actions + byAccount[1].actions).toBe(16);
  });

  it('counts upsizes as negative savings, so a group can total below zero', () => {
    const [upsize] = sampleActions(8).filter((action) => action.monthlySavingsUsd < 0);
    const [group] = totalsBy([upsize], (action) => action.domain);
    expect(group.monthlySavingsUsd).toBe(upsize.monthlySavingsUsd);
    expect(totalsTable('t', 'Domain', [group])).toContain('class="num neg"');
  });

  it('renders a row per group and an "All" footer carrying the unrounded sums, with keys escaped', () => {
    const groups = [
      { key: '<b>a</b>', actions: 2, monthlySavingsUsd: 100.125, carbonKgCo2eMonthly: 1.5 },
      { key: 'b', actions: 1, monthlySavingsUsd: 0.5, carbonKgCo2eMonthly: 0.25 },
    ];
    const html = totalsTable('totals-x', 'Domain', groups);
    expect(html).toContain('<td>&lt;b&gt;a&lt;/b&gt;</td>');
    expect(html).toContain('<tfoot><tr><th>All</th><th class="num" data-value="3">3</th><th class="num" data-value="100.625">$101</th><th class="num" data-value="1.75">1.75</th></tr></tfoot>');
    expect(unbalancedTags(html)).toEqual([]);
  });
});
