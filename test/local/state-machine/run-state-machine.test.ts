import { describe, expect, it } from 'vitest';
import { runLocalStateMachine } from '../../../lambdas/local/state-machine/run-state-machine.js';
import { fakeFunctionArn } from '../../../lib/state-machine-definition.js';

const invoke = (functionId: string, next?: string) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: fakeFunctionArn(functionId), 'Payload.$': '$' },
  OutputPath: '$.Payload',
  Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 2, MaxAttempts: 2, BackoffRate: 2 }],
  ...(next ? { Next: next } : { End: true }),
});

const definition = {
  StartAt: 'Plan',
  States: {
    Plan: invoke('PlanFn', 'Batches'),
    Batches: {
      Type: 'Map',
      ItemsPath: '$.batches',
      ResultPath: '$.results',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Analyse',
        States: {
          Analyse: { ...invoke('AnalyseFn'), Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }] },
          Failed: { Type: 'Pass', Parameters: { 'batch.$': '$.batch', status: 'failed' }, End: true },
        },
      },
      Next: 'Bake',
    },
    Bake: { Type: 'Wait', Seconds: 3600, End: true },
  },
};

describe('runLocalStateMachine', () => {
  it('routes Lambda tasks to in-process handlers, wraps payloads like lambda:invoke and records a failed Map item without failing the run', async () => {
    const entered: string[] = [];
    const result = await runLocalStateMachine({
      definition,
      input: {},
      handlerFor: (id) => {
        if (id === 'PlanFn') return async () => ({ batches: [{ batch: 1 }, { batch: 2 }] });
        if (id === 'AnalyseFn') {
          return async (event) => {
            if ((event as { batch: number }).batch === 2) throw new Error('batch 2 is broken');
            return { batch: 1, status: 'ok' };
          };
        }
        throw new Error(`unexpected function ${id}`);
      },
      onStateEntered: (name) => entered.push(name),
    });
    expect(result).toEqual({ batches: [{ batch: 1 }, { batch: 2 }], results: [{ batch: 1, status: 'ok' }, { batch: 2, status: 'failed' }] });
    expect(entered).toEqual(['Plan', 'Batches', 'Bake']);
  });
});
