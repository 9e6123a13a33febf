import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDLER_ROLES, HANDLERS, roleForFunctionArn, roleForLogicalId } from '../../lib/handlers.js';
import { REPO_ROOT } from '../../lib/paths.js';

describe('handler registry', () => {
  it('points every role at an existing handler file that exports `handler`', () => {
    for (const role of HANDLER_ROLES) {
      const file = path.join(REPO_ROOT, HANDLERS[role].entry);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8'), file).toMatch(/export\s+(const|async function|function)\s+handler\b/);
    }
  });

  it('gives every role a distinct CloudFormation-safe logical id', () => {
    const ids = HANDLER_ROLES.map((role) => HANDLERS[role].logicalId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9]{0,63}$/);
  });

  it('maps logical ids, function names and (qualified) ARNs back to roles', () => {
    expect(roleForLogicalId('AnalyseBatchFunction')).toBe('analyse-batch');
    expect(roleForLogicalId('Nope')).toBeUndefined();
    expect(roleForFunctionArn('arn:aws:lambda:us-east-1:123456789012:function:PlanFunction')).toBe('plan');
    expect(roleForFunctionArn('arn:aws:lambda:us-east-1:123456789012:function:PlanFunction:$LATEST')).toBe('plan');
    expect(roleForFunctionArn('NotifySlackFunction')).toBe('notify-slack');
    expect(roleForFunctionArn('arn:aws:lambda:us-east-1:123456789012:function:Other')).toBeUndefined();
  });
});
