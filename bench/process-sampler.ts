/**
 * Samples a running child process from Linux's /proc: its peak resident memory (VmHWM) and
 * the CPU time of it and of the children it has waited for. CPU time matters on a shared
 * machine, where wall time also measures everyone else's load. Elsewhere the figures are null.
 */

import { readFileSync } from 'node:fs';

/** What a sampler saw, at its last sample before the process ended. */
export interface ProcessUsage {
  peakRssMb: number | null;
  cpuSeconds: number | null;
}

// /proc reports times in USER_HZ ticks, which Linux fixes at 100 per second for user space.
const TICKS_PER_SECOND = 100;
const VM_HWM = /^VmHWM:\s+(\d+)\s+kB/m;

/** Peak RSS in MB from the text of /proc/<pid>/status, or null. */
export function parsePeakRssMb(status: string): number | null {
  const match = VM_HWM.exec(status);
  return match ? Number(match[1]) / 1024 : null;
}

/** User + system CPU seconds (own and waited-for children) from the text of /proc/<pid>/stat, or null. */
export function parseCpuSeconds(stat: string): number | null {
  // The command name (field 2) may contain spaces; fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].map((index) => Number(fields[index]));
  if (ticks.some((value) => !Number.isFinite(value))) return null;
  return ticks.reduce((sum, value) => sum + value, 0) / TICKS_PER_SECOND;
}

/**
 * Polls a process until `stop()`.
 *
 * @example
 * const sampler = new ProcessSampler(child.pid!);
 * child.on('exit', () => console.log(sampler.stop()));
 */
export class ProcessSampler {
  private readonly timer: NodeJS.Timeout;
  private usage: ProcessUsage = { peakRssMb: null, cpuSeconds: null };

  constructor(
    private readonly pid: number,
    intervalMs = 100,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    try {
      const peak = parsePeakRssMb(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      const cpu = parseCpuSeconds(readFileSync(`/proc/${this.pid}/stat`, 'utf8'));
      if (peak !== null) this.usage.peakRssMb = Math.max(this.usage.peakRssMb ?? 0, peak);
      if (cpu !== null) this.usage.cpuSeconds = cpu;
    } catch {
      // The process has exited (or this is not Linux): keep the last figures.
    }
  }

  /** Takes a last sample (if the process still exists) and stops polling. */
  stop(): ProcessUsage {
    this.sample();
    clearInterval(this.timer);
    return { ...this.usage };
  }
}
