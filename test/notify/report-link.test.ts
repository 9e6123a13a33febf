import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRunForNotify } from '../../lambdas/notify/load-run.js';
import { reportLinkOptions } from '../../lambdas/notify/report-publisher.js';
import { MAX_PRESIGN_SECONDS, publishReport, reportKey } from '../../lambdas/notify/report-link.js';
import { postDigest, type SlackPoster } from '../../lambdas/notify/slack/send-slack.js';
import { NOW, storeWithRun } from '../fixtures/notify/stored-run.js';

const s3mock = mockClient(S3Client);
const BUCKET = 'headroom-reports-123456789012';

function client(): S3Client {
  return new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } });
}

describe('publishReport', () => {
  beforeEach(() => {
    s3mock.reset();
    s3mock.on(PutObjectCommand).resolves({});
  });

  it('stores the run report as private, uncached HTML and returns a presigned GET link to exactly that object', async () => {
    const { store, run } = await storeWithRun(4);
    const loaded = await loadRunForNotify(store, run.runId, NOW);

    const url = new URL(await publishReport(client(), loaded, { bucket: BUCKET, expiresInSeconds: 3600, now: () => NOW }));

    const [put] = s3mock.commandCalls(PutObjectCommand);
    expect(put.args[0].input).toMatchObject({ Bucket: BUCKET, Key: reportKey(run.runId), ContentType: 'text/html; charset=utf-8', CacheControl: 'private, no-store' });
    expect(String(put.args[0].input.Body)).toMatch(/^<!DOCTYPE html>/i);
    expect(url.hostname).toBe(`${BUCKET}.s3.eu-west-1.amazonaws.com`);
    expect(url.pathname).toBe(`/${reportKey(run.runId)}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    // Signing is local: no GetObject is sent.
    expect(s3mock.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('refuses a link lifetime SigV4 cannot sign', async () => {
    const { store, run } = await storeWithRun(1);
    const loaded = await loadRunForNotify(store, run.runId, NOW);
    await expect(publishReport(client(), loaded, { bucket: BUCKET, expiresInSeconds: MAX_PRESIGN_SECONDS + 1 })).rejects.toThrow(/1–604800 seconds/);
    expect(s3mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('keys reports by a sanitised run id', () => {
    expect(reportKey('2026-11-30T00-53-17Z-8f7024')).toBe('reports/2026-11-30T00-53-17Z-8f7024.html');
    expect(reportKey('../x/y')).toBe('reports/.._x_y.html');
  });
});

describe('reportLinkOptions', () => {
  it('prefers a configured REPORT_URL template, then the bucket, then no link', () => {
    const s3 = vi.fn(client);
    expect(reportLinkOptions({ reportUrlTemplate: 'https://r.example.com/{runId}', reportBucket: BUCKET, reportLinkTtlSeconds: 60 }, 'r 1', s3)).toEqual({ reportUrl: 'https://r.example.com/r%201' });
    expect(reportLinkOptions({ reportBucket: BUCKET, reportLinkTtlSeconds: 60 }, 'r1', s3).publishReport).toBeTypeOf('function');
    expect(reportLinkOptions({ reportLinkTtlSeconds: 60 }, 'r1', s3)).toEqual({});
    expect(s3).not.toHaveBeenCalled();
  });

  it('puts the presigned link in the Slack digest', async () => {
    s3mock.reset();
    s3mock.on(PutObjectCommand).resolves({});
    const { store, run } = await storeWithRun(3);
    const postMessage = vi.fn(async () => ({ ok: true, ts: '1700000000.000001' }));
    const slack: SlackPoster = { chat: { postMessage } };

    await postDigest({ slack, store }, run.runId, { channel: '#finops', enabledExecutors: [], now: NOW, ...reportLinkOptions({ reportBucket: BUCKET, reportLinkTtlSeconds: 600 }, run.runId, client) });

    const blocks = JSON.stringify((postMessage.mock.calls[0] as unknown as [{ blocks: unknown }])[0].blocks);
    expect(blocks).toContain(`https://${BUCKET}.s3.eu-west-1.amazonaws.com/reports/`);
    expect(blocks).toContain('X-Amz-Expires=600');
    expect(s3mock.commandCalls(PutObjectCommand)).toHaveLength(1);
  });
});
