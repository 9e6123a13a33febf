import { applyStepHandlers } from '../apply-steps/runtime.js';

/** Apply workflow task: Apply (result at $.apply; a thrown error is caught by the state machine → Rollback). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => applyStepHandlers().apply(event);
