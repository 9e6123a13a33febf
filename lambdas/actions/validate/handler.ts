import { lazyApplyStepHandlers } from '../apply-steps/runtime.js';
import { createSdkMetricsPorts } from '../executors/sdk-metrics-ports.js';

const handlers = lazyApplyStepHandlers('validate', () => ({ cloudwatch: createSdkMetricsPorts() }));

/** Apply workflow task: Validate (result at $.validation). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => handlers().validate(event);
