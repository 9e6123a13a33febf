import { describe, expect, it } from 'vitest';
import { collectUnit } from '../../lambdas/collectors/context.js';
import type { CollectorPorts } from '../../lambdas/collectors/ports.js';
import { countingPort, ReportBuilder } from '../../lambdas/collectors/report.js';

const ports = {} as CollectorPorts;
const sdkError = (name: string) => Object.assign(new Error(`${name} happened`), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });

describe('collectUnit', () => {
  it('records an AWS error from a port call as an issue and reports the unit as not completed', async () => {
    const report = new ReportBuilder('cloudwatch');
    const port = countingPort({ getMetricData: () => Promise.reject(sdkError('AccessDenied')) }, 'cloudwatch', report);

    const failure = await collectUnit(report, { account: '1', region: 'r' }, ports, async () => {
      await port.getMetricData();
    });

    expect(failure?.cause.name).toBe('AccessDenied');
    expect(report.issues).toEqual([{ source: 'cloudwatch', account: '1', region: 'r', service: 'cloudwatch', operation: 'GetMetricData', code: 'AccessDenied', message: 'AccessDenied happened' }]);
  });

  it('lets an SDK error that did not come from a port (a failing store write) propagate', async () => {
    const report = new ReportBuilder('cloudwatch');
    const write = collectUnit(report, {}, ports, () => Promise.reject(sdkError('ProvisionedThroughputExceededException')));
    await expect(write).rejects.toThrow('ProvisionedThroughputExceededException happened');
    expect(report.issues).toEqual([]);
  });

  it('lets a port’s non-AWS error (a bug) propagate unchanged', async () => {
    const report = new ReportBuilder('cloudwatch');
    const bug = new TypeError('cannot read x');
    const port = countingPort({ getMetricData: () => Promise.reject(bug) }, 'cloudwatch', report);
    await expect(collectUnit(report, {}, ports, () => port.getMetricData())).rejects.toBe(bug);
  });
});
