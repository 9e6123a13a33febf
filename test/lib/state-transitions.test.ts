import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_TRANSITIONS } from '../../lambdas/collectors/running-cost.js';
import { STATE_MACHINE_LOGICAL_IDS } from '../../lib/handlers.js';
import { definitionFromTemplate } from '../../lib/state-machine-definition.js';
import { countSuccessTransitions, TransitionCountError } from '../../lib/state-transitions.js';
import { synthesise } from './support/synth.js';

const synth = synthesise({});
afterAll(() => synth.cleanup());

describe('countSuccessTransitions', () => {
  it('counts each state once, a Map’s processor per item and each Parallel branch', () => {
    const count = countSuccessTransitions({
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Next: 'M' },
        M: { Type: 'Map', ItemProcessor: { StartAt: 'X', States: { X: { Type: 'Task', Next: 'Y' }, Y: { Type: 'Pass', End: true } } }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'B1', States: { B1: { Type: 'Task', End: true } } },
            { StartAt: 'B2', States: { B2: { Type: 'Task', End: true } } },
          ],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
        Unreached: { Type: 'Fail' },
      },
    });
    expect(count).toEqual({ fixed: 6, perItem: 2 });
  });

  it('refuses a loop and a missing state, naming the state', () => {
    expect(() => countSuccessTransitions({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'A' } } })).toThrow(TransitionCountError);
    expect(() => countSuccessTransitions({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } })).toThrow('no state named B');
  });

  it('matches what the running-cost estimate assumes for the synthesised analysis state machine', () => {
    const definition = definitionFromTemplate(synth.json, STATE_MACHINE_LOGICAL_IDS.analysis) as unknown as Parameters<typeof countSuccessTransitions>[0];
    const { fixed, perItem } = countSuccessTransitions(definition);
    expect({ fixed, perBatch: perItem }).toEqual(ANALYSIS_TRANSITIONS);
  });
});
