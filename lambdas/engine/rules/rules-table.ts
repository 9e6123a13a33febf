import { accountRules, rules } from './index.js';

/** The rules as a Markdown table (id, domain, resource type, what it does), in registry order; account rules last. */
export function rulesTable(): string {
  const rows = [
    ...rules.map((rule) => `| \`${rule.id}\` | ${rule.domain} | \`${rule.resourceType}\` | ${rule.summary} |`),
    ...accountRules.map((rule) => `| \`${rule.id}\` | ${rule.domain} | whole account | ${rule.summary} |`),
  ];
  return ['| rule | domain | resource | what it recommends |', '|---|---|---|---|', ...rows].join('\n');
}
