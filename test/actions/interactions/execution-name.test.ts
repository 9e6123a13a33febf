import { describe, expect, it } from 'vitest';
import { applyExecutionName } from '../../../lambdas/actions/interactions/execution-name.js';

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
