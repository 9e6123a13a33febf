import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DEFAULT_MEMBER_ROLE_NAME } from './collector-permissions.js';
import { configFromContext } from './config.js';
import { HeadroomStack } from './headroom-stack.js';
import { HeadroomMemberStack } from './member-stack.js';
import { REPO_ROOT } from './paths.js';

export const STACK_NAME = 'Headroom';
/** The member-account stack (`cdk.out/HeadroomMember.template.json`), deployed with StackSets. */
export const MEMBER_STACK_NAME = 'HeadroomMember';

export interface BuildAppOptions {
  /** Extra context, applied over cdk.json's (e.g. `{ headroom: { bakeMinutes: 30 } }`). */
  context?: Record<string, unknown>;
  /** Cloud assembly directory; CDK_OUTDIR or a temporary directory when omitted. */
  outdir?: string;
  /** Skips esbuild bundling (context `aws:cdk:bundling-stacks: []`): fast in-process synth for tests and the local runner. */
  skipBundling?: boolean;
  /** Attaches the cdk-nag AwsSolutions checks; they run at synth. Default true. */
  nag?: boolean;
}

/** The context in cdk.json (feature flags): an in-process App does not read cdk.json by itself. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/**
 * Builds the Headroom CDK app: validates the deploy configuration from context (throws DeployConfigError with
 * one line naming the field), creates the Headroom stack and the member-account stack, and attaches cdk-nag (to
 * both). Used by bin/app.ts, tests and the local runner (which synthesises in-process with `skipBundling`).
 */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: HeadroomStack; memberStack: HeadroomMemberStack } {
  const context: Record<string, unknown> = { ...cdkJsonContext(), ...options.context };
  if (options.skipBundling) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ context, outdir: options.outdir });
  // getAllContext includes what the CDK CLI passes (cdk.json, cdk.context.json, -c key=value).
  const config = configFromContext(app.node.getAllContext() as Record<string, unknown>);
  const stack = new HeadroomStack(app, STACK_NAME, {
    config,
    description: 'Headroom: serverless AWS cost-performance optimizer (collect, analyse, forecast, prioritise, apply)',
  });
  const memberStack = new HeadroomMemberStack(app, MEMBER_STACK_NAME, {
    roleName: config.memberRoleName ?? DEFAULT_MEMBER_ROLE_NAME,
    description: 'Headroom member account: the read-only role Headroom collectors assume (deploy with StackSets)',
  });
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, memberStack };
}
