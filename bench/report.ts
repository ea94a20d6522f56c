/** Renders the bench table for the console and for bench/RESULTS.md. */
import type { Machine } from './machine';

export type Row =
  | { section: string }
  | { measure: string; ours: string; bare?: string; ratio?: string; target?: string; ok?: boolean };

const HEAD = ['Measure', 'Giliran', 'Baseline', 'Ratio', 'Target', ''];

const cells = (r: Exclude<Row, { section: string }>): string[] => [
  r.measure, r.ours, r.bare ?? '', r.ratio ?? '', r.target ?? '', r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED',
];

export const renderReport = (input: {
  facts: Machine;
  params: Record<string, number>;
  rows: Row[];
  seconds: number;
  statuses: string;
}) => {
  const { facts, params, rows, seconds } = input;
  const data = rows.filter((r): r is Exclude<Row, { section: string }> => !('section' in r)).map(cells);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...data.map((d) => d[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  const consoleLines: string[] = [];
  for (const r of rows) {
    if ('section' in r) consoleLines.push('', r.section, line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '));
    else consoleLines.push(line(cells(r)));
  }
  const paramText = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(', ');
  if (input.statuses) consoleLines.push('', `Booking statuses: ${input.statuses} (409 = slot full)`);
  consoleLines.push(`whole run ${seconds.toFixed(0)} s; ${paramText}`);

  const md: string[] = [
    '# Giliran benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts). Each server runs in its own process on 127.0.0.1; the load',
    'generator (C keep-alive workers sharing the N attempts for the burst, socket.io-client for the fan-out) runs in a third. The baseline is',
    'bench/baseline-server.ts: express + better-sqlite3 doing the same capacity-checked insert in one',
    'BEGIN IMMEDIATE transaction (WAL, synchronous FULL), and a bare socket.io server emitting a call to the same sockets.',
    '',
    `- Date: ${facts.date}`,
    `- Machine: ${facts.cores} cores (${facts.cpu}), ${facts.memory}, ${facts.os}, load average at the end ${facts.load}`,
    `- Node: ${facts.node}`,
    `- Parameters: ${paramText}. Each burst follows WARMUP attempts on a separate slot (which also open the connections); REPS bursts per server, alternating who goes first, each on fresh slots`,
    '  (throughput: the best run of each; CPU: the mean). Fan-out: two warm-up calls, then the calls alternate between the two servers, whose sockets stay connected together.',
    '- The machine is shared with other work while this runs: throughput and latency move with its load; the server CPU time per attempt is the steadier comparison.',
    `- Whole run: ${seconds.toFixed(0)} s`,
    '',
  ];
  for (const r of rows) {
    if ('section' in r) {
      md.push('', `### ${r.section}`, '', `| ${HEAD.join(' | ')} |`, `|${HEAD.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    } else {
      md.push(`| ${cells(r).join(' | ')} |`);
    }
  }
  if (input.statuses) md.push('', `Booking statuses: ${input.statuses} (409 = slot full).`);
  md.push('');
  return { console: consoleLines.join('\n'), markdown: md.join('\n') };
};
