/** The IPC side of a forked bench server: announce readiness, answer RSS questions. */
export type Ready = { type: 'ready'; port: number; kioskToken: string | null };
/** Memory and the CPU time used so far (µs, user + system): CPU per request is steadier than throughput on a shared machine. */
export type RssAnswer = { type: 'rss'; rss: number; heapUsed: number; cpuMicros: number };

export const answerIpc = (ready: Omit<Ready, 'type'>): void => {
  process.on('message', (msg: { type?: string }) => {
    if (msg?.type !== 'rss') return;
    const usage = process.memoryUsage();
    const cpu = process.cpuUsage();
    process.send?.({ type: 'rss', rss: usage.rss, heapUsed: usage.heapUsed, cpuMicros: cpu.user + cpu.system } satisfies RssAnswer);
  });
  process.send?.({ type: 'ready', ...ready } satisfies Ready);
};
