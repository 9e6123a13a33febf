import { describe, expect, it } from 'vitest';
import { executorActions, EXECUTOR_IDS, type ExecutorId } from '../../../lib/executor-permissions.js';
import { EXECUTORS } from '../../../lambdas/actions/executors/index.js';

describe('executor permissions', () => {
  it.each(EXECUTORS.map((executor) => [executor.id, executor] as const))('%s declares exactly the IAM actions the stack grants', (id, executor) => {
    expect(EXECUTOR_IDS).toContain(id);
    expect([...executor.permissions].sort()).toEqual(executorActions(id as ExecutorId));
  });

  it('implements every executor the stack can enable', () => {
    expect(EXECUTORS.map((executor) => executor.id).sort()).toEqual([...EXECUTOR_IDS].sort());
  });

  it('registers each executor once', () => {
    const ids = EXECUTORS.map((executor) => executor.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
