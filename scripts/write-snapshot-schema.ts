// Regenerates schema/snapshot.schema.json from the zod schemas (npm run schema). CI checks it is up to date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { snapshotJsonSchemaText } from '../lambdas/engine/types/snapshot-json-schema.js';

const target = fileURLToPath(new URL('../schema/snapshot.schema.json', import.meta.url));
writeFileSync(target, snapshotJsonSchemaText());
process.stderr.write(`wrote ${target}\n`);
