import { lazyApplyStepHandlers } from '../apply-steps/runtime.js';
import { createSdkEc2Ports } from '../executors/sdk-ec2-ports.js';

const handlers = lazyApplyStepHandlers('precheck', () => ({ ec2: createSdkEc2Ports() }));

/** Apply workflow task: Precheck (result at $.precheck). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => handlers().precheck(event);
