import { lazyApplyStepHandlers } from '../apply-steps/runtime.js';
import { createSdkResourcePorts } from '../executors/sdk-executor-ports.js';

const handlers = lazyApplyStepHandlers('rollback', () => createSdkResourcePorts());

/** Apply workflow task: Rollback (result at $.rollback). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => handlers().rollback(event);
