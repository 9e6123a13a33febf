import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTable, startDynalite } from '../dynalite.js';

export const LOCAL_TABLE_NAME = 'headroom-local';

/** The embedded services of a local run; `stop()` ends them and restores the environment. */
export interface LocalEnvironment {
  stop(): Promise<void>;
}

/**
 * Starts dynalite on 127.0.0.1, creates the table the stack deploys and points the SDK at it through the
 * standard configuration (AWS_ENDPOINT_URL_DYNAMODB), the same way a user would point it at any endpoint.
 * `stop()` stops dynalite and restores the environment.
 */
export async function startLocalEnvironment(settings: Record<string, string>): Promise<LocalEnvironment> {
  const dynamo = await startDynalite();
  const env: Record<string, string> = {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    TABLE_NAME: LOCAL_TABLE_NAME,
    ...settings,
  };
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const client = new DynamoDBClient({});
    await createTable(client, LOCAL_TABLE_NAME);
    client.destroy();
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  return {
    async stop() {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await dynamo.stop();
    },
  };
}
