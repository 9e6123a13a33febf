import { applyStepHandlers } from '../apply-steps/runtime.js';

/** Apply workflow task: Rollback (result at $.rollback). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => applyStepHandlers().rollback(event);
