import { describe, expect, it } from 'vitest';
import { shortPolling } from '../../../../lambdas/engine/rules/sqs/short-polling.js';
import { context, resource, series, slice } from '../fixtures.js';

const queue = (extra: Record<string, unknown> = {}) => resource('sqs:queue', 'jobs', { queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs', receiveWaitTimeSeconds: 0, ...extra });
/** `perSecond` empty receives, as 5-minute Sums over 14 days. */
const empties = (arn: string, perSecond: number, days = 14) => series(arn, 'NumberOfEmptyReceives', 'Sum', () => perSecond * 300, { days, namespace: 'AWS/SQS' });

describe('sqs/short-polling', () => {
  it('prices the empty receives long polling removes: 5/s ≈ 13.1 M a month × 95 % × $0.40 per million', () => {
    const q = queue();
    const [finding] = shortPolling.evaluate(slice(q, [empties(q.arn, 5)]), context());
    const monthly = 5 * 86_400 * (730 / 24);
    expect(finding.monthlySavingsUsd).toBeCloseTo(monthly * 0.95 * 0.4e-6, 2);
    expect(finding.proposed).toEqual({ receiveMessageWaitTimeSeconds: 20 });
    expect(finding.confidence).toBe(0.8);
  });

  it('uses the FIFO request price for a FIFO queue', () => {
    const q = queue({ fifo: true });
    const [finding] = shortPolling.evaluate(slice(q, [empties(q.arn, 5)]), context());
    expect(finding.evidence.statistics.requestUsd).toBeCloseTo(0.5e-6, 12);
  });

  it('passes under $1 a month (0.5 empty receives a second ≈ $0.50) and a queue already long polling', () => {
    const q = queue();
    expect(shortPolling.evaluate(slice(q, [empties(q.arn, 0.5)]), context())).toEqual([]);
    expect(shortPolling.evaluate(slice(queue({ receiveWaitTimeSeconds: 20 }), [empties(q.arn, 50)]), context())).toEqual([]);
  });

  it('passes with under 7 days of data', () => {
    const q = queue();
    expect(shortPolling.evaluate(slice(q, [empties(q.arn, 50, 6)]), context())).toEqual([]);
  });
});
