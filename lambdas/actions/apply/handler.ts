import { lazyApplyStepHandlers } from '../apply-steps/runtime.js';
import { createSdkEc2Ports } from '../executors/sdk-ec2-ports.js';

const handlers = lazyApplyStepHandlers('apply', () => ({ ec2: createSdkEc2Ports() }));

/** Apply workflow task: Apply (result at $.apply; a thrown error is caught by the state machine → Rollback). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => handlers().apply(event);
