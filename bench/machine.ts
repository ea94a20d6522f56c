/** The machine a run was measured on. */
import { cpus, freemem, loadavg, totalmem, type } from 'node:os';

export const machine = () => {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    cores: cores.length,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GB (${(freemem() / 1024 ** 3).toFixed(1)} GB free)`,
    node: process.version,
    os: `${type()} ${process.arch}`,
    load: loadavg().map((l) => l.toFixed(2)).join(' '),
  };
};
export type Machine = ReturnType<typeof machine>;
