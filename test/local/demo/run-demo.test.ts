import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionSchema } from '../../../lambdas/engine/types/action.js';
import { SnapshotSchema } from '../../../lambdas/engine/types/snapshot.js';
import { DEMO_EXECUTORS, runDemo, type DemoResult } from '../../../lambdas/local/demo/run-demo.js';

/**
 * The whole local pipeline on a small sample account: collectors through the sample ports into dynalite,
 * the synthesised analysis state machine run with aws-local-stepfunctions over the real handlers, and
 * every deliverable written.
 */
describe('runDemo', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'headroom-demo-test-'));
  const lines: string[] = [];
  let result: DemoResult;

  beforeAll(async () => {
    result = await runDemo({ resources: 40, seed: 7, outDir, now: Date.UTC(2026, 10, 29, 12), progress: (line) => lines.push(line) });
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs the analysis state machine to success and persists ranked actions in the embedded DynamoDB', () => {
    expect(result.run.status).toBe('succeeded');
    expect(result.run.failedBatches).toEqual([]);
    expect(result.actions.length).toBeGreaterThan(0);
    expect(result.run.actionCount).toBe(result.actions.length);
    const priorities = result.actions.map((action) => action.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });

  it('writes the six deliverables', () => {
    expect(result.files.sort()).toEqual(['email.html', 'email.txt', 'findings.json', 'report.html', 'slack.json', 'snapshot.json']);
    const findings = JSON.parse(readFileSync(path.join(outDir, 'findings.json'), 'utf8')) as { actions: unknown[]; status: string; issues: unknown[] };
    // The sample account's collection loses nothing, and findings.json says so as a scan's does.
    expect(findings.status).toBe('complete');
    expect(Array.isArray(findings.issues)).toBe(true);
    expect(findings.actions.map((action) => ActionSchema.parse(action).id)).toEqual(result.actions.map((action) => action.id));
    const snapshot = SnapshotSchema.parse(JSON.parse(readFileSync(path.join(outDir, 'snapshot.json'), 'utf8')));
    expect(snapshot.resources.length).toBeGreaterThan(0);
    expect(snapshot.series.length).toBeGreaterThan(0);
    const arns = new Set(snapshot.resources.map((resource) => resource.arn));
    expect(snapshot.series.every((series) => arns.has(series.resourceArn))).toBe(true);
    const slack = JSON.parse(readFileSync(path.join(outDir, 'slack.json'), 'utf8')) as { blocks: unknown[] };
    expect(slack.blocks.length).toBeGreaterThan(0);
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    expect(readFileSync(path.join(outDir, 'report.html'), 'utf8')).toContain('<figure class="chart"');
  });

  it('approves the top automatable action through the signed Slack endpoint and runs the apply workflow to an outcome', () => {
    expect(result.approval).toBeDefined();
    const approved = result.actions.find((action) => action.id === result.approval?.actionId);
    // The top-ranked action whose executor the demo enables (all seven are), approved and applied on the sample account.
    const automatable = result.actions.filter((action) => action.automation.executor !== null && DEMO_EXECUTORS.includes(action.automation.executor));
    expect(approved).toBe(automatable[0]);
    expect(result.approval?.steps).toEqual(expect.arrayContaining(['Precheck', 'RollbackPoint', 'Apply', 'Bake', 'Validate', 'NotifyOutcome']));
    expect(result.approval?.outcome).toBe('applied');
  });

  it('reports progress for each collector and each state of the run', () => {
    expect(lines.some((line) => line.startsWith('collect cloudwatch'))).toBe(true);
    // Every phase ends with its counts and its wall and CPU time.
    for (const phase of ['collect', 'analysis', 'read run', 'snapshot', 'approval']) {
      expect(lines.some((line) => line.startsWith(`${phase}: `) && / s wall, [\d.]+ s CPU\)$/.test(line))).toBe(true);
    }
    expect(lines).toContain('analysis: AnalyseBatches');
    expect(lines).toContain('analysis: PersistRun');
  });
});
