import { applyStepHandlers } from '../apply-steps/runtime.js';

/** Apply workflow task: Precheck (result at $.precheck). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => applyStepHandlers().precheck(event);
