import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ProcessSampler, parseCpuSeconds, parsePeakRssMb } from '../../bench/process-sampler.js';

describe('/proc parsing', () => {
  it('reads VmHWM from a status file', () => {
    expect(parsePeakRssMb('Name:\tnode\nVmPeak:\t 999 kB\nVmHWM:\t  204800 kB\nVmRSS:\t 1 kB\n')).toBe(200);
    expect(parsePeakRssMb('Name:\tkthreadd\n')).toBeNull();
  });

  it('adds user, system and waited-for children times from a stat file, whatever the command name', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
    const stat = '4242 (node (worker) x) R 1 4242 4242 0 -1 4194304 100 0 0 0 250 50 120 30 20 0 11 0';
    expect(parseCpuSeconds(stat)).toBeCloseTo(4.5, 5);
    expect(parseCpuSeconds('4242 (node) R 1')).toBeNull();
  });
});

describe.runIf(process.platform === 'linux')('ProcessSampler', () => {
  it('sees the memory and CPU time of a busy child', async () => {
    // The child burns 0.3 s of CPU (however long that takes on a loaded machine), says so, and waits.
    const script = 'const a = Buffer.alloc(64 * 1024 * 1024, 1); while (process.cpuUsage().user < 300000) a[0]++; console.log("done"); setInterval(() => {}, 1000);';
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const sampler = new ProcessSampler(child.pid!, 20);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    const usage = sampler.stop();
    child.kill();
    expect(usage.peakRssMb).toBeGreaterThan(64);
    expect(usage.cpuSeconds).toBeGreaterThanOrEqual(0.25);
  });
});
