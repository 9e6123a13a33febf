import { z } from 'zod';
import type { HourlySpend } from '../../engine/insights/hourly-compute-spend.js';

const MS_PER_HOUR = 3_600_000;

/**
 * Compact storage of a batch's hourly compute spend: one item per batch per account holding a packed array — the
 * first hour and the USD of every hour from it to the last (0 for hours without spend), rounded to 1e-6 USD. 14 days
 * are 336 numbers (≈ 3 KB as JSON), a 400-day lookback 9,600 (≈ 100 KB): well under DynamoDB's 400 KB item limit
 * whatever the number of resources in the batch, since resources of one account are summed before storing.
 */
export const PackedComputeSpendSchema = z.object({
  account: z.string().min(1),
  firstHourStart: z.number().int(),
  usd: z.array(z.number().nonnegative()),
});
export type PackedComputeSpend = z.infer<typeof PackedComputeSpendSchema>;

export const computeSpendKeys = {
  prefix: 'COMPUTE#',
  batchPrefix: (batchId: string) => `COMPUTE#${batchId}#`,
  item: (batchId: string, account: string) => `COMPUTE#${batchId}#${account}`,
} as const;

/** Rows (any order, any accounts) → one packed record per account, accounts sorted. */
export function packComputeSpend(rows: readonly HourlySpend[]): PackedComputeSpend[] {
  const byAccount = new Map<string, HourlySpend[]>();
  for (const row of rows) {
    const list = byAccount.get(row.account);
    if (list) list.push(row);
    else byAccount.set(row.account, [row]);
  }
  return [...byAccount.keys()].sort().map((account) => {
    const list = byAccount.get(account)!;
    let first = Infinity;
    let last = -Infinity;
    for (const r of list) {
      first = Math.min(first, r.hourStart);
      last = Math.max(last, r.hourStart);
    }
    const usd = new Array<number>(Math.round((last - first) / MS_PER_HOUR) + 1).fill(0);
    for (const r of list) usd[Math.round((r.hourStart - first) / MS_PER_HOUR)] += r.usd;
    return { account, firstHourStart: first, usd: usd.map((v) => Math.round(v * 1e6) / 1e6) };
  });
}

/** Packed records (several batches) → rows summed by account and hour, zero hours dropped, sorted by account, hour. */
export function unpackComputeSpend(packed: readonly PackedComputeSpend[]): HourlySpend[] {
  const sums = new Map<string, Map<number, number>>();
  for (const p of packed) {
    let hours = sums.get(p.account);
    if (!hours) sums.set(p.account, (hours = new Map()));
    p.usd.forEach((usd, i) => {
      if (usd > 0) hours.set(p.firstHourStart + i * MS_PER_HOUR, (hours.get(p.firstHourStart + i * MS_PER_HOUR) ?? 0) + usd);
    });
  }
  const rows: HourlySpend[] = [];
  for (const account of [...sums.keys()].sort()) {
    const hours = sums.get(account)!;
    for (const hourStart of [...hours.keys()].sort((a, b) => a - b)) rows.push({ account, hourStart, usd: hours.get(hourStart)! });
  }
  return rows;
}
