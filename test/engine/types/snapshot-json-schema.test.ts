import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshotJsonSchemaText } from '../../../lambdas/engine/types/snapshot-json-schema.js';

describe('schema/snapshot.schema.json', () => {
  it('matches the zod source (run `npm run schema` after changing lambdas/engine/types/snapshot.ts)', () => {
    const committed = readFileSync(new URL('../../../schema/snapshot.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(snapshotJsonSchemaText());
  });
});
