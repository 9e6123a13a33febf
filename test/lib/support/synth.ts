import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type BuildAppOptions } from '../../../lib/app.js';
import type { HeadroomStack } from '../../../lib/headroom-stack.js';

export interface Synthesised {
  stack: HeadroomStack;
  template: Template;
  json: Record<string, unknown> & { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
  /** Removes the temporary cloud assembly directory. */
  cleanup: () => void;
}

/**
 * Synthesises the app in-process without bundling, into a temporary directory, with the deploy
 * configuration given as context key `headroom`. cdk-nag is off unless asked for (its own test turns it on).
 */
export function synthesise(headroom: Record<string, unknown> = {}, options: Omit<BuildAppOptions, 'outdir' | 'skipBundling'> = {}): Synthesised {
  const outdir = mkdtempSync(path.join(tmpdir(), 'headroom-cdk-test-'));
  try {
    const { stack } = buildApp({ context: { headroom, ...options.context }, outdir, skipBundling: true, nag: options.nag ?? false });
    const template = Template.fromStack(stack);
    return { stack, template, json: template.toJSON() as Synthesised['json'], cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
}

/** All IAM policy statements in the template, with the logical id of the policy holding them. */
export function policyStatements(json: Synthesised['json']): { policy: string; statement: { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown } }[] {
  return Object.entries(json.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::IAM::Policy')
    .flatMap(([policy, resource]) => {
      const document = resource.Properties?.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown; Effect: string }[] };
      return document.Statement.map((statement) => ({ policy, statement }));
    });
}

export function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}
