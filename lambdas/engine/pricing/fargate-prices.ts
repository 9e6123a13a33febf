/**
 * AWS Fargate on-demand prices for us-east-1 (US East, N. Virginia), Linux, USD, as published on
 * https://aws.amazon.com/fargate/pricing/ (checked 2026-12-08; the same figures appear in public price write-ups of
 * 2025–2026). Fargate bills per second for the vCPU and memory a task definition declares, whatever the task uses:
 *
 *   task $/hour = vCPU × vcpuHourUsd + memory GB × gbHourUsd
 *
 * Linux/ARM (Graviton) is 20 % below Linux/x86 on both dimensions. Fargate Spot runs the same tasks on spare capacity
 * "at up to a 70 % discount" (same page; the Spot price moves with supply): FARGATE_SPOT_MAX_DISCOUNT is that bound, so
 * Spot savings are an upper estimate. Fargate Spot does not run Linux/ARM64 or Windows tasks (Amazon ECS Developer
 * Guide, "Amazon ECS clusters for Fargate": "Linux tasks with the ARM64 architecture don't support the Fargate Spot
 * capacity provider").
 */
export type FargateArchitecture = 'X86_64' | 'ARM64';

export const FARGATE_VCPU_HOUR_USD: Readonly<Record<FargateArchitecture, number>> = { X86_64: 0.04048, ARM64: 0.03238 };
export const FARGATE_GB_HOUR_USD: Readonly<Record<FargateArchitecture, number>> = { X86_64: 0.004445, ARM64: 0.00356 };
export const FARGATE_SPOT_MAX_DISCOUNT = 0.7;

/**
 * The task CPU and memory combinations Fargate accepts for Linux tasks (Amazon ECS Developer Guide, "Task CPU and
 * memory"; RegisterTaskDefinition rejects any other pair with "No Fargate configuration exists for given values"):
 * CPU units → memory MiB. 8 and 16 vCPU need platform version 1.4.0 or later (the default LATEST).
 */
export const FARGATE_TASK_SIZES: ReadonlyArray<{ cpuUnits: number; memoryMiB: readonly number[] }> = [
  { cpuUnits: 256, memoryMiB: [512, 1024, 2048] },
  { cpuUnits: 512, memoryMiB: range(1024, 4096, 1024) },
  { cpuUnits: 1024, memoryMiB: range(2048, 8192, 1024) },
  { cpuUnits: 2048, memoryMiB: range(4096, 16384, 1024) },
  { cpuUnits: 4096, memoryMiB: range(8192, 30720, 1024) },
  { cpuUnits: 8192, memoryMiB: range(16384, 61440, 4096) },
  { cpuUnits: 16384, memoryMiB: range(32768, 122880, 8192) },
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** Whether Fargate accepts a (CPU units, memory MiB) pair for a Linux task. */
export function isFargateTaskSize(cpuUnits: number, memoryMiB: number): boolean {
  return FARGATE_TASK_SIZES.some((size) => size.cpuUnits === cpuUnits && size.memoryMiB.includes(memoryMiB));
}
