import { describe, expect, it } from 'vitest';
import { actionEvidenceLine, evidenceLine, humaniseStatisticKey } from '../../../lambdas/notify/format/evidence-line.js';
import { formatUsd } from '../../../lambdas/notify/format/numbers.js';

describe('evidence wording', () => {
  it('turns unit-bearing statistic keys into words', () => {
    expect(humaniseStatisticKey('p99_5CpuPercent')).toBe('p99.5 cpu %');
    expect(humaniseStatisticKey('p99_5CPUUtilization')).toBe('p99.5 cpu utilization');
    expect(humaniseStatisticKey('daysObserved')).toBe('days observed');
  });

  it('shows the first three statistics in the order the rule wrote them', () => {
    const line = evidenceLine({ statistics: { p99_5CpuPercent: 12.44, daysObserved: 14, memoryAgent: false, ignored: 'x' } });
    expect(line).toBe('p99.5 cpu %: 12.44 · days observed: 14 · memory agent: no');
  });

  it('says so when a rule recorded no statistics', () => {
    expect(evidenceLine({ statistics: {} })).toBe('no statistics recorded');
  });

  it('formats dollars with cents below $100 and whole dollars above', () => {
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(1234.56)).toBe('$1,235');
    expect(formatUsd(-12.5)).toBe('-$12.50');
  });
});

describe('actionEvidenceLine', () => {
  const evidence = { statistics: { daysToCrossing: 2 }, quantiles: {}, series: [], sources: [] };

  it('leads a performance action with its urgency and the monthly cost it protects', () => {
    expect(actionEvidenceLine({ evidence, urgency: 4, protectedMonthlyUsd: 300 })).toBe(`urgency 4/4 · protects ${formatUsd(300)}/month · days to crossing: 2`);
  });

  it('is the plain evidence line for a savings action', () => {
    expect(actionEvidenceLine({ evidence })).toBe('days to crossing: 2');
  });
});
