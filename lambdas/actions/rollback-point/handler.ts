import { applyStepHandlers } from '../apply-steps/runtime.js';

/** Apply workflow task: RollbackPoint (result at $.rollbackPoint). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => applyStepHandlers().rollbackPoint(event);
