import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { ValidationCheck } from '../executors/executor.js';
import { fetchMetricRows } from './fetch-metric-samples.js';
import type { Verdict } from './verdict.js';

/**
 * Validation checks that are not metric comparisons (docs/safe-apply.md "What each executor validates"). Each reads AWS
 * only; an executor lists the ones that concern its resource in `validation(action).checks`.
 */

/** The alarm watches a metric with this dimension (directly, or inside a metric-math alarm's metrics). */
function watches(alarm: MetricAlarm, dimension: { name: string; value: string }): boolean {
  const dimensions = [...(alarm.Dimensions ?? []), ...(alarm.Metrics ?? []).flatMap((query) => query.MetricStat?.Metric?.Dimensions ?? [])];
  return dimensions.some((d) => d.Name === dimension.name && d.Value === dimension.value);
}

/**
 * None of the resource's CloudWatch alarms (metric alarms on a metric with `dimension`) went into ALARM since the
 * change: DescribeAlarms StateValue=ALARM, paged, filtered by dimension and by StateUpdatedTimestamp ≥ the change. An
 * alarm already in ALARM before the change is reported, not counted. Covers alarms with TreatMissingData=breaching,
 * which fire when a stopped instance stops publishing: someone said that silence is an outage.
 */
export function alarmCheck(dimension: { name: string; value: string }): ValidationCheck {
  return {
    name: 'alarms',
    async run(action, windows, ctx): Promise<Verdict> {
      const cloudwatch = ctx.cloudwatch(action.resource.region);
      const firing: MetricAlarm[] = [];
      let nextToken: string | undefined;
      do {
        const page = await cloudwatch.describeAlarms({ StateValue: 'ALARM', AlarmTypes: ['MetricAlarm'], NextToken: nextToken });
        firing.push(...(page.MetricAlarms ?? []).filter((alarm) => watches(alarm, dimension)));
        nextToken = page.NextToken;
      } while (nextToken);
      const since = windows.after.start.getTime();
      const raised = firing.filter((alarm) => (alarm.StateUpdatedTimestamp?.getTime() ?? 0) >= since).map((alarm) => alarm.AlarmName ?? '');
      const already = firing.filter((alarm) => (alarm.StateUpdatedTimestamp?.getTime() ?? 0) < since).map((alarm) => alarm.AlarmName ?? '');
      return { method: 'cloudwatch-alarms', verdict: raised.length > 0 ? 'regressed' : 'no-regression', regressed: raised.length > 0, raisedSinceChange: raised, alreadyInAlarm: already };
    },
  };
}

/**
 * Nothing tried to attach the deleted volume: CloudTrail event history (management events of the last 90 days, on in
 * every account with no trail to configure; failed calls are recorded with their errorCode) is searched for
 * AttachVolume events since the change whose requestParameters.volumeId is the volume. CloudWatch has no metric of a
 * deleted volume, and nothing else in AWS records a failed attach. CloudTrail delivers events within about 15 minutes,
 * well inside the default bake.
 */
export function attachAttemptCheck(volumeId: string): ValidationCheck {
  return {
    name: 'attachAttempts',
    async run(action, windows, ctx): Promise<Verdict> {
      const cloudtrail = ctx.cloudtrail(action.resource.region);
      const attempts: { eventTime?: string; user?: string; errorCode?: string }[] = [];
      let nextToken: string | undefined;
      do {
        const page = await cloudtrail.lookupEvents({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AttachVolume' }],
          StartTime: windows.after.start,
          EndTime: windows.after.end,
          NextToken: nextToken,
        });
        for (const event of page.Events ?? []) {
          const record = JSON.parse(event.CloudTrailEvent ?? '{}') as { requestParameters?: { volumeId?: string }; errorCode?: string };
          if (record.requestParameters?.volumeId === volumeId) attempts.push({ eventTime: event.EventTime?.toISOString(), user: event.Username, errorCode: record.errorCode });
        }
        nextToken = page.NextToken;
      } while (nextToken);
      return { method: 'cloudtrail-attach-attempts', verdict: attempts.length > 0 ? 'regressed' : 'no-regression', regressed: attempts.length > 0, attempts };
    },
  };
}

/** A target group the instance was registered in at the rollback point (ec2-stop records them). */
export interface TargetGroupRef {
  targetGroup: string;
  loadBalancer: string;
}

/**
 * No traffic reached the stopped instance's target groups without a healthy target: for each target group it was
 * registered in, a regression when RequestCount (Sum) > 0 in a minute whose HealthyHostCount (Minimum) was 0 — requests
 * arrived and nothing could serve them. Dimensions as AWS/ApplicationELB publishes them (TargetGroup, LoadBalancer:
 * the ARN suffixes). Traffic that reaches the instance's ENI directly has no CloudWatch metric (only VPC Flow Logs,
 * which Headroom does not require); the alarms check and the idle rule's network evidence cover that side.
 */
export function targetGroupTrafficCheck(groups: (rollbackPoint: Record<string, unknown>) => TargetGroupRef[]): ValidationCheck {
  return {
    name: 'targetGroupTraffic',
    async run(action, windows, ctx): Promise<Verdict> {
      const cloudwatch = ctx.cloudwatch(action.resource.region);
      const unserved: { targetGroup: string; requests: number }[] = [];
      for (const group of groups(windows.rollbackPoint)) {
        const dimensions = [
          { name: 'TargetGroup', value: group.targetGroup },
          { name: 'LoadBalancer', value: group.loadBalancer },
        ];
        const rows = await fetchMetricRows(
          cloudwatch,
          {
            requests: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions, stat: 'Sum' },
            healthy: { namespace: 'AWS/ApplicationELB', metricName: 'HealthyHostCount', dimensions, stat: 'Minimum' },
          },
          windows.after,
        );
        const requests = rows.filter((row) => (row.values.requests ?? 0) > 0 && row.values.healthy === 0).reduce((sum, row) => sum + row.values.requests, 0);
        if (requests > 0) unserved.push({ targetGroup: group.targetGroup, requests });
      }
      return { method: 'target-group-traffic', verdict: unserved.length > 0 ? 'regressed' : 'no-regression', regressed: unserved.length > 0, unserved };
    },
  };
}
