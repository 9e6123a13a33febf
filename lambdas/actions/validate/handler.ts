import { applyStepHandlers } from '../apply-steps/runtime.js';

/** Apply workflow task: Validate (result at $.validation). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => applyStepHandlers().validate(event);
