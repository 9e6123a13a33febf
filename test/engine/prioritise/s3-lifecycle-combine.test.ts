import { describe, expect, it } from 'vitest';
import { prioritise } from '../../../lambdas/engine/prioritise/prioritise.js';
import { analyseResources } from '../../../lambdas/engine/analyse.js';
import { context, resource, series } from '../rules/fixtures.js';

const GB = 1024 ** 3;

describe('S3 lifecycle findings on one bucket', () => {
  it('become one action with every lifecycle change and the savings added (they act on disjoint bytes)', () => {
    const bucket = { ...resource('s3:bucket', 'raw', { versioning: 'Enabled', lifecycleRules: [], staleMultipartUploads: 2 }), arn: 'arn:aws:s3:::raw' };
    const metrics = [
      series(bucket.arn, 'BucketSizeBytes', 'Average', () => 2000 * GB, { periodSec: 86_400, namespace: 'AWS/S3' }),
      series(bucket.arn, 'NumberOfObjects', 'Average', () => 100_000, { periodSec: 86_400, namespace: 'AWS/S3' }),
    ];
    const findings = analyseResources([{ resource: bucket, series: metrics, recommendations: [] }], context());
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['s3/cold-data-tiering', 's3/missing-multipart-abort', 's3/noncurrent-versions']);
    const actions = prioritise(findings);
    expect(actions).toHaveLength(1);
    expect(actions[0].ruleId).toBe('s3/cold-data-tiering+s3/missing-multipart-abort+s3/noncurrent-versions');
    expect(Object.keys(actions[0].proposed).sort()).toEqual(['abortIncompleteMultipartUpload', 'noncurrentVersionExpiration', 'transition']);
    expect(actions[0].monthlySavingsUsd).toBeCloseTo(findings.reduce((sum, f) => sum + f.monthlySavingsUsd, 0), 2);
    expect(actions[0].reversible).toBe(false);
  });
});
