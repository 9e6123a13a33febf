/** Lambda allocates CPU in proportion to memory; at 1,769 MB a function has the equivalent of one full vCPU. */
export const ONE_VCPU_MEMORY_MB = 1769;

/** Share of one vCPU a function gets at `memoryMb` (single-threaded code cannot use more than one). */
export function cpuShare(memoryMb: number): number {
  return Math.min(memoryMb, ONE_VCPU_MEMORY_MB) / ONE_VCPU_MEMORY_MB;
}

/**
 * Projected duration at `toMb` of a function that takes `durationMs` at `fromMb`, of which the fraction `cpuBound`
 * is CPU work (the rest waits on I/O and does not change with memory):
 *
 *   d(to) = d(from) × ((1 − f) + f × share(from) / share(to)),  share(m) = min(m, 1769) / 1769
 *
 * i.e. CPU-bound time scales inversely with memory below 1,769 MB and is flat above it (single-threaded model).
 * Example: 400 ms at 1,024 MB, f = 0.25, to 512 MB → 400 × (0.75 + 0.25 × 2) = 500 ms.
 */
export function projectDurationMs(durationMs: number, fromMb: number, toMb: number, cpuBound: number): number {
  const f = Math.min(1, Math.max(0, cpuBound));
  return durationMs * (1 - f + (f * cpuShare(fromMb)) / cpuShare(toMb));
}

/** Memory sizes the rule considers, MB (Lambda accepts 128–10,240 in 1 MB steps; these are the usual stops). */
export const MEMORY_STEPS_MB: readonly number[] = [128, 256, 384, 512, 640, 768, 1024, 1280, 1536, 1769, 2048, 3008, 4096, 5120, 6144, 8192, 10240];
