import {
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListTagsCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import type { LambdaPort } from './executor.js';
import { perRegion } from './per-region.js';

/** Lambda ports backed by the AWS SDK (standard configuration), one client per region. */
export function createSdkLambdaPorts(): (region: string) => LambdaPort {
  const client = perRegion((region) => new LambdaClient({ region }));
  return (region) => {
    const lambda = client(region);
    return {
      getFunctionConfiguration: (input) => lambda.send(new GetFunctionConfigurationCommand(input)),
      updateFunctionConfiguration: (input) => lambda.send(new UpdateFunctionConfigurationCommand(input)),
      listTags: (input) => lambda.send(new ListTagsCommand(input)),
      getAlias: (input) => lambda.send(new GetAliasCommand(input)),
      publishVersion: (input) => lambda.send(new PublishVersionCommand(input)),
      updateAlias: (input) => lambda.send(new UpdateAliasCommand(input)),
    };
  };
}
