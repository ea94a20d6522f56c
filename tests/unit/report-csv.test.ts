import { describe, expect, it } from 'vitest';
import { rangeCsv, reportCsv } from '../../server/domain/reportCsv';
import type { Figures, RangeReport, ServiceDayReport } from '../../shared/staffTypes';

const figures: Figures = {
  issued: 3, called: 2, served: 1, noShow: 1, cancelledBookings: 0, urgent: 1, suket: 2, averageWaitMinutes: 12.5, p90WaitMinutes: 20, averageServiceMinutes: null, p90ServiceMinutes: null,
};
const report: RangeReport = {
  office: 'kota',
  officeName: 'Kota',
  from: '2026-11-24',
  to: '2026-11-25',
  services: [{ service: 'A', name: '=Pengambilan, "Dokumen"', nameEn: 'Pickup', ...figures }],
  total: figures,
  counters: [{ counterId: 7, counter: '1', called: 2, served: 1, noShow: 1, averageWaitMinutes: 12.5, p90WaitMinutes: 20, averageServiceMinutes: null, p90ServiceMinutes: null }],
  arrivalsPerHour: [{ hour: 8, total: 2, byService: { A: 2 } }, { hour: 9, total: 1, byService: { A: 1 } }],
  days: [],
};
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('the range report as CSV', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    const csv = rangeCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines(csv)).toHaveLength(5);
  });

  it('heads its columns in Indonesian and English, with a column per hour of arrivals', () => {
    expect(lines(rangeCsv(report))[0]).toBe(
      'Dari / From,Sampai / To,Jenis / Kind,Kode / Code,Nama / Name,Diterbitkan / Issued,Dipanggil / Called,Dilayani / Served,' +
        'Tidak hadir / No-show,Reservasi batal / Cancelled bookings,Rata-rata tunggu (menit) / Average wait (min),P90 tunggu (menit) / P90 wait (min),' +
        'Rata-rata layanan (menit) / Average service (min),P90 layanan (menit) / P90 service (min),Kasus mendesak / Urgent cases,Suket (tanpa blanko) / Suket (no blank card),Datang 08:00 / Arrivals 08:00,Datang 09:00 / Arrivals 09:00',
    );
  });

  it('has a row per service, the total, and a row per counter', () => {
    const [, service, total, counter] = lines(rangeCsv(report));
    expect(service).toBe(`2026-11-24,2026-11-25,layanan,A,"'=Pengambilan, ""Dokumen""",3,2,1,1,0,12.5,20,,,1,2,2,1`);
    expect(total).toBe('2026-11-24,2026-11-25,total,,Semua layanan / All services,3,2,1,1,0,12.5,20,,,1,2,2,1');
    expect(counter).toBe('2026-11-24,2026-11-25,loket,7,Loket 1,,2,1,1,,12.5,20,,,,,,');
  });

  it('keeps a name that starts like a formula as text', () => {
    expect(lines(rangeCsv(report))[1]).toContain(`"'=Pengambilan`);
  });

  it('separates with ";" and writes decimal commas for a spreadsheet set to Indonesian', () => {
    expect(lines(rangeCsv(report, ';'))[2]).toBe('2026-11-24;2026-11-25;total;;Semua layanan / All services;3;2;1;1;0;12,5;20;;;1;2;2;1');
  });
});

describe('the daily report as CSV', () => {
  it('names its columns for machines and has a row per service', () => {
    const rows: ServiceDayReport[] = [{ service: 'A', name: 'Legalisir', nameEn: 'Legalisation', ...figures }];
    expect(lines(reportCsv('2026-11-24', rows))).toEqual([
      'date,service,name,issued,served,no_show,cancelled_bookings,average_wait_minutes,p90_wait_minutes,average_service_minutes,p90_service_minutes,urgent,suket',
      '2026-11-24,A,Legalisir,3,1,1,0,12.5,20,,,1,2',
      '',
    ]);
  });
});
