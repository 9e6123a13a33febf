import { lazyApplyStepHandlers } from '../apply-steps/runtime.js';
import { createSdkResourcePorts } from '../executors/sdk-executor-ports.js';

const handlers = lazyApplyStepHandlers('precheck', () => createSdkResourcePorts());

/** Apply workflow task: Precheck (result at $.precheck). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => handlers().precheck(event);
