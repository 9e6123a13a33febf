import type { PublishedMetric } from './metrics.js';
import type { SampleResource } from './model.js';

/**
 * The CloudWatch metrics the sample's API Gateway APIs publish (AWS/ApiGateway): REST APIs under `ApiName`, HTTP APIs
 * under `ApiId` (API Gateway developer guide, "Amazon API Gateway dimensions and metrics"); the per-stage dimension
 * sets are not published by the sample.
 */
export function webPublishedMetrics(sample: SampleResource): PublishedMetric[] {
  const r = sample.resource;
  const rest = r.config.protocol === 'REST';
  const dimensions = rest ? [{ Name: 'ApiName', Value: r.name }] : [{ Name: 'ApiId', Value: String(r.config.apiId) }];
  const metrics: [string, string][] = [
    ['Count', 'Count'],
    ['Latency', 'Milliseconds'],
    [rest ? '4XXError' : '4xx', 'Count'],
    [rest ? '5XXError' : '5xx', 'Count'],
  ];
  return metrics.map(([metricName, unit]) => ({ namespace: 'AWS/ApiGateway', metricName, dimensions, unit }));
}

/**
 * One 5-minute slot, `load` being requests per second (workload.ts) and `u` a hashed uniform in [0, 1):
 * Count = load × 300; Latency = responseTimeSec × 1000 × (0.9 + 0.2 u); 4xx = 1 % of requests (clients' mistakes follow
 * traffic); 5xx = 0: healthy APIs, so the anomaly detector (which watches 5xx) has no incident of theirs to find.
 */
export function webSlotValue(sample: SampleResource, metricName: string, load: number, u: number): number | undefined {
  const requests = Math.round(load * 300);
  if (requests < 1) return undefined;
  switch (metricName) {
    case 'Count':
      return requests;
    case 'Latency':
      return (sample.details.responseTimeSec ?? 0.05) * 1000 * (0.9 + 0.2 * u);
    case '4XXError':
    case '4xx':
      return Math.round(requests * 0.01);
    case '5XXError':
    case '5xx':
      return 0;
    default:
      return undefined;
  }
}
