/** The IPC side of a forked bench server: announce readiness, answer RSS questions. */
export type Ready = { type: 'ready'; port: number; kioskToken: string | null };
export type RssAnswer = { type: 'rss'; rss: number; heapUsed: number };

export const answerIpc = (ready: Omit<Ready, 'type'>): void => {
  process.on('message', (msg: { type?: string }) => {
    if (msg?.type !== 'rss') return;
    const usage = process.memoryUsage();
    process.send?.({ type: 'rss', rss: usage.rss, heapUsed: usage.heapUsed } satisfies RssAnswer);
  });
  process.send?.({ type: 'ready', ...ready } satisfies Ready);
};
