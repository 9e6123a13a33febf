import { describe, expect, it } from 'vitest';
import { readWorkflowConfig, WorkflowConfigError } from '../../lambdas/workflow/runtime.js';

describe('readWorkflowConfig', () => {
  it('reads the table and thresholds from the environment', () => {
    expect(readWorkflowConfig({ TABLE_NAME: 't', HEADROOM_PERCENT: '30', LOOKBACK_DAYS: '28', BATCH_SIZE: '25' })).toEqual({
      tableName: 't',
      headroomPercent: 30,
      lookbackDays: 28,
      batchSize: 25,
    });
  });

  it('uses the documented defaults for unset or empty thresholds', () => {
    expect(readWorkflowConfig({ TABLE_NAME: 't', BATCH_SIZE: '' })).toEqual({ tableName: 't', headroomPercent: 20, lookbackDays: 14, batchSize: 50 });
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => readWorkflowConfig({})).toThrow(/TABLE_NAME/);
    expect(() => readWorkflowConfig({ TABLE_NAME: 't', BATCH_SIZE: 'many' })).toThrow(WorkflowConfigError);
    expect(() => readWorkflowConfig({ TABLE_NAME: 't', BATCH_SIZE: 'many' })).toThrow(/BATCH_SIZE/);
  });
});
