import type { Rule } from './rule.js';
import { rightsizeInstance } from './ec2/rightsize-instance.js';
import { idleInstance } from './ec2/idle-instance.js';
import { gp2ToGp3 } from './ebs/gp2-to-gp3.js';
import { unattachedVolume } from './ebs/unattached-volume.js';
import { io1ToGp3 } from './ebs/io1-to-gp3.js';
import { memorySize } from './lambda/memory-size.js';

/** Every rule the engine runs, in a fixed order (the README rules table is generated from this list). */
export const rules: Rule[] = [rightsizeInstance, idleInstance, gp2ToGp3, io1ToGp3, unattachedVolume, memorySize];

export { ingestExternalRecommendations, COMPUTE_OPTIMIZER_RULE_ID } from './external/compute-optimizer.js';
export { ResourceConfigError } from './support/read-config.js';
