import { lazyApplyStepHandlers } from '../apply-steps/runtime.js';
import { createSdkResourcePorts } from '../executors/sdk-executor-ports.js';

const handlers = lazyApplyStepHandlers('rollback-point', () => createSdkResourcePorts());

/** Apply workflow task: RollbackPoint (result at $.rollbackPoint). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => handlers().rollbackPoint(event);
