import { applyStepHandlers } from '../apply-steps/runtime.js';

/** Apply workflow task: NotifyOutcome (the state has $.outcome, set by the Pass before it). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => applyStepHandlers().notifyOutcome(event);
