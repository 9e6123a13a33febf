import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { DeployConfig } from './config.js';
import { AnalysisWorkflow } from './constructs/analysis-workflow.js';
import { ApplyFunctions } from './constructs/apply-functions.js';
import { Alerts } from './constructs/alerts.js';
import { ApplyWorkflow } from './constructs/apply-workflow.js';
import { Collectors } from './constructs/collectors.js';
import { HeadroomFunction, type FunctionOptions, type HeadroomFunctionProps } from './constructs/headroom-function.js';
import { HeadroomTable } from './constructs/headroom-table.js';
import { grantTableAccess } from './constructs/table-grants.js';
import { InteractionsEndpoint } from './constructs/interactions-endpoint.js';
import { ReportBucket } from './constructs/report-bucket.js';
import { analysisSchedule } from './constructs/schedules.js';
import { SlackSecret } from './constructs/slack-secret.js';
import { HANDLERS, type HandlerRole } from './handlers.js';
import { acknowledgeFunctionFindings, acknowledgeStateMachineFindings } from './nag-acknowledgements.js';

export interface HeadroomStackProps extends StackProps {
  config: DeployConfig;
}

/**
 * Headroom in one stack: table, collectors and their schedules, the analysis and apply state machines, the
 * Slack interactions endpoint. Constructs carry the house defaults; this class only wires them together.
 */
export class HeadroomStack extends Stack {
  readonly config: DeployConfig;
  readonly table: dynamodb.TableV2;
  readonly analysisStateMachine: sfn.StateMachine;
  readonly applyStateMachine: sfn.StateMachine;
  /** Every function, keyed by its role in lib/handlers.ts. */
  readonly functions: Record<HandlerRole, NodejsFunction>;

  constructor(scope: Construct, id: string, props: HeadroomStackProps) {
    super(scope, id, props);
    const config = props.config;
    this.config = config;
    const logRetention = config.logRetentionDays as logs.RetentionDays;

    this.table = new HeadroomTable(this, 'Storage', config.table).table;
    const tableName = this.table.tableName;
    const slackSecret = new SlackSecret(this, 'Slack', { secretName: config.slack.secretName }).secret;
    const created: HeadroomFunction[] = [];
    const make = (role: HandlerRole, memorySize: number, timeout: Duration, environment: Record<string, string>, options: FunctionOptions = {}) => {
      const props: HeadroomFunctionProps = { role, memorySize, timeout, environment: { TABLE_NAME: tableName, ...environment }, logRetention, ...options };
      const fn = new HeadroomFunction(this, role, props);
      // Reads of the whole table, writes of the item kinds lib/table-access.ts gives the role (dynamodb:LeadingKeys).
      grantTableAccess(this.table, fn.function, role);
      created.push(fn);
      return fn.function;
    };

    const collectors = new Collectors(this, 'Collectors', { table: this.table, config, logRetention });
    created.push(...Object.values(collectors.functions));

    // Analysis workflow tasks. 1,769 MB is one full vCPU, where the engine's numeric work runs.
    const workflowEnv = {
      HEADROOM_PERCENT: String(config.headroomPercent),
      LOOKBACK_DAYS: String(config.lookbackDays),
      BATCH_SIZE: String(config.batchSize),
      REALISED_AFTER_DAYS: String(config.realisedSavingsAfterDays),
    };
    const plan = make('plan', 512, Duration.minutes(2), workflowEnv);
    const analyseBatch = make('analyse-batch', 1769, Duration.minutes(5), workflowEnv);
    const forecast = make('forecast', 1769, Duration.minutes(5), workflowEnv);
    const prioritise = make('prioritise', 1024, Duration.minutes(2), workflowEnv);
    const persistRun = make('persist-run', 512, Duration.minutes(1), workflowEnv);
    const reports = new ReportBucket(this, 'Reports', { retentionDays: config.report.retentionDays });
    const reportUrl: Record<string, string> = {
      REPORT_BUCKET: reports.bucket.bucketName,
      REPORT_LINK_TTL_SECONDS: String(config.report.linkDays * 86_400),
      ...(config.reportUrl === undefined ? {} : { REPORT_URL: config.reportUrl }),
    };
    const slackEnv: Record<string, string> = {
      SLACK_SECRET_ARN: slackSecret.secretArn,
      SLACK_CHANNEL: config.slack.channel,
      SLACK_OWNER_TAG: config.slack.ownerTag,
      ...reportUrl,
      ...(Object.keys(config.slack.teamChannels).length === 0 ? {} : { SLACK_TEAM_CHANNELS: JSON.stringify(config.slack.teamChannels) }),
    };
    // Approve buttons are offered only for actions an enabled executor can apply in this account (no cross-account apply).
    const notifySlack = make('notify-slack', 512, Duration.minutes(1), {
      ...slackEnv,
      ENABLED_EXECUTORS: config.enabledExecutors.join(','),
      ACCOUNT_ID: Aws.ACCOUNT_ID,
    });
    const notifyEmail = make('notify-email', 512, Duration.minutes(1), {
      ...reportUrl,
      // Empty when email is not configured: the handler then reports email delivery as disabled.
      SENDER_EMAIL: config.email.sender ?? '',
      RECIPIENT_EMAILS: config.email.recipients.join(','),
      OWNER_EMAIL_TAG: config.email.ownerTag,
    });
    slackSecret.grantRead(notifySlack);
    reports.grantPublish(notifySlack);
    reports.grantPublish(notifyEmail);
    if (config.email.sender !== undefined) notifyEmail.addToRolePolicy(sendEmailStatement(config.email.sender));

    this.analysisStateMachine = new AnalysisWorkflow(this, 'Analysis', {
      functions: { plan, analyseBatch, forecast, prioritise, persistRun, notifySlack, notifyEmail },
      logRetention,
    }).stateMachine;

    const apply = new ApplyFunctions(this, 'ApplyTasks', { make, table: this.table, slackSecret, config, slackEnv });
    this.applyStateMachine = new ApplyWorkflow(this, 'Apply', {
      functions: apply.functions,
      bakePeriod: Duration.minutes(config.bakeMinutes),
      logRetention,
    }).stateMachine;

    const applyWatchdog = make('apply-watchdog', 256, Duration.seconds(30), {});
    new Alerts(this, 'Alerts', { applyStateMachine: this.applyStateMachine, analysisStateMachine: this.analysisStateMachine, applyWatchdog });

    const interactions = new InteractionsEndpoint(this, 'Interactions', {
      make,
      table: this.table,
      slackSecret,
      applyStateMachine: this.applyStateMachine,
      approverIds: config.slack.approverIds,
      highRiskApproverIds: config.slack.highRiskApproverIds,
      enabledExecutors: config.enabledExecutors,
      reservedConcurrency: config.interactionsReservedConcurrency,
    });

    analysisSchedule(this, 'AnalysisSchedule', this.analysisStateMachine, config.schedules.analysisAt, config.schedules.timeZone);

    apply.denyChangesTo([
      this.table.tableArn,
      ...created.flatMap((fn) => [fn.function.functionArn, `${fn.function.functionArn}:*`, fn.logGroup.logGroupArn, fn.role.roleArn]),
      this.analysisStateMachine.stateMachineArn,
      this.applyStateMachine.stateMachineArn,
      reports.bucket.bucketArn,
      reports.bucket.arnForObjects('*'),
    ]);

    for (const fn of created) acknowledgeFunctionFindings(fn);
    const ids = (roles: HandlerRole[]) => roles.map((role) => HANDLERS[role].logicalId);
    acknowledgeStateMachineFindings(
      this.analysisStateMachine,
      ids(['plan', 'analyse-batch', 'forecast', 'prioritise', 'persist-run', 'notify-slack', 'notify-email']),
    );
    acknowledgeStateMachineFindings(
      this.applyStateMachine,
      ids(['precheck', 'rollback-point', 'apply', 'validate', 'rollback', 'notify-outcome']),
    );
    this.functions = Object.fromEntries(created.map((fn) => [fn.handlerRole, fn.function])) as Record<HandlerRole, NodejsFunction>;

    new CfnOutput(this, 'InteractionsUrl', { value: interactions.url, description: 'Slack app Interactivity Request URL' });
    new CfnOutput(this, 'TableName', { value: tableName });
    new CfnOutput(this, 'AnalysisStateMachineArn', { value: this.analysisStateMachine.stateMachineArn });
    new CfnOutput(this, 'ApplyStateMachineArn', { value: this.applyStateMachine.stateMachineArn });
    new CfnOutput(this, 'SlackSecretArn', { value: slackSecret.secretArn, description: 'Store {"botToken","signingSecret"} here' });
  }
}

/**
 * `ses:SendEmail` on the sender's identity only: SES authorises against the address identity or, when the
 * whole domain is verified, the domain identity, so both ARNs are listed.
 */
function sendEmailStatement(sender: string): iam.PolicyStatement {
  const domain = sender.slice(sender.indexOf('@') + 1);
  const identity = (name: string) => `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${name}`;
  return new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: [identity(sender), identity(domain)] });
}
