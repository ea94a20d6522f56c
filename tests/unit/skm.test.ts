/**
 * The satisfaction survey's rules (domain/skm, PermenPANRB 14/2017): the IKM of a set of answers,
 * its grade at each boundary, when a ticket's survey is open, and how a comment is kept anonymous.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { SKM_ELEMENTS } from '../../shared/skm';
import { DomainError } from '../../server/domain/errors';
import { checkCanAnswer, cleanComment, gradeOf, skmFigures, skmOf, skmReport, surveyStatusOf } from '../../server/domain/skm';
import { skmCsv } from '../../server/domain/skmCsv';
import { renderMessage, templateParams } from '../../server/jobs/templates';

const refusal = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
};

describe('the IKM', () => {
  it('a worked example: four answers, NRR per element, weighted mean 3.2778, IKM 81.94, grade B (Baik)', () => {
    //           U1 U2 U3 U4 U5 U6 U7 U8 U9
    const answers = [
      [4, 4, 3, 3, 4, 3, 4, 3, 4], // 32
      [3, 3, 3, 4, 3, 3, 3, 2, 3], // 27
      [4, 3, 4, 4, 4, 4, 4, 3, 3], // 33
      [2, 3, 3, 4, 3, 3, 3, 2, 3], // 26
    ];
    const f = skmOf(answers);
    expect(f.responses).toBe(4);
    // NRR = sum of an element's scores / answers: U1 = (4+3+4+2)/4 = 3.25 …
    expect(f.nrr).toEqual([3.25, 3.25, 3.25, 3.75, 3.5, 3.25, 3.5, 2.5, 3.25]);
    // Each NRR weighs 1/9: (3.25×5 + 3.75 + 3.5×2 + 2.5) / 9 = 29.5 / 9 = 3.27777…
    expect(f.average).toBe(3.2778);
    // × 25 = 81.9444… → 81.94, between 76.61 and 88.30: B, Baik.
    expect(f.ikm).toBe(81.94);
    expect(f.grade).toBe('B');
    expect(f.gradeText).toEqual({ id: 'Baik', en: 'Good' });
  });

  it('all 4s is 100.00 A, all 1s is 25.00 D', () => {
    expect(skmOf([Array(9).fill(4)])).toMatchObject({ ikm: 100, average: 4, grade: 'A', gradeText: { id: 'Sangat baik' } });
    expect(skmOf([Array(9).fill(1), Array(9).fill(1)])).toMatchObject({ ikm: 25, average: 1, grade: 'D', gradeText: { id: 'Tidak baik' } });
  });

  it('grades at the boundaries of the regulation: 64.99 D, 65.00 C, 76.60 C, 76.61 B, 88.30 B, 88.31 A', () => {
    expect([25, 64.99, 65, 76.6, 76.61, 88.3, 88.31, 100].map(gradeOf)).toEqual(['D', 'D', 'C', 'C', 'B', 'B', 'A', 'A']);
  });

  it('rounds the IKM once, half up, from the integer sums, so that a boundary is never missed by a floating-point error', () => {
    // 5,000 answers scoring 158,949 in all: 25 × 158949 / 45000 = 88.305 exactly → half up → 88.31, grade A.
    expect(skmFigures(5000, Array(9).fill(17661))).toMatchObject({ ikm: 88.31, grade: 'A' });
    // 40 answers scoring 369: 25 × 369 / 360 = 25.625 exactly → 25.63 (the mean 1.025 × 25 in floating point is 25.624999…).
    expect(skmFigures(40, [41, 41, 41, 41, 41, 41, 41, 41, 41])).toMatchObject({ average: 1.025, ikm: 25.63, grade: 'D' });
    // Exactly on the lower bound of C: 5 answers of 13 per element → mean 2.6 → 65.00.
    expect(skmFigures(5, Array(9).fill(13))).toMatchObject({ average: 2.6, ikm: 65, grade: 'C' });
    // 8 answers scoring 212: 25 × 212 / 72 = 73.611… → 73.61, C.
    expect(skmFigures(8, [24, 24, 24, 24, 24, 24, 24, 24, 20])).toMatchObject({ ikm: 73.61, grade: 'C' });
  });

  it('gives no figures without answers', () => {
    expect(skmFigures(0, Array(9).fill(0))).toEqual({ responses: 0, nrr: Array(9).fill(null), average: null, ikm: null, grade: null, gradeText: null });
  });

  it('the report adds every answer of all services (not a mean of the services\' IKMs), and hides retired services without answers', () => {
    const report = skmReport('demo', '2026-11-01', '2026-11-30', {
      officeName: 'Disdukcapil Demo',
      services: [
        { code: 'A', name: 'Pengambilan Dokumen', nameEn: 'Document pickup', active: true, responses: 1, sums: Array(9).fill(4) },
        { code: 'B', name: 'Legalisir', nameEn: 'Legalisation', active: true, responses: 3, sums: Array(9).fill(6) },
        { code: 'C', name: 'Perekaman', nameEn: 'Recording', active: true, responses: 0, sums: Array(9).fill(0) },
        { code: 'Z', name: 'Lama', nameEn: 'Old', active: false, responses: 0, sums: Array(9).fill(0) },
      ],
      comments: [],
    });
    expect(report.services.map((s) => [s.service, s.ikm, s.grade])).toEqual([['A', 100, 'A'], ['B', 50, 'D'], ['C', null, null]]);
    // (4 + 6) / 4 answers = 2.5 per element → 62.50, where the mean of the two services would be 75.
    expect(report.total).toMatchObject({ responses: 4, average: 2.5, ikm: 62.5, grade: 'D' });
  });

  it('exports as CSV with bilingual headers from the catalogue, one row per service and the total; semicolons with decimal commas', () => {
    const report = skmReport('demo', '2026-11-24', '2026-11-24', {
      officeName: 'Demo',
      services: [{ code: 'A', name: 'Pengambilan Dokumen', nameEn: 'Document pickup', active: true, responses: 4, sums: [13, 13, 13, 15, 14, 13, 14, 10, 13] }],
      comments: [],
    });
    const text = skmCsv(report);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Responden / Responses');
    expect(lines[0]).toContain('NRR U1 Persyaratan / Mean U1');
    expect(lines[0]).toContain('IKM (25–100) / IKM (25–100)');
    expect(lines[1]).toBe('2026-11-24,2026-11-24,layanan,A,Pengambilan Dokumen,4,3.25,3.25,3.25,3.75,3.5,3.25,3.5,2.5,3.25,3.2778,81.94,B,Baik / Good');
    expect(lines[2]).toMatch(/^2026-11-24,2026-11-24,total,,Semua layanan \/ All services,4,.*,81\.94,B,Baik \/ Good$/);
    expect(skmCsv(report, ';').split('\r\n')[1]).toContain(';3,2778;81,94;B;');
  });

  it('has nine elements, each with four answers in Indonesian and English', () => {
    expect(SKM_ELEMENTS.map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const e of SKM_ELEMENTS) for (const a of e.scale) expect(a.id && a.en).toBeTruthy();
  });
});

describe('when a ticket may be answered', () => {
  const done = DateTime.fromISO('2026-11-24T10:00:00+07:00').toMillis();
  const at = (iso: string) => DateTime.fromISO(iso).toMillis();

  it('is offered once the ticket is completed, for 7 days', () => {
    expect(surveyStatusOf({ status: 'serving', completedAt: null }, false, done)).toBeNull();
    expect(surveyStatusOf({ status: 'no_show', completedAt: null }, false, done)).toBeNull();
    expect(surveyStatusOf({ status: 'done', completedAt: done }, false, done)).toBe('open');
    expect(surveyStatusOf({ status: 'done', completedAt: done }, false, at('2026-12-01T10:00:00+07:00'))).toBe('open');
    expect(surveyStatusOf({ status: 'done', completedAt: done }, false, at('2026-12-01T10:00:01+07:00'))).toBe('closed');
    expect(surveyStatusOf({ status: 'done', completedAt: done }, true, at('2026-12-09T10:00:00+07:00'))).toBe('answered');
  });

  it('refuses an answer before completion, a second answer, and a late one', () => {
    expect(refusal(() => checkCanAnswer({ status: 'waiting', completedAt: null }, false, done))).toBe('SURVEY_NOT_OPEN');
    expect(refusal(() => checkCanAnswer({ status: 'done', completedAt: done }, true, done))).toBe('ALREADY_ANSWERED');
    expect(refusal(() => checkCanAnswer({ status: 'done', completedAt: done }, false, at('2026-12-02T09:00:00+07:00')))).toBe('SURVEY_CLOSED');
    expect(refusal(() => checkCanAnswer({ status: 'done', completedAt: done }, false, done + 60_000))).toBeUndefined();
  });
});

describe('a comment', () => {
  it('keeps what the visitor wrote, tidied and capped at 500 characters', () => {
    expect(cleanComment('  Petugas   ramah,\tterima kasih!  ')).toBe('Petugas ramah, terima kasih!');
    expect(cleanComment(undefined)).toBe('');
    expect(cleanComment('x'.repeat(900))).toHaveLength(500);
    // A date or a queue number is not personal data.
    expect(cleanComment('Datang 24-11-2026, nomor A007')).toBe('Datang 24-11-2026, nomor A007');
  });

  it('masks what looks like a phone number, a NIK or an e-mail address: the survey is anonymous', () => {
    expect(cleanComment('Hubungi saya 0812-3456-7890 ya')).toBe('Hubungi saya […] ya');
    expect(cleanComment('NIK 3171011708450001 salah ketik')).toBe('NIK […] salah ketik');
    expect(cleanComment('wa +62 812 3456 7890')).toBe('wa […]');
    expect(cleanComment('email siti.aminah@example.co.id')).toBe('email […]');
  });
});

describe('the WhatsApp invitation', () => {
  it('names the office, the number and the service, links the status page, and without a public address points to the QR code', () => {
    const payload = { office: 'Disdukcapil Kota Demo', number: 'A012', service: 'Legalisir', link: 'https://antrian.example.go.id/t/abc123DEF456' };
    expect(renderMessage('survey', payload)).toBe(
      'Terima kasih telah datang ke Disdukcapil Kota Demo (nomor antrean A012, Legalisir). Bantu kami memperbaiki pelayanan: isi Survei Kepuasan Masyarakat, ' +
        '9 pertanyaan singkat tanpa nama, di https://antrian.example.go.id/t/abc123DEF456 dalam 7 hari.',
    );
    expect(renderMessage('survey', { ...payload, link: '' })).toContain('tanpa nama, melalui kode QR pada tiket Anda dalam 7 hari.');
    // A pre-approved template takes no empty parameter.
    expect(templateParams('survey', { ...payload, link: '' })).toEqual(['Disdukcapil Kota Demo', 'A012', 'Legalisir', '-', '7']);
  });
});
