import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Run ids are also DynamoDB key parts and Step Functions execution names: keep them short and plain. */
export const RunIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,80}$/, 'runId must be 1–80 letters, digits or . _ : -');

/** A time-sortable run id, e.g. `2026-11-29T23-00-00Z-3f9a1c` for a run started at 23:00:00 UTC. */
export function newRunId(startedAt: Date, random: () => string = () => randomBytes(3).toString('hex')): string {
  const stamp = startedAt.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${stamp}Z-${random()}`;
}
