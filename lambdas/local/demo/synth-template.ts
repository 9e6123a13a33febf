import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildApp, STACK_NAME } from '../../../lib/app.js';
import { STATE_MACHINE_LOGICAL_IDS } from '../../../lib/handlers.js';
import { definitionFromTemplate } from '../../../lib/state-machine-definition.js';

export interface SynthesisedDefinitions {
  analysis: Record<string, unknown>;
  apply: Record<string, unknown>;
}

/**
 * Synthesises the stack in-process (asset bundling skipped; otherwise exactly as `cdk synth` builds it)
 * and returns the two state machine definitions it would deploy.
 */
export function synthDefinitions(context: Record<string, unknown> = {}): SynthesisedDefinitions {
  const outdir = mkdtempSync(path.join(tmpdir(), 'headroom-synth-'));
  try {
    // cdk-nag checks the same template at `cdk synth`; the local run skips it to save seconds.
    const { app } = buildApp({ skipBundling: true, outdir, context, nag: false });
    const template = app.synth().getStackByName(STACK_NAME).template as unknown;
    return {
      analysis: definitionFromTemplate(template, STATE_MACHINE_LOGICAL_IDS.analysis),
      apply: definitionFromTemplate(template, STATE_MACHINE_LOGICAL_IDS.apply),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
