import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyExecutionInput } from '../../../lambdas/actions/apply-steps/apply-state.js';
import { createInteractionHandler } from '../../../lambdas/actions/interactions/handle-interaction.js';
import type { RawRequest } from '../../../lambdas/actions/interactions/function-url-event.js';
import { signSlackRequest } from '../../../lambdas/actions/slack/verify-signature.js';
import { createDocumentClient } from '../../../lambdas/shared/aws/dynamodb.js';
import { DynamoStore } from '../../../lambdas/shared/store/dynamo-store.js';
import { startTestTable, type TestTable } from '../../helpers/dynalite.js';
import { ACTION_ID, ebsAction, FIXED_NOW, fixture, RUN_ID } from '../helpers.js';

const SECRET = 'dynalite-signing-secret';

function approveBy(userId: string): RawRequest {
  const payload = fixture<{ user: { id: string } }>('block-actions-payload.json');
  payload.user.id = userId;
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = String(Math.floor(FIXED_NOW.getTime() / 1000));
  return { headers: { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signSlackRequest(SECRET, timestamp, body) }, body };
}

/** The conditional decision write on the real table (dynalite), not the in-memory store's imitation of it. */
describe('interactions endpoint idempotency on DynamoDB', () => {
  let table: TestTable;
  let store: DynamoStore;

  beforeAll(async () => {
    table = await startTestTable();
    store = new DynamoStore(createDocumentClient(table.clientConfig), table.tableName, { now: () => FIXED_NOW.getTime() });
    await store.putActions(RUN_ID, [ebsAction()]);
  });
  afterAll(async () => table.stop());

  it('starts one execution when two approvers click Approve at the same moment', async () => {
    // Step Functions' own rule: a second StartExecution with the same name and input returns the same execution.
    const executions = new Map<string, string>();
    const calls: { name: string; input: ApplyExecutionInput }[] = [];
    const handle = createInteractionHandler({
      store,
      startExecution: async ({ name, input }) => {
        calls.push({ name, input });
        const existing = executions.get(name);
        if (existing !== undefined && existing !== JSON.stringify(input)) throw Object.assign(new Error('exists'), { name: 'ExecutionAlreadyExists' });
        executions.set(name, JSON.stringify(input));
        return { executionArn: `arn:aws:states:us-east-1:123456789012:execution:apply:${name}` };
      },
      signingSecret: SECRET,
      approverIds: ['U0APPROVER', 'U0OTHER'],
      now: () => FIXED_NOW,
      log: () => undefined,
    });

    const answers = await Promise.all([handle(approveBy('U0APPROVER')), handle(approveBy('U0OTHER'))]);

    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect(executions.size).toBe(1);
    const decision = await store.getDecision(ACTION_ID);
    expect(decision?.decision).toBe('approved');
    expect([...executions.keys()]).toEqual([decision?.executionName]);
    // Whoever lost the conditional write started nothing of their own: every call names the winner's decision.
    expect(new Set(calls.map((call) => call.input.decisionVersion))).toEqual(new Set([decision?.version]));
    const audit = await store.listAudit(ACTION_ID);
    expect(audit.filter((record) => record.event === 'decision')).toHaveLength(1);
  });
});
