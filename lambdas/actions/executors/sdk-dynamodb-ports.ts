import { DescribeTableCommand, DynamoDBClient, ListTagsOfResourceCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDbPort } from './executor.js';
import { perRegion } from './per-region.js';

/** DynamoDB control-plane ports backed by the AWS SDK, one client per region. */
export function createSdkDynamoDbPorts(): (region: string) => DynamoDbPort {
  const client = perRegion((region) => new DynamoDBClient({ region }));
  return (region) => {
    const dynamodb = client(region);
    return {
      describeTable: (input) => dynamodb.send(new DescribeTableCommand(input)),
      updateTable: (input) => dynamodb.send(new UpdateTableCommand(input)),
      listTagsOfResource: (input) => dynamodb.send(new ListTagsOfResourceCommand(input)),
    };
  };
}
