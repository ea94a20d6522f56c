/** Inline SVG charts for the reports (no library): arrivals per hour stacked by service, and waits per service. */
import { esc } from './html';
import type { Report } from './state';

export const SERVICE_COLOURS = ['#1d5fd1', '#e07b00', '#138a5b', '#8e44ad', '#c6323a', '#0f8ea8', '#6d6d00', '#d14d8b'];

const niceMax = (n: number): number => {
  if (n <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
};

export const arrivalsChart = (r: Report, width = 620, height = 240): string => {
  // Colours follow the service's place in the report; the legend lists only services that had arrivals.
  const colourOf = (code: string) => SERVICE_COLOURS[r.services.findIndex((s) => s.service === code) % SERVICE_COLOURS.length];
  const shown = r.services.filter((s) => s.issued > 0);
  const codes = shown.map((s) => s.service);
  const pad = { l: 36, r: 10, t: 12, b: 30 };
  const w = width - pad.l - pad.r;
  const h = height - pad.t - pad.b;
  const max = niceMax(Math.max(1, ...r.arrivalsPerHour.map((x) => x.total)));
  const band = w / Math.max(1, r.arrivalsPerHour.length);
  const bar = Math.min(40, band * 0.7);
  const y = (v: number) => pad.t + h - (v / max) * h;
  const step = max <= 5 ? 1 : max / 5;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  const grid = ticks
    .map((v) => `<line x1="${pad.l}" x2="${width - pad.r}" y1="${y(v)}" y2="${y(v)}" class="gridline" /><text x="${pad.l - 6}" y="${y(v) + 4}" text-anchor="end" class="axis">${v}</text>`)
    .join('');
  const bars = r.arrivalsPerHour
    .map((slot, i) => {
      const x = pad.l + i * band + (band - bar) / 2;
      let base = 0;
      const parts = codes
        .map((code) => {
          const n = slot.byService[code] ?? 0;
          if (!n) return '';
          const rect = `<rect x="${x}" y="${y(base + n)}" width="${bar}" height="${y(base) - y(base + n)}" fill="${colourOf(code)}"><title>${String(slot.hour).padStart(2, '0')}:00 · ${esc(code)}: ${n}</title></rect>`;
          base += n;
          return rect;
        })
        .join('');
      const label = `<text x="${x + bar / 2}" y="${height - pad.b + 16}" text-anchor="middle" class="axis">${String(slot.hour).padStart(2, '0')}</text>`;
      const total = slot.total ? `<text x="${x + bar / 2}" y="${y(slot.total) - 4}" text-anchor="middle" class="value">${slot.total}</text>` : '';
      return parts + label + total;
    })
    .join('');
  const summary = r.arrivalsPerHour.map((x) => `${String(x.hour).padStart(2, '0')}:00 ${x.total}`).join(', ');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Kedatangan per jam / Arrivals per hour: ${esc(summary)}">
    ${grid}<line x1="${pad.l}" x2="${width - pad.r}" y1="${y(0)}" y2="${y(0)}" class="baseline" />${bars}</svg>
    <div class="legend">${shown.map((s) => `<span><i style="background:${colourOf(s.service)}"></i>${esc(s.service)} ${esc(s.name)}</span>`).join('')}</div>`;
};

/** Average and 90th-percentile wait per service, as horizontal bars. */
export const waitChart = (r: Report, width = 420): string => {
  const rows = r.services;
  const rowH = 34;
  const pad = { l: 46, r: 48, t: 6 };
  const height = pad.t + rows.length * rowH + 6;
  const max = niceMax(Math.max(1, ...rows.map((s) => s.p90WaitMinutes ?? 0)));
  const x = (v: number) => pad.l + (v / max) * (width - pad.l - pad.r);
  const body = rows
    .map((s, i) => {
      const top = pad.t + i * rowH;
      const colour = SERVICE_COLOURS[i % SERVICE_COLOURS.length];
      const avg = s.averageWaitMinutes ?? 0;
      const p90 = s.p90WaitMinutes ?? 0;
      return `<text x="${pad.l - 8}" y="${top + 19}" text-anchor="end" class="axis strong">${esc(s.service)}</text>
        <rect x="${pad.l}" y="${top + 4}" width="${x(p90) - pad.l}" height="22" fill="${colour}" opacity="0.28"><title>P90 ${p90} menit</title></rect>
        <rect x="${pad.l}" y="${top + 9}" width="${x(avg) - pad.l}" height="12" fill="${colour}"><title>Rata-rata ${avg} menit</title></rect>
        <text x="${x(p90) + 6}" y="${top + 19}" class="value">${s.averageWaitMinutes === null ? '–' : `${String(avg).replace('.', ',')} / ${String(p90).replace('.', ',')}′`}</text>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Waktu tunggu rata-rata dan P90 per layanan / Average and P90 wait per service">${body}</svg>
    <div class="legend"><span><i class="solid"></i>rata-rata / average</span><span><i class="faint"></i>P90</span></div>`;
};
