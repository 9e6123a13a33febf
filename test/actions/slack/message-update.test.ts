import { describe, expect, it } from 'vitest';
import { replaceDecidedBlock } from '../../../lambdas/actions/slack/message-update.js';

const blocks = [
  { type: 'section', block_id: 'action-1', text: { type: 'mrkdwn', text: '*1. Convert*' } },
  { type: 'actions', block_id: 'buttons-1', elements: [{ type: 'button', action_id: 'approve' }] },
  { type: 'actions', block_id: 'buttons-2', elements: [{ type: 'button', action_id: 'approve' }] },
];

describe('replaceDecidedBlock', () => {
  it('replaces only the clicked actions block with a context line under the same block_id', () => {
    const updated = replaceDecidedBlock(blocks, 'buttons-1', 'approved by <@U1>');
    expect(updated).toEqual([blocks[0], { type: 'context', block_id: 'buttons-1', elements: [{ type: 'mrkdwn', text: 'approved by <@U1>' }] }, blocks[2]]);
    expect(blocks[1].type).toBe('actions');
  });

  it('gives up (so the caller posts a separate message) when the message or the block is missing', () => {
    expect(replaceDecidedBlock(undefined, 'buttons-1', 'x')).toBeUndefined();
    expect(replaceDecidedBlock(blocks, undefined, 'x')).toBeUndefined();
    expect(replaceDecidedBlock(blocks, 'buttons-9', 'x')).toBeUndefined();
  });
});
