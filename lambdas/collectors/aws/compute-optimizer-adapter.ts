import {
  ComputeOptimizerClient,
  GetAutoScalingGroupRecommendationsCommand,
  GetEBSVolumeRecommendationsCommand,
  GetEC2InstanceRecommendationsCommand,
  GetECSServiceRecommendationsCommand,
  GetLambdaFunctionRecommendationsCommand,
} from '@aws-sdk/client-compute-optimizer';
import type { ComputeOptimizerPort } from '../ports.js';
import { meteredClient, type AdapterConfig } from './client-config.js';
import type { CountingThrottleMeter } from './throttle-meter.js';

/** ComputeOptimizerPort over the SDK. */
export function awsComputeOptimizerPort(config: AdapterConfig, meter: CountingThrottleMeter): ComputeOptimizerPort {
  const client = meteredClient(ComputeOptimizerClient, config, meter);
  return {
    getEC2InstanceRecommendations: (input) => client.send(new GetEC2InstanceRecommendationsCommand(input)),
    getEBSVolumeRecommendations: (input) => client.send(new GetEBSVolumeRecommendationsCommand(input)),
    getLambdaFunctionRecommendations: (input) => client.send(new GetLambdaFunctionRecommendationsCommand(input)),
    getAutoScalingGroupRecommendations: (input) => client.send(new GetAutoScalingGroupRecommendationsCommand(input)),
    getECSServiceRecommendations: (input) => client.send(new GetECSServiceRecommendationsCommand(input)),
  };
}
