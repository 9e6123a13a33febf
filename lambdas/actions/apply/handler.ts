import { lazyApplyStepHandlers } from '../apply-steps/runtime.js';
import { createSdkResourcePorts } from '../executors/sdk-executor-ports.js';

const handlers = lazyApplyStepHandlers('apply', () => createSdkResourcePorts());

/** Apply workflow task: Apply (result at $.apply; a thrown error is caught by the state machine → Rollback). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => handlers().apply(event);
