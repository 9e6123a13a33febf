import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { HandlerRole } from '../handlers.js';
import { tableWriteStatements } from '../table-access.js';

/**
 * Read access to the whole table, and writes only to the item kinds lib/table-access.ts lists for the role, as
 * `ForAllValues:StringLike dynamodb:LeadingKeys` plus `Null dynamodb:LeadingKeys = false` (ForAllValues alone would
 * also match a request without the key).
 */
export function grantTableAccess(table: dynamodb.ITableV2, fn: IFunction, role: HandlerRole): void {
  table.grantReadData(fn);
  for (const statement of tableWriteStatements(role)) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: statement.actions,
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': statement.leadingKeys }, Null: { 'dynamodb:LeadingKeys': 'false' } },
      }),
    );
  }
}
