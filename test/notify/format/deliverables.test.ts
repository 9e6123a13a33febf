import { describe, expect, it } from 'vitest';
import { renderDeliverables } from '../../../lambdas/notify/format/deliverables.js';
import { sampleActions, sampleForecasts, sampleRun } from '../../fixtures/notify/sample-run.js';
import { costAnomaly, cpuAnomaly } from '../anomaly-fixtures.js';

describe('renderDeliverables', () => {
  it('renders the report, the Slack payload and both email parts from one run', () => {
    const actions = sampleActions(20);
    const files = renderDeliverables({ run: sampleRun(actions), actions, forecasts: sampleForecasts(), anomalies: [cpuAnomaly(), costAnomaly()], generatedAt: '2026-11-29T06:02:00.000Z', enabledExecutors: ['lambda-memory'], channel: '#demo' });

    expect(Object.keys(files).sort()).toEqual(['email.html', 'email.txt', 'report.html', 'slack.json']);
    const slack = JSON.parse(files['slack.json']) as { channel: string; blocks: unknown[]; text: string };
    expect(slack.channel).toBe('#demo');
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    expect(files['report.html']).toContain('id="action-20"');
    expect(files['email.txt']).toContain('Top actions');
    expect(files['email.html']).toContain('Headroom digest');
    // One count, the same in every channel; the report lists them.
    for (const name of ['slack.json', 'email.html', 'email.txt'] as const) expect(files[name]).toContain('2 anomalies detected');
    expect(files['report.html']).toContain('<h2>Anomalies</h2>');
    expect(files['report.html']).toContain('web-1');
  });

  it('says there is nothing to change when a run has no actions', () => {
    const files = renderDeliverables({ run: sampleRun([]), actions: [], forecasts: [], anomalies: [], generatedAt: '2026-11-29T06:02:00.000Z', enabledExecutors: [] });
    expect(files['slack.json']).toContain('No open actions in this run');
  });
});
