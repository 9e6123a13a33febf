import { describe, expect, it } from 'vitest';
import { createDocumentClient, getDocumentClient } from '../../../lambdas/shared/aws/dynamodb.js';

describe('DynamoDB client factory', () => {
  it('creates the shared DocumentClient once per execution environment', () => {
    expect(getDocumentClient()).toBe(getDocumentClient());
  });

  it('drops undefined optional fields instead of failing to marshal them', () => {
    expect(createDocumentClient({ region: 'us-east-1' }).config.translateConfig?.marshallOptions?.removeUndefinedValues).toBe(true);
  });

  it('leaves the endpoint to the standard SDK configuration unless one is given', async () => {
    const standard = createDocumentClient({ region: 'us-east-1' });
    expect(standard.config.endpoint).toBeUndefined();
    const local = createDocumentClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:8000' });
    expect((await local.config.endpoint!()).hostname).toBe('127.0.0.1');
  });
});
