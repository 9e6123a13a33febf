import { Aws, Duration, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';

/**
 * A role EventBridge Scheduler assumes to start targets, only for schedules in this account (confused-deputy
 * guard). Each target grants itself on it (invoke one function, start one state machine).
 */
export function schedulerRole(scope: Construct, id: string): iam.Role {
  return new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
    description: 'EventBridge Scheduler: starts Headroom collectors',
  });
}

/** Starts a collector every `everyHours` hours (EventBridge Scheduler). */
export function collectorSchedule(scope: Construct, id: string, fn: IFunction, everyHours: number, role: iam.IRole): scheduler.Schedule {
  return new scheduler.Schedule(scope, id, {
    description: `Headroom collector every ${everyHours} h`,
    schedule: scheduler.ScheduleExpression.rate(Duration.hours(everyHours)),
    target: new targets.LambdaInvoke(fn, {
      role,
      // The collectors' event: {} uses the configured accounts and regions.
      input: scheduler.ScheduleTargetInput.fromObject({}),
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    }),
  });
}

/** Starts the analysis state machine once a day at `at` (`HH:MM`) in `timeZone`, with input `{}`. */
export function analysisSchedule(scope: Construct, id: string, stateMachine: IStateMachine, at: string, timeZone: string): scheduler.Schedule {
  const [hour, minute] = at.split(':').map((part) => String(Number(part)));
  return new scheduler.Schedule(scope, id, {
    description: `Headroom daily analysis at ${at} ${timeZone}`,
    schedule: scheduler.ScheduleExpression.cron({ hour, minute, timeZone: TimeZone.of(timeZone) }),
    target: new targets.StepFunctionsStartExecution(stateMachine, {
      input: scheduler.ScheduleTargetInput.fromObject({}),
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    }),
  });
}
