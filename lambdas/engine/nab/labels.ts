import { z } from 'zod';

/**
 * NAB `labels/combined_windows.json`: `"<category>/<file>.csv"` → list of `[start, end]` timestamp
 * strings (`YYYY-MM-DD HH:MM:SS.ffffff`), inclusive at both ends.
 */
export const NabWindowsSchema = z.record(
  z.string().min(1),
  z.array(z.tuple([z.string().min(1), z.string().min(1)])),
);

export type NabWindows = z.infer<typeof NabWindowsSchema>;
