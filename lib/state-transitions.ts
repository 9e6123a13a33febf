/**
 * Counts the state transitions Step Functions (Standard) bills for one execution that succeeds without a retry,
 * from an ASL definition (plain JSON, as lib/state-machine-definition.ts extracts it): every state entered counts
 * once; a Map counts itself plus its item processor once per item; a Parallel counts itself plus each branch.
 * Returns `{ fixed, perItem }` so that transitions = fixed + perItem × items for the Map states' item count.
 */
export interface TransitionCount {
  fixed: number;
  perItem: number;
}

interface AslState {
  Type: string;
  Next?: string;
  End?: boolean;
  ItemProcessor?: AslMachine;
  Iterator?: AslMachine;
  Branches?: AslMachine[];
}
interface AslMachine {
  StartAt: string;
  States: Record<string, AslState>;
}

/** An ASL definition the counter cannot follow (a missing state, a loop); the message names the state. */
export class TransitionCountError extends Error {
  override readonly name = 'TransitionCountError';
}

export function countSuccessTransitions(machine: AslMachine): TransitionCount {
  const total: TransitionCount = { fixed: 0, perItem: 0 };
  const seen = new Set<string>();
  let name: string | undefined = machine.StartAt;
  while (name !== undefined) {
    const state: AslState | undefined = machine.States[name];
    if (state === undefined) throw new TransitionCountError(`the definition has no state named ${name}`);
    if (seen.has(name)) throw new TransitionCountError(`state ${name} is reached twice on the success path: a loop has no fixed count`);
    seen.add(name);
    total.fixed += 1;
    const processor = state.ItemProcessor ?? state.Iterator;
    if (state.Type === 'Map' && processor !== undefined) {
      const inner = countSuccessTransitions(processor);
      if (inner.perItem !== 0) throw new TransitionCountError(`Map ${name} nests another Map: its count depends on two item counts`);
      total.perItem += inner.fixed;
    }
    for (const branch of state.Type === 'Parallel' ? (state.Branches ?? []) : []) {
      const inner = countSuccessTransitions(branch);
      total.fixed += inner.fixed;
      total.perItem += inner.perItem;
    }
    name = state.Type === 'Succeed' || state.Type === 'Fail' || state.End === true ? undefined : state.Next;
  }
  return total;
}
