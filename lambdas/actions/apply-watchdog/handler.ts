import { getDocumentClient } from '../../shared/aws/dynamodb.js';
import { requireEnv } from '../../shared/env.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
import { ExecutionStatusChangeSchema, settleStuckExecution } from './settle-stuck-execution.js';

let store: DynamoStore | undefined;

/** EventBridge target for apply executions that timed out, were aborted or failed (env TABLE_NAME). */
export const handler = async (event: unknown): Promise<unknown> => {
  const parsed = ExecutionStatusChangeSchema.safeParse(event);
  if (!parsed.success) throw new Error(`The apply watchdog received an event that is not a Step Functions status change: ${parsed.error.issues[0]?.message}`);
  store ??= new DynamoStore(getDocumentClient(), requireEnv('TABLE_NAME'));
  return settleStuckExecution(parsed.data, store, new Date());
};
