/**
 * Progress lines for the phases of a local run, each ending with the phase's wall and CPU seconds
 * (`user+sys` of this process): on a shared machine wall time grows with the load, CPU time does not.
 */
export function phaseTimer(progress: (line: string) => void) {
  return async function phase<T>(name: string, work: () => Promise<T>, summary: (result: T) => string = () => 'done'): Promise<T> {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const result = await work();
    const used = process.cpuUsage(cpu);
    progress(`${name}: ${summary(result)} (${((performance.now() - wall) / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU)`);
    return result;
  };
}
