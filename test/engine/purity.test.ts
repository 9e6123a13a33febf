import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE = fileURLToPath(new URL('../../lambdas/engine/', import.meta.url));

/** Modules the pure analytics engine must never import: AWS SDK/CDK/Lambda runtime, middy, Slack, I/O and processes. */
const FORBIDDEN = [
  /^@aws-sdk\//,
  /^aws-cdk-lib(\/|$)/,
  /^constructs$/,
  /^@middy\//,
  /^aws-lambda$/,
  /^@aws-lambda-powertools\//,
  /^@slack\//,
  /^(node:)?fs(\/promises)?$/,
  /^(node:)?child_process$/,
  /^(node:)?net$/,
  /^(node:)?http2?$/,
  /^(node:)?https$/,
];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('engine purity', () => {
  it('finds the imports of a file, static, re-export, side-effect and dynamic', () => {
    const src = "import { a } from 'x';\nexport { b } from \"y\";\nimport 'z';\nconst m = await import('w');\nimport type { T } from '@aws-sdk/client-ec2';";
    expect(new Set(importsOf(src))).toEqual(new Set(['x', 'y', 'z', 'w', '@aws-sdk/client-ec2']));
  });

  it('imports nothing from AWS, CDK, Lambda, middy, Slack, the file system or the network under lambdas/engine', () => {
    const files = tsFiles(ENGINE);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => FORBIDDEN.some((pattern) => pattern.test(spec)))
        .map((spec) => `${relative(ENGINE, file)} imports ${spec}`),
    );
    expect(offenders, `impure imports:\n${offenders.join('\n')}`).toEqual([]);
  });
});
