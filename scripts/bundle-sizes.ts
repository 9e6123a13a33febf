// Prints each Lambda bundle's size from a synthesised cloud assembly (default ./cdk.out), largest first,
// and exits 1 when one exceeds SPEC §10's 1 MB. Run after `npx cdk synth --quiet`:
//   npx tsx scripts/bundle-sizes.ts [cdk.out]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { roleForLogicalId } from '../lib/handlers.js';

const LIMIT_BYTES = 1024 * 1024;

const templateSchema = z.object({
  Resources: z.record(
    z.string(),
    z.object({ Type: z.string(), Metadata: z.object({ 'aws:asset:path': z.string().optional() }).loose().optional() }).loose(),
  ),
});

const outdir = path.resolve(process.argv[2] ?? 'cdk.out');
const templates = readdirSync(outdir).filter((name) => name.endsWith('.template.json'));
if (templates.length === 0) {
  console.error(`No *.template.json in ${outdir}; run \`npx cdk synth --quiet\` first.`);
  process.exit(1);
}

const rows: { role: string; asset: string; bytes: number }[] = [];
for (const name of templates) {
  const template = templateSchema.parse(JSON.parse(readFileSync(path.join(outdir, name), 'utf8')));
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const assetPath = resource.Metadata?.['aws:asset:path'];
    if (resource.Type !== 'AWS::Lambda::Function' || assetPath === undefined) continue;
    const dir = path.join(outdir, assetPath);
    const bytes = readdirSync(dir).reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
    rows.push({ role: roleForLogicalId(logicalId) ?? logicalId, asset: assetPath, bytes });
  }
}
if (rows.length === 0) {
  console.error(`No bundled Lambda assets in ${outdir}: was it synthesised with bundling skipped?`);
  process.exit(1);
}

rows.sort((a, b) => b.bytes - a.bytes);
const width = Math.max(...rows.map((row) => row.role.length));
for (const row of rows) {
  const flag = row.bytes > LIMIT_BYTES ? '  OVER 1 MB' : '';
  console.log(`${row.role.padEnd(width)}  ${(row.bytes / 1024).toFixed(1).padStart(8)} KB  ${row.asset}${flag}`);
}
const over = rows.filter((row) => row.bytes > LIMIT_BYTES);
console.log(`${rows.length} bundles, largest ${(rows[0].bytes / 1024).toFixed(1)} KB, ${over.length} over 1 MB`);
if (over.length > 0) process.exitCode = 1;
