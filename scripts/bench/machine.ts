/** A description of the machine a run was made on, recorded with every figure. */
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGB: number;
  node: string;
  os: string;
  loadAverageAtStart: number[];
  note: string;
}

export function describeMachine(): Machine {
  const c = cpus();
  return {
    cpuModel: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    note: 'shared machine (several engineers building and testing at once): compare ratios within one run, not absolute figures across runs',
  };
}
