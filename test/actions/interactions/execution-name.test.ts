import { describe, expect, it } from 'vitest';
import { applyExecutionName, decisionNonce } from '../../../lambdas/actions/interactions/execution-name.js';

describe('applyExecutionName', () => {
  it('is deterministic and within Step Functions name rules', () => {
    const id = 'ebs-gp2-to-gp3:arn:aws:ec2:us-east-1:123456789012:volume/vol-1'.repeat(3);
    const name = applyExecutionName(id);
    expect(applyExecutionName(id)).toBe(name);
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('keeps ids that sanitise alike apart', () => {
    expect(applyExecutionName('a:b')).not.toBe(applyExecutionName('a/b'));
  });
});

describe('applyExecutionName with a decision nonce', () => {
  it('differs per decision and stays within 80 characters', () => {
    const id = 'ebs-gp2-to-gp3:arn:aws:ec2:us-east-1:123456789012:volume/vol-1'.repeat(3);
    const first = applyExecutionName(id, decisionNonce('2026-11-29T12:00:00.000Z'));
    const second = applyExecutionName(id, decisionNonce('2026-11-30T12:00:00.000Z'));
    expect(first).not.toBe(second);
    expect(applyExecutionName(id, decisionNonce('2026-11-29T12:00:00.000Z'))).toBe(first);
    for (const name of [first, second]) {
      expect(name.length).toBeLessThanOrEqual(80);
      expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(first.endsWith(`-${Date.parse('2026-11-29T12:00:00.000Z')}`)).toBe(true);
  });
});
