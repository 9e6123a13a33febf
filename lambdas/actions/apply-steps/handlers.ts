import { parseApplyState } from './apply-state.js';
import { runApply } from './apply.js';
import type { ApplyStepDeps } from './deps.js';
import { runNotifyOutcome } from './notify-outcome.js';
import { runPrecheck } from './precheck.js';
import { runRollbackPoint } from './rollback-point.js';
import { runRollback } from './rollback.js';
import { runValidate } from './validate.js';

/**
 * The six apply-workflow task handlers over injected dependencies. The Lambda handlers use it with the
 * production wiring (runtime.ts); the local demo uses it with the sample account's ports and maps
 * each state machine task to the matching function.
 */
export function createApplyStepHandlers(deps: ApplyStepDeps, options: { fallbackChannel?: string } = {}) {
  return {
    precheck: async (event: unknown) => runPrecheck(parseApplyState('precheck', event), deps),
    rollbackPoint: async (event: unknown) => runRollbackPoint(parseApplyState('rollback-point', event), deps),
    apply: async (event: unknown) => runApply(parseApplyState('apply', event), deps),
    validate: async (event: unknown) => runValidate(parseApplyState('validate', event), deps),
    rollback: async (event: unknown) => runRollback(parseApplyState('rollback', event), deps),
    notifyOutcome: async (event: unknown) => runNotifyOutcome(parseApplyState('notify-outcome', event), deps, options.fallbackChannel),
  };
}
export type ApplyStepHandlers = ReturnType<typeof createApplyStepHandlers>;
