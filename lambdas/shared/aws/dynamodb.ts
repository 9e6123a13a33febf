import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Builds a DocumentClient with standard SDK configuration: region, credentials and endpoint come from
 * the environment (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_DYNAMODB...) unless `config` overrides them
 * (the local demo passes the dynalite endpoint). `removeUndefinedValues` because optional fields of our
 * types are `undefined` when absent.
 */
export function createDocumentClient(config: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

let shared: DynamoDBDocumentClient | undefined;

/** One DocumentClient per Lambda execution environment, created on first use so imports never throw. */
export function getDocumentClient(): DynamoDBDocumentClient {
  shared ??= createDocumentClient();
  return shared;
}
