import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildApp, STACK_NAME } from '../../../lib/app.js';
import { extractDefinition, findStateMachineLogicalId } from '../state-machine/extract-definition.js';

export interface SynthesisedDefinitions {
  analysis: Record<string, unknown>;
  apply: Record<string, unknown>;
}

/**
 * Synthesises the stack in-process (asset bundling skipped, cdk-nag on, exactly as `cdk synth` builds it)
 * and returns the two state machine definitions it would deploy.
 */
export function synthDefinitions(context: Record<string, unknown> = {}): SynthesisedDefinitions {
  const outdir = mkdtempSync(path.join(tmpdir(), 'headroom-synth-'));
  try {
    const { app } = buildApp({ skipBundling: true, outdir, context });
    const template = app.synth().getStackByName(STACK_NAME).template as unknown;
    return {
      analysis: extractDefinition(template, findStateMachineLogicalId(template, 'Analysis')),
      apply: extractDefinition(template, findStateMachineLogicalId(template, 'Apply')),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
