/** Renders the bench table for the console and for bench/RESULTS.md. */
import type { Machine } from './machine';

/** A section heads a table (its two compared columns default to Giliran and the baseline); a note follows it. */
export type Row =
  | { section: string; columns?: [string, string] }
  | { note: string }
  | { measure: string; ours: string; bare?: string; ratio?: string; target?: string; ok?: boolean };
type Measure = Extract<Row, { measure: string }>;

const head = (columns: [string, string] = ['Giliran', 'Baseline']) => ['Measure', ...columns, 'Ratio', 'Target', ''];

const wrap = (text: string, width: number): string[] =>
  text.split(' ').reduce<string[]>((lines, word) => {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
    return lines;
  }, []);

const cells = (r: Measure): string[] => [
  r.measure, r.ours, r.bare ?? '', r.ratio ?? '', r.target ?? '', r.ok === undefined ? '' : r.ok ? 'met' : 'not met',
];

export const renderReport = (input: {
  facts: Machine;
  params: Record<string, number>;
  rows: Row[];
  seconds: number;
  statuses: string;
}) => {
  const { facts, params, rows, seconds } = input;
  const data = rows.filter((r): r is Measure => 'measure' in r).map(cells);
  const heads = rows.flatMap((r) => ('section' in r ? [head(r.columns)] : []));
  const widths = head().map((_, i) => Math.max(...[...heads, ...data].map((d) => d[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  const consoleLines: string[] = [];
  for (const r of rows) {
    if ('section' in r) consoleLines.push('', r.section, line(head(r.columns)), widths.map((w) => '-'.repeat(w)).join('  '));
    else if ('note' in r) consoleLines.push(...wrap(r.note, 120));
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
    'The history section (bench/history.ts) compares the same server on a year of one office\'s history with itself on a fresh',
    'database, both running side by side; its targets are issue 16\'s. Event-loop delay is measured inside each server process',
    '(perf_hooks.monitorEventLoopDelay); under the burst and the fan-out one turn of the loop serves every request that is ready,',
    'so there it is the length of a turn and is shown without a target.',
    '',
    `- Date: ${facts.date}`,
    `- Machine: ${facts.cores} cores (${facts.cpu}), ${facts.memory}, ${facts.os}, load average at the end ${facts.load}`,
    `- Node: ${facts.node}`,
    `- Parameters: ${paramText}. Each burst follows WARMUP attempts on a separate slot (which also open the connections); REPS bursts per server, alternating who goes first, each on fresh slots`,
    '  (throughput: the best run of each; CPU: the mean). Fan-out: two warm-up calls, then the calls alternate between the two servers, whose sockets stay connected together.',
    '  History: HISTORY_OPS samples of each live operation on each database, alternating.',
    '- The machine is shared with other work while this runs: throughput and latency move with its load; the server CPU time per attempt is the steadier comparison.',
    `- Whole run: ${seconds.toFixed(0)} s`,
    '',
  ];
  for (const r of rows) {
    if ('section' in r) {
      const h = head(r.columns);
      md.push('', `### ${r.section}`, '', `| ${h.join(' | ')} |`, `|${h.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    } else if ('note' in r) {
      md.push('', r.note);
    } else {
      md.push(`| ${cells(r).join(' | ')} |`);
    }
  }
  if (input.statuses) md.push('', `Booking statuses: ${input.statuses} (409 = slot full).`);
  md.push('');
  return { console: consoleLines.join('\n'), markdown: md.join('\n') };
};
