/** Laporan: a day or a date range, per service and per counter, a chart, and the CSV download. */
import { arrivalsChart, waitChart } from '../chart';
import { bi, button, dateText, esc, field, input, num, section, submit } from '../html';
import type { Report, State } from '../state';
import { skmView } from './skm';

type Figures = Report['total'];

const tiles = (t: Figures): string =>
  [
    ['Diterbitkan', 'Issued', num(t.issued)],
    ['Dilayani', 'Served', num(t.served)],
    ['Tidak hadir', 'No-show', num(t.noShow)],
    ['Reservasi batal', 'Cancelled bookings', num(t.cancelledBookings)],
    ['Tunggu rata-rata', 'Average wait', `${num(t.averageWaitMinutes)}′`],
    ['Tunggu P90', 'P90 wait', `${num(t.p90WaitMinutes)}′`],
    ['Layanan rata-rata', 'Average service', `${num(t.averageServiceMinutes)}′`],
  ]
    .map(([id, en, v]) => `<div class="stat">${bi(id!, en!)}<strong>${esc(v)}</strong></div>`)
    .join('');

const timing = (f: Pick<Figures, 'averageWaitMinutes' | 'p90WaitMinutes' | 'averageServiceMinutes' | 'p90ServiceMinutes'>) =>
  `<td class="num">${num(f.averageWaitMinutes)}</td><td class="num">${num(f.p90WaitMinutes)}</td><td class="num">${num(f.averageServiceMinutes)}</td><td class="num">${num(f.p90ServiceMinutes)}</td>`;

const TIMING_HEAD = `<th>${bi('Tunggu rata²', 'Avg wait')}</th><th>${bi('Tunggu P90', 'P90 wait')}</th><th>${bi('Layanan rata²', 'Avg service')}</th><th>${bi('Layanan P90', 'P90 service')}</th>`;

export const reportsView = (st: State): string => {
  const { from, to, data } = st.report;
  const office = st.officeId!;
  const csv = (delimiter: string) => `/api/offices/${encodeURIComponent(office)}/reports?from=${from}&to=${to}&format=csv${delimiter ? `&delimiter=${delimiter}` : ''}`;
  const controls = `<form class="row gap wrap" data-form="report">
      ${field('Dari', 'From', input('from', from, { type: 'date', required: true }))}
      ${field('Sampai', 'To', input('to', to, { type: 'date', required: true }))}
      <div class="actions">${submit('Tampilkan', 'Show')}
        ${button('Kemarin', 'Yesterday', { 'data-action': 'report-range', 'data-range': 'yesterday' }, 'small')}
        ${button('Hari ini', 'Today', { 'data-action': 'report-range', 'data-range': 'today' }, 'small')}
        ${button('7 hari', '7 days', { 'data-action': 'report-range', 'data-range': 'week' }, 'small')}
        ${button('Bulan ini', 'This month', { 'data-action': 'report-range', 'data-range': 'month' }, 'small')}
      </div>
      <div class="actions downloads">
        <a class="btn" href="${esc(csv(''))}" download>${bi('Unduh CSV', 'Download CSV')}</a>
        <a class="btn ghost" href="${esc(csv('semicolon'))}" download title="Excel berbahasa Indonesia memakai titik koma">${bi('CSV (;)', 'CSV for Excel ID')}</a>
      </div>
    </form>`;
  if (!data) return section('Laporan', 'Reports', `${controls}<p class="muted">${bi('Memuat…', 'Loading…')}</p>`);
  const period = from === to ? dateText(from) : `${dateText(from)} – ${dateText(to)}`;
  const services = `<table class="grid numbers"><thead><tr><th>${bi('Layanan', 'Service')}</th><th>${bi('Terbit', 'Issued')}</th><th>${bi('Dipanggil', 'Called')}</th><th>${bi('Dilayani', 'Served')}</th><th>${bi('Tdk hadir', 'No-show')}</th><th>${bi('Resv. batal', 'Cancelled')}</th><th title="Kasus mendesak: dilayani pada layanan yang tutup">${bi('Mendesak', 'Urgent')}</th><th title="Dilayani dengan surat keterangan karena blanko KTP-el habis">${bi('Suket', 'Suket')}</th>${TIMING_HEAD}</tr></thead><tbody>${data.services
    .map((s) => `<tr><td><span class="svc">${esc(s.service)}</span> ${esc(s.name)}</td><td class="num">${s.issued}</td><td class="num">${s.called}</td><td class="num">${s.served}</td><td class="num">${s.noShow}</td><td class="num">${s.cancelledBookings}</td><td class="num">${s.urgent}</td><td class="num">${s.suket}</td>${timing(s)}</tr>`)
    .join('')}<tr class="total"><td>${bi('Semua layanan', 'All services')}</td><td class="num">${data.total.issued}</td><td class="num">${data.total.called}</td><td class="num">${data.total.served}</td><td class="num">${data.total.noShow}</td><td class="num">${data.total.cancelledBookings}</td><td class="num">${data.total.urgent}</td><td class="num">${data.total.suket}</td>${timing(data.total)}</tr></tbody></table>`;
  const counters = `<table class="grid numbers"><thead><tr><th>${bi('Loket', 'Counter')}</th><th>${bi('Dipanggil', 'Called')}</th><th>${bi('Dilayani', 'Served')}</th><th>${bi('Tdk hadir', 'No-show')}</th>${TIMING_HEAD}</tr></thead><tbody>${data.counters
    .map((c) => `<tr><td>Loket ${esc(c.counter)}</td><td class="num">${c.called}</td><td class="num">${c.served}</td><td class="num">${c.noShow}</td>${timing(c)}</tr>`)
    .join('')}</tbody></table>`;
  const days =
    data.days.length > 1
      ? section('Per hari', 'Per day', `<table class="grid compact"><thead><tr><th>${bi('Tanggal', 'Date')}</th><th>${bi('Terbit', 'Issued')}</th><th>${bi('Dilayani', 'Served')}</th><th>${bi('Tdk hadir', 'No-show')}</th><th>${bi('Resv. batal', 'Cancelled')}</th></tr></thead><tbody>${data.days
          .map((d) => `<tr><td>${esc(dateText(d.date))}</td><td class="num">${d.issued}</td><td class="num">${d.served}</td><td class="num">${d.noShow}</td><td class="num">${d.cancelledBookings}</td></tr>`)
          .join('')}</tbody></table>`)
      : '';
  return `${section('Laporan', 'Reports', controls)}
    <div class="period"><h3>${esc(data.officeName)} · ${esc(period)}</h3><div class="tiles stats">${tiles(data.total)}</div></div>
    <div class="cols wide-left">${section('Kedatangan per jam', 'Arrivals per hour', arrivalsChart(data))}${section('Waktu tunggu (menit)', 'Wait (minutes)', waitChart(data))}</div>
    ${section('Per layanan', 'Per service', services)}
    ${section('Per loket', 'Per counter', counters)}
    ${days}
    <p class="hint">${bi('Tunggu: dari mengambil nomor (atau dipindah layanan) sampai dipanggil. Layanan: dari mulai sampai selesai. P90: 90% pengunjung menunggu selama ini atau kurang.', 'Wait: from taking a number (or a transfer) to the call. Service: from start to completion. P90: 90% waited this long or less.')}</p>
    ${skmView(st)}`;
};
