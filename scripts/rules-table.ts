// Prints the README's rules table from the rule registry (npm run rules-table); a test keeps the README in step.
import { rulesTable } from '../lambdas/engine/rules/rules-table.js';

process.stdout.write(`${rulesTable()}\n`);
