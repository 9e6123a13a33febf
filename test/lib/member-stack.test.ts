import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, MEMBER_STACK_NAME } from '../../lib/app.js';
import { COLLECTOR_ROLE_PATH, MEMBER_ROLE_READ_ACTIONS } from '../../lib/collector-permissions.js';
import { HANDLERS } from '../../lib/handlers.js';

const outdir = mkdtempSync(path.join(tmpdir(), 'headroom-member-test-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));
const { app, stack, memberStack } = buildApp({
  context: { headroom: { accounts: 'organizations', memberRoleName: 'AcmeHeadroomRead', memberExternalId: 'acme-headroom-2026' } },
  outdir,
  skipBundling: true,
  nag: false,
});
const assembly = app.synth();
const json = Template.fromStack(memberStack).toJSON() as {
  Parameters: Record<string, { Type: string; AllowedPattern?: string }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Rules?: unknown;
  Outputs: Record<string, unknown>;
};
const [role] = Object.values(json.Resources);

describe('member stack', () => {
  it('synthesises as its own plain template: one role, our two parameters, no bootstrap check, metadata or assets', () => {
    const artifact = assembly.getStackByName(MEMBER_STACK_NAME);
    expect(artifact.templateFile).toBe(`${MEMBER_STACK_NAME}.template.json`);
    expect(artifact.assets).toEqual([]);
    expect(Object.values(json.Resources).map((resource) => resource.Type)).toEqual(['AWS::IAM::Role']);
    expect(Object.keys(json.Parameters).sort()).toEqual(['ExternalId', 'HeadroomAccountId']);
    expect(json.Rules).toBeUndefined();
    // What StackSets deploys is the file itself: nothing in it may point at a bootstrapped asset bucket or SSM.
    const file = readFileSync(path.join(outdir, artifact.templateFile), 'utf8');
    expect(file).not.toMatch(/cdk-hnb659fds|BootstrapVersion|AWS::CDK::Metadata|Fn::ImportValue/);
  });

  it('names the role from the configuration, as the collectors build its ARN', () => {
    expect(role.Properties.RoleName).toBe('AcmeHeadroomRead');
  });

  it('trusts only the collector roles of the Headroom account, and only with the external id', () => {
    const [statement, ...others] = (role.Properties.AssumeRolePolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
    expect(others).toEqual([]);
    expect(statement.Action).toBe('sts:AssumeRole');
    expect(JSON.stringify(statement.Principal)).toContain('{"Ref":"HeadroomAccountId"}');
    expect(statement.Condition).toEqual({
      StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } },
      ArnLike: {
        'aws:PrincipalArn': {
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'HeadroomAccountId' }, `:role${COLLECTOR_ROLE_PATH}*`]],
        },
      },
    });
  });

  it('allows exactly the collectors’ read actions', () => {
    const policies = role.Properties.Policies as { PolicyDocument: { Statement: { Action: string[]; Resource: string; Effect: string }[] } }[];
    const statements = policies.flatMap((policy) => policy.PolicyDocument.Statement);
    expect(statements).toEqual([{ Action: [...MEMBER_ROLE_READ_ACTIONS], Resource: '*', Effect: 'Allow' }]);
  });

  it('is trusted by every collector function’s role, which sits under the collector path', () => {
    const main = Template.fromStack(stack).toJSON() as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    for (const role of ['collect-cloudwatch', 'collect-cost-explorer', 'collect-compute-optimizer', 'collect-inventory'] as const) {
      const roleRef = (main.Resources[HANDLERS[role].logicalId].Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
      expect(main.Resources[roleRef].Properties.Path, role).toBe(COLLECTOR_ROLE_PATH);
    }
  });
});
