import { z } from 'zod';
import { SnapshotSchema } from './snapshot.js';

/** The snapshot format as JSON Schema (draft 2020-12), generated from the zod source of truth. */
export function snapshotJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(SnapshotSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Headroom snapshot',
    description: 'Resources, configuration, metric series, costs, prices and external recommendations of an AWS account, as collected by Headroom.',
  };
}

export function snapshotJsonSchemaText(): string {
  return `${JSON.stringify(snapshotJsonSchema(), null, 2)}\n`;
}
