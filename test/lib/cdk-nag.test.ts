import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as iam from 'aws-cdk-lib/aws-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../lib/app.js';

const outdirs: string[] = [];
afterEach(() => {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function build(headroom: Record<string, unknown>) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'headroom-nag-test-'));
  outdirs.push(outdir);
  return buildApp({ context: { headroom }, outdir, skipBundling: true, nag: true });
}

/** Synthesises with the cdk-nag plugin, capturing what it prints, and returns whether synth threw. */
function synthWithNag(app: ReturnType<typeof buildApp>['app']): { threw: boolean; report: string } {
  const printed: string[] = [];
  const original = { log: console.log, error: console.error, warn: console.warn };
  const capture = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  Object.assign(console, { log: capture, error: capture, warn: capture });
  try {
    app.synth();
    return { threw: false, report: printed.join('\n') };
  } catch (error) {
    return { threw: true, report: `${printed.join('\n')}\n${String(error)}` };
  } finally {
    Object.assign(console, original);
  }
}

describe('cdk-nag AwsSolutions checks', () => {
  it('pass with every feature switched on: no unacknowledged error', () => {
    const { app } = build({
      accounts: ['111122223333'],
      regions: ['eu-west-1', 'us-east-1'],
      memberRoleName: 'HeadroomReadOnly',
      memberExternalId: 'headroom-test-external-id',
      slack: { secretName: 'headroom/slack' },
      email: { sender: 'headroom@example.com', recipients: ['ops@example.com'] },
      enabledExecutors: ['ebs-gp2-to-gp3', 'lambda-memory', 'ec2-stop', 'ebs-snapshot-delete'],
      tagScope: 'headroom:managed=true',
      table: { pointInTimeRecovery: false },
    });
    const result = synthWithNag(app);
    expect(result.report).not.toMatch(/AwsSolutions-\w+/);
    expect(result.threw).toBe(false);
  });

  it('pass in organizations mode, and for the member stack', () => {
    const { app } = build({ accounts: 'organizations', memberRoleName: 'HeadroomReadOnly', memberExternalId: 'headroom-test-external-id' });
    const result = synthWithNag(app);
    expect(result.report).not.toMatch(/AwsSolutions-\w+/);
    expect(result.threw).toBe(false);
  });

  it('fail synth on an unacknowledged finding (and only on it, with the default configuration)', () => {
    const { app, stack } = build({});
    new iam.Policy(stack, 'TooBroad', {
      statements: [new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ['*'] })],
      roles: [stack.functions.plan.role as iam.IRole],
    });
    const result = synthWithNag(app);
    expect(result.threw).toBe(true);
    expect(result.report).toContain('AwsSolutions-IAM5[Resource::*]');
    // Every construct path the report names is the injected policy: the default stack itself is clean.
    const paths = [...result.report.matchAll(/^\s+(Headroom\/\S+)/gm)].map((match) => match[1]);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((constructPath) => !constructPath.startsWith('Headroom/TooBroad/'))).toEqual([]);
  });
});
