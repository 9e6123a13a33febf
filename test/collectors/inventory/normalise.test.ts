import { describe, expect, it } from 'vitest';
import { normaliseInstance, normaliseVolume } from '../../../lambdas/collectors/inventory/normalise-ec2.js';
import { unqualifiedFunctionArn } from '../../../lambdas/collectors/inventory/normalise-lambda.js';
import { MalformedItemError } from '../../../lambdas/collectors/inventory/malformed-item-error.js';

describe('inventory normalisers', () => {
  it('builds ARNs in the region partition (aws-cn, aws-us-gov)', () => {
    const instance = normaliseInstance({ InstanceId: 'i-1', InstanceType: 't3.small', State: { Name: 'running' } }, { account: '111122223333', region: 'cn-north-1' });
    expect(instance.arn).toBe('arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-1');
    const volume = normaliseVolume({ VolumeId: 'vol-1', VolumeType: 'gp3', Size: 8, State: 'available' }, { account: '111122223333', region: 'us-gov-west-1' });
    expect(volume.arn).toBe('arn:aws-us-gov:ec2:us-gov-west-1:111122223333:volume/vol-1');
  });

  it('names an instance after its Name tag, else its id, and rejects one without an id', () => {
    const where = { account: '111122223333', region: 'us-east-1' };
    expect(normaliseInstance({ InstanceId: 'i-2', InstanceType: 'm5.large', State: { Name: 'stopped' } }, where).name).toBe('i-2');
    expect(() => normaliseInstance({ InstanceType: 'm5.large', State: { Name: 'running' } }, where)).toThrow(MalformedItemError);
  });

  it('strips version and alias qualifiers from function ARNs', () => {
    expect(unqualifiedFunctionArn('arn:aws:lambda:us-east-1:111122223333:function:api:$LATEST')).toBe('arn:aws:lambda:us-east-1:111122223333:function:api');
    expect(unqualifiedFunctionArn('arn:aws:lambda:us-east-1:111122223333:function:api:live')).toBe('arn:aws:lambda:us-east-1:111122223333:function:api');
    expect(unqualifiedFunctionArn('arn:aws:lambda:us-east-1:111122223333:function:api')).toBe('arn:aws:lambda:us-east-1:111122223333:function:api');
  });

  it('keeps the instance lifecycle (spot hours are not Savings Plans spend), absent for on-demand', () => {
    const where = { account: '111122223333', region: 'us-east-1' };
    const spot = normaliseInstance({ InstanceId: 'i-3', InstanceType: 'm5.large', State: { Name: 'running' }, InstanceLifecycle: 'spot' }, where);
    expect(spot.config.lifecycle).toBe('spot');
    expect(normaliseInstance({ InstanceId: 'i-4', InstanceType: 'm5.large', State: { Name: 'running' } }, where).config.lifecycle).toBeUndefined();
  });
});
