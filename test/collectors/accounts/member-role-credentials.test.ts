import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { MEMBER_SESSION_NAME, memberRoleCredentials } from '../../../lambdas/collectors/accounts/member-role-credentials.js';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectRecommendations } from '../../../lambdas/collectors/compute-optimizer/collect-recommendations.js';
import { testContext } from '../helpers/context.js';

// fromTemporaryCredentials sends AssumeRole through the SDK's nested STS client, so that is the class mocked.
const sts = mockClient(STSClient);
afterEach(() => sts.reset());

/** AssumeRole's response (STS API reference, AssumeRole, example response). */
const assumed = {
  Credentials: {
    AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
    SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
    SessionToken: 'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI',
    Expiration: new Date('2026-11-29T13:00:00Z'),
  },
  AssumedRoleUser: { Arn: `arn:aws:sts::210987654321:assumed-role/HeadroomReadOnly/${MEMBER_SESSION_NAME}`, AssumedRoleId: 'ARO123EXAMPLE123:headroom-collector' },
};

describe('memberRoleCredentials', () => {
  it("assumes the member role with the deployment's ExternalId, which the role's trust policy requires", async () => {
    sts.on(AssumeRoleCommand).resolves(assumed);
    const provider = memberRoleCredentials({ partition: 'aws', account: '210987654321', roleName: 'HeadroomReadOnly', externalId: 'headroom-7f3a', clientConfig: { region: 'eu-west-1' } });

    const credentials = await (provider as () => Promise<{ accessKeyId: string; sessionToken?: string }>)();

    expect(sts.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input)).toEqual([
      { RoleArn: 'arn:aws:iam::210987654321:role/HeadroomReadOnly', RoleSessionName: MEMBER_SESSION_NAME, ExternalId: 'headroom-7f3a' },
    ]);
    expect(credentials).toMatchObject({ accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: assumed.Credentials.SessionToken });
  });

  it('names the partition in the role ARN and sends no ExternalId when none is configured', async () => {
    sts.on(AssumeRoleCommand).resolves(assumed);
    const provider = memberRoleCredentials({ partition: 'aws-cn', account: '210987654321', roleName: 'Reader', clientConfig: { region: 'cn-north-1' } });

    await (provider as () => Promise<unknown>)();

    const input = sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input;
    expect(input?.RoleArn).toBe('arn:aws-cn:iam::210987654321:role/Reader');
    expect(input).not.toHaveProperty('ExternalId');
  });
});

/** Stands in for the network: keeps each request's signing headers and answers an empty JSON page. */
function signingRecorder() {
  const signed: { authorization?: string; token?: string }[] = [];
  return {
    signed,
    handler: {
      metadata: { handlerProtocol: 'h1' },
      async handle(request: { headers: Record<string, string> }) {
        signed.push({ authorization: request.headers.authorization, token: request.headers['x-amz-security-token'] });
        return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: new TextEncoder().encode('{}') } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

describe('the assume-role chain', () => {
  const MEMBER = '210987654321';
  const viaMemberRole = (clientConfig: Record<string, unknown>) =>
    createAwsPortsFor({
      builders: allAwsAdapters,
      maxAttempts: 1,
      clientConfig,
      credentialsFor: (account) => memberRoleCredentials({ partition: 'aws', account, roleName: 'HeadroomReadOnly', externalId: 'headroom-7f3a', clientConfig: { region: 'us-east-1' } }),
    });

  it("signs a member account's calls with the session AssumeRole returned", async () => {
    sts.on(AssumeRoleCommand).resolves(assumed);
    const { signed, handler } = signingRecorder();

    await viaMemberRole({ requestHandler: handler })(MEMBER, 'us-east-1').computeOptimizer.getEC2InstanceRecommendations({});

    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toMatchObject({ RoleArn: `arn:aws:iam::${MEMBER}:role/HeadroomReadOnly`, ExternalId: 'headroom-7f3a' });
    expect(signed).toHaveLength(1);
    expect(signed[0]?.authorization).toContain('Credential=ASIAIOSFODNN7EXAMPLE/');
    expect(signed[0]?.token).toBe(assumed.Credentials.SessionToken);
  });

  it('records a refused AssumeRole (wrong ExternalId, no member stack) as an issue for that account and sends nothing', async () => {
    sts.on(AssumeRoleCommand).rejects(
      Object.assign(new Error(`User: arn:aws:sts::123456789012:assumed-role/collector is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${MEMBER}:role/HeadroomReadOnly`), {
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const { signed, handler } = signingRecorder();
    const context = testContext(viaMemberRole({ requestHandler: handler }), { accounts: [MEMBER] });

    const report = await collectRecommendations(context);

    expect(signed).toHaveLength(0);
    // One issue per Compute Optimizer API (each is its own unit), all naming the refused AssumeRole.
    expect(report.issues.length).toBeGreaterThan(0);
    for (const issue of report.issues) expect(issue).toMatchObject({ account: MEMBER, region: 'us-east-1', code: 'AccessDenied', message: expect.stringMatching(/sts:AssumeRole/) });
  });
});
