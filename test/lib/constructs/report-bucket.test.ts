import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyStatements, synthesise, type Synthesised } from '../support/synth.js';

describe('ReportBucket in the stack', () => {
  let synth: Synthesised;
  beforeAll(() => {
    synth = synthesise({ report: { retentionDays: 14, linkDays: 2 } });
  });
  afterAll(() => synth.cleanup());

  it('is private, encrypted, TLS-only and expires reports', () => {
    synth.template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: 14, Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }] },
    });
    const policy = JSON.stringify(synth.template.findResources('AWS::S3::BucketPolicy'));
    expect(policy).toContain('"aws:SecureTransport":"false"');
  });

  it('lets only the two notify functions put and get reports, under reports/ of that bucket', () => {
    // Object actions only: the inventory collector reads bucket configuration (s3:GetLifecycleConfiguration, ...), never objects.
    const s3 = policyStatements(synth.json).filter(({ statement }) => /s3:(\w*Object\w*|\*)/.test(JSON.stringify(statement.Action)));
    expect(s3.map(({ policy }) => policy).sort()).toEqual(
      Object.keys(synth.json.Resources).filter((id) => /NotifySlack|NotifyEmail|notifyslack|notifyemail/i.test(id) && synth.json.Resources[id].Type === 'AWS::IAM::Policy').sort(),
    );
    for (const { statement } of s3) {
      expect([...(statement.Action as string[])].sort()).toEqual(['s3:GetObject', 's3:PutObject']);
      expect(JSON.stringify(statement.Resource)).toMatch(/ReportsBucket.*\/reports\/\*/);
    }
  });

  it('tells the notify functions where reports go and how long links last', () => {
    const env = (synth.stack.functions['notify-slack'].node.defaultChild as { environment?: unknown }).environment;
    expect(JSON.stringify(synth.template.toJSON())).toContain('"REPORT_LINK_TTL_SECONDS":"172800"');
    expect(env).toBeDefined();
  });
});

describe('ReportBucket under cdk-nag', () => {
  it('raises no unacknowledged AwsSolutions finding', () => {
    const printed: string[] = [];
    const original = { log: console.log, error: console.error, warn: console.warn };
    const capture = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
    Object.assign(console, { log: capture, error: capture, warn: capture });
    let synth: Synthesised | undefined;
    try {
      synth = synthesise({ email: { sender: 'headroom@example.com', recipients: ['ops@example.com'] } }, { nag: true });
    } finally {
      Object.assign(console, original);
      synth?.cleanup();
    }
    expect(printed.join('\n')).not.toMatch(/AwsSolutions-\w+/);
  });
});
