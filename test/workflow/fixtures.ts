import type { Resource } from '../../lambdas/engine/types/snapshot.js';
import { ACCOUNT_A } from '../shared/store/fixtures.js';

/** An EBS volume; gp2 ones draw a gp2→gp3 finding, 'available' ones an unattached-volume finding. */
export function volume(id: string, volumeType: 'gp2' | 'gp3', state: 'in-use' | 'available' = 'in-use'): Resource {
  return {
    arn: `arn:aws:ec2:us-east-1:${ACCOUNT_A}:volume/${id}`,
    type: 'ebs:volume',
    account: ACCOUNT_A,
    region: 'us-east-1',
    name: id,
    tags: {},
    config: {
      volumeType,
      sizeGiB: 500,
      state,
      ...(state === 'in-use' ? { attachedInstanceId: 'i-0abc' } : {}),
      createTime: '2026-01-01T00:00:00.000Z',
    },
  };
}
