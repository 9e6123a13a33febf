import {
  ComputeOptimizerClient,
  GetEBSVolumeRecommendationsCommand,
  GetEC2InstanceRecommendationsCommand,
  GetLambdaFunctionRecommendationsCommand,
} from '@aws-sdk/client-compute-optimizer';
import type { ComputeOptimizerPort } from '../ports.js';
import { clientOptions, type AdapterConfig } from './client-config.js';
import type { CountingThrottleMeter } from './throttle-meter.js';

/** ComputeOptimizerPort over the SDK. */
export function awsComputeOptimizerPort(config: AdapterConfig, meter: CountingThrottleMeter): ComputeOptimizerPort {
  const client = new ComputeOptimizerClient(clientOptions(config));
  meter.attachTo(client);
  return {
    getEC2InstanceRecommendations: (input) => client.send(new GetEC2InstanceRecommendationsCommand(input)),
    getEBSVolumeRecommendations: (input) => client.send(new GetEBSVolumeRecommendationsCommand(input)),
    getLambdaFunctionRecommendations: (input) => client.send(new GetLambdaFunctionRecommendationsCommand(input)),
  };
}
