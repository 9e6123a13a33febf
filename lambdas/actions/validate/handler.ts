import { lazyApplyStepHandlers } from '../apply-steps/runtime.js';
import { createSdkMetricsPorts } from '../executors/sdk-metrics-ports.js';
import { createSdkCloudTrailPorts } from '../executors/sdk-validation-ports.js';

const handlers = lazyApplyStepHandlers('validate', () => ({ cloudwatch: createSdkMetricsPorts(), cloudtrail: createSdkCloudTrailPorts() }));

/** Apply workflow task: Validate (result at $.validation). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => handlers().validate(event);
