import {
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListTagsCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  type UpdateFunctionConfigurationCommandInput,
} from '@aws-sdk/client-lambda';
import type { LambdaPort } from './executor.js';
import { perRegion } from './per-region.js';
import { InvalidExecutorAction } from './support.js';

/**
 * The only UpdateFunctionConfiguration fields an executor may send: memory and timeout (architecture is set by
 * UpdateFunctionCode, which no executor is granted). IAM cannot limit the request's fields beyond layers and VPC
 * (lib/executor-permissions.ts), so the port refuses any other field before it reaches AWS: an environment, a role,
 * a handler or a runtime are never changed by Headroom.
 */
const CONFIGURATION_FIELDS = new Set(['FunctionName', 'RevisionId', 'MemorySize', 'Timeout']);

/** Returns the request when it sets nothing but memory and timeout; otherwise throws naming the other fields. */
export function assertMemoryOrTimeoutOnly(input: UpdateFunctionConfigurationCommandInput): UpdateFunctionConfigurationCommandInput {
  const other = Object.entries(input).filter(([key, value]) => value !== undefined && !CONFIGURATION_FIELDS.has(key)).map(([key]) => key);
  if (other.length > 0) throw new InvalidExecutorAction(`Refusing to change ${other.join(', ')} of function ${input.FunctionName}: executors change memory and timeout only.`);
  return input;
}

/** Lambda ports backed by the AWS SDK (standard configuration), one client per region. */
export function createSdkLambdaPorts(): (region: string) => LambdaPort {
  const client = perRegion((region) => new LambdaClient({ region }));
  return (region) => {
    const lambda = client(region);
    return {
      getFunctionConfiguration: (input) => lambda.send(new GetFunctionConfigurationCommand(input)),
      updateFunctionConfiguration: (input) => lambda.send(new UpdateFunctionConfigurationCommand(assertMemoryOrTimeoutOnly(input))),
      listTags: (input) => lambda.send(new ListTagsCommand(input)),
      getAlias: (input) => lambda.send(new GetAliasCommand(input)),
      publishVersion: (input) => lambda.send(new PublishVersionCommand(input)),
      updateAlias: (input) => lambda.send(new UpdateAliasCommand(input)),
    };
  };
}
