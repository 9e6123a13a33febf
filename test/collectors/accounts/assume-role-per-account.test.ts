import { describe, expect, it } from 'vitest';
import { memberRoleCredentials } from '../../../lambdas/collectors/accounts/member-role-credentials.js';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { CountingThrottleMeter } from '../../../lambdas/collectors/aws/throttle-meter.js';

const MEMBER = '210987654321';
/** The collector function's own credentials, which call AssumeRole. */
const COLLECTOR_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/** AssumeRole's response (STS API reference, AssumeRole, example response), with a session far from expiry. */
const ASSUME_ROLE_XML = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::${MEMBER}:assumed-role/HeadroomReadOnly/headroom-collector</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:headroom-collector</AssumedRoleId>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;

/**
 * Stands in for the network of both STS and the collectors' services (the real clients, signing and middlewares
 * run): STS gets the AssumeRole answer, every other host an empty JSON page. Keeps each request's host and key id.
 */
function fakeNetwork() {
  const requests: { hostname: string; authorization?: string }[] = [];
  return {
    requests,
    handler: {
      metadata: { handlerProtocol: 'h1' },
      async handle(request: { hostname: string; headers: Record<string, string> }) {
        requests.push({ hostname: request.hostname, authorization: request.headers.authorization });
        const sts = request.hostname.startsWith('sts.');
        const headers = { 'content-type': sts ? 'text/xml' : 'application/x-amz-json-1.0', 'x-amzn-requestid': `req-${requests.length}` };
        return { response: { statusCode: 200, headers, body: new TextEncoder().encode(sts ? ASSUME_ROLE_XML : '{}') } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

describe('member-account credentials across regions', () => {
  it('assumes the member role once for two regions of one account and counts that AssumeRole in the run ledger', async () => {
    const { requests, handler } = fakeNetwork();
    const ledger = new CountingThrottleMeter();
    const portsFor = createAwsPortsFor({
      builders: allAwsAdapters,
      maxAttempts: 1,
      ledger,
      clientConfig: { requestHandler: handler },
      credentialsFor: (account, meter) =>
        memberRoleCredentials({ partition: 'aws', account, roleName: 'HeadroomReadOnly', externalId: 'headroom-7f3a', meter, clientConfig: { region: 'us-east-1', requestHandler: handler, credentials: COLLECTOR_CREDENTIALS } }),
    });

    await portsFor(MEMBER, 'us-east-1').computeOptimizer.getEC2InstanceRecommendations({});
    await portsFor(MEMBER, 'eu-west-1').computeOptimizer.getEC2InstanceRecommendations({});
    await portsFor(MEMBER, 'eu-west-1').cloudwatch.listMetrics({});

    const stsRequests = requests.filter((r) => r.hostname.startsWith('sts.'));
    expect(stsRequests).toHaveLength(1);
    const serviceRequests = requests.filter((r) => !r.hostname.startsWith('sts.'));
    expect(serviceRequests.map((r) => r.hostname)).toEqual(['compute-optimizer.us-east-1.amazonaws.com', 'compute-optimizer.eu-west-1.amazonaws.com', 'monitoring.eu-west-1.amazonaws.com']);
    for (const request of serviceRequests) expect(request.authorization).toContain('Credential=ASIAIOSFODNN7EXAMPLE/');
    expect(ledger.apiCalls()['sts:AssumeRole']).toEqual({ calls: 1, attempts: 1, throttled: 0 });
  });

  it('assumes a role per account: a second member account gets its own session', async () => {
    const { requests, handler } = fakeNetwork();
    const ledger = new CountingThrottleMeter();
    const portsFor = createAwsPortsFor({
      builders: allAwsAdapters,
      maxAttempts: 1,
      ledger,
      clientConfig: { requestHandler: handler },
      credentialsFor: (account, meter) => memberRoleCredentials({ partition: 'aws', account, roleName: 'HeadroomReadOnly', meter, clientConfig: { region: 'us-east-1', requestHandler: handler, credentials: COLLECTOR_CREDENTIALS } }),
    });

    await portsFor(MEMBER, 'us-east-1').computeOptimizer.getEC2InstanceRecommendations({});
    await portsFor('310987654321', 'us-east-1').computeOptimizer.getEC2InstanceRecommendations({});

    expect(requests.filter((r) => r.hostname.startsWith('sts.'))).toHaveLength(2);
    expect(ledger.apiCalls()['sts:AssumeRole']?.calls).toBe(2);
  });
});
