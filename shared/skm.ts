/**
 * The satisfaction survey (Survei Kepuasan Masyarakat, SKM) as PermenPANRB 14/2017 writes it:
 * nine elements (unsur) U1–U9, each answered on a scale of 1 (worst) to 4 (best), with wording
 * that suits the element. Shared by the ticket page (the questions), the admin page (the report's
 * columns) and the server (the CSV). The arithmetic lives in server/domain/skm.ts.
 */
export type Bi = { id: string; en: string };

export type SkmElement = {
  /** 1–9: U1…U9. */
  n: number;
  /** The element's name in the regulation. */
  name: Bi;
  /** The question the visitor reads. */
  question: Bi;
  /** The four answers, score 1 first. */
  scale: [Bi, Bi, Bi, Bi];
};

export const SKM_ELEMENTS: readonly SkmElement[] = [
  {
    n: 1,
    name: { id: 'Persyaratan', en: 'Requirements' },
    question: { id: 'Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', en: 'How well do the requirements fit the service?' },
    scale: [
      { id: 'Tidak sesuai', en: 'Not suitable' },
      { id: 'Kurang sesuai', en: 'Somewhat unsuitable' },
      { id: 'Sesuai', en: 'Suitable' },
      { id: 'Sangat sesuai', en: 'Very suitable' },
    ],
  },
  {
    n: 2,
    name: { id: 'Sistem, mekanisme dan prosedur', en: 'System, mechanism and procedure' },
    question: { id: 'Bagaimana kemudahan prosedur pelayanan di unit ini?', en: 'How easy is the procedure here?' },
    scale: [
      { id: 'Tidak mudah', en: 'Not easy' },
      { id: 'Kurang mudah', en: 'Not very easy' },
      { id: 'Mudah', en: 'Easy' },
      { id: 'Sangat mudah', en: 'Very easy' },
    ],
  },
  {
    n: 3,
    name: { id: 'Waktu penyelesaian', en: 'Completion time' },
    question: { id: 'Bagaimana kecepatan waktu dalam memberikan pelayanan?', en: 'How fast was the service?' },
    scale: [
      { id: 'Tidak cepat', en: 'Not fast' },
      { id: 'Kurang cepat', en: 'Not very fast' },
      { id: 'Cepat', en: 'Fast' },
      { id: 'Sangat cepat', en: 'Very fast' },
    ],
  },
  {
    n: 4,
    name: { id: 'Biaya/tarif', en: 'Cost' },
    question: { id: 'Bagaimana kewajaran biaya/tarif dalam pelayanan?', en: 'How fair was the cost of the service?' },
    scale: [
      { id: 'Sangat mahal', en: 'Very expensive' },
      { id: 'Cukup mahal', en: 'Rather expensive' },
      { id: 'Murah', en: 'Cheap' },
      { id: 'Gratis', en: 'Free' },
    ],
  },
  {
    n: 5,
    name: { id: 'Produk spesifikasi jenis pelayanan', en: 'Service product' },
    question: {
      id: 'Bagaimana kesesuaian hasil pelayanan dengan yang tercantum dalam standar pelayanan?',
      en: 'Did the result match what the service standard promises?',
    },
    scale: [
      { id: 'Tidak sesuai', en: 'Does not match' },
      { id: 'Kurang sesuai', en: 'Partly matches' },
      { id: 'Sesuai', en: 'Matches' },
      { id: 'Sangat sesuai', en: 'Fully matches' },
    ],
  },
  {
    n: 6,
    name: { id: 'Kompetensi pelaksana', en: 'Staff competence' },
    question: { id: 'Bagaimana kompetensi/kemampuan petugas dalam pelayanan?', en: 'How competent were the staff?' },
    scale: [
      { id: 'Tidak kompeten', en: 'Not competent' },
      { id: 'Kurang kompeten', en: 'Not very competent' },
      { id: 'Kompeten', en: 'Competent' },
      { id: 'Sangat kompeten', en: 'Very competent' },
    ],
  },
  {
    n: 7,
    name: { id: 'Perilaku pelaksana', en: 'Staff behaviour' },
    question: { id: 'Bagaimana kesopanan dan keramahan petugas dalam pelayanan?', en: 'How polite and friendly were the staff?' },
    scale: [
      { id: 'Tidak sopan dan ramah', en: 'Not polite or friendly' },
      { id: 'Kurang sopan dan ramah', en: 'Not very polite or friendly' },
      { id: 'Sopan dan ramah', en: 'Polite and friendly' },
      { id: 'Sangat sopan dan ramah', en: 'Very polite and friendly' },
    ],
  },
  {
    n: 8,
    name: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints and suggestions' },
    question: { id: 'Bagaimana penanganan pengaduan, saran dan masukan pengguna layanan?', en: 'How are complaints and suggestions handled?' },
    scale: [
      { id: 'Tidak ada', en: 'There is none' },
      { id: 'Ada tetapi tidak berfungsi', en: 'Exists but does not work' },
      { id: 'Berfungsi kurang maksimal', en: 'Works, but not fully' },
      { id: 'Dikelola dengan baik', en: 'Handled well' },
    ],
  },
  {
    n: 9,
    name: { id: 'Sarana dan prasarana', en: 'Facilities' },
    question: { id: 'Bagaimana kualitas sarana dan prasarana pelayanan?', en: 'How good are the facilities?' },
    scale: [
      { id: 'Buruk', en: 'Poor' },
      { id: 'Cukup', en: 'Fair' },
      { id: 'Baik', en: 'Good' },
      { id: 'Sangat baik', en: 'Very good' },
    ],
  },
];

export const SKM_ELEMENT_COUNT = 9;
/** How long after its completion a ticket's survey can be answered. */
export const SURVEY_WINDOW_DAYS = 7;
/** The longest comment kept (characters). */
export const SURVEY_COMMENT_MAX = 500;

/** Where a completed ticket's survey stands (the public ticket's `survey`). */
export type SurveyStatus = 'open' | 'answered' | 'closed';

export type SkmGrade = 'A' | 'B' | 'C' | 'D';
/** Mutu pelayanan and kinerja unit pelayanan of each grade (PermenPANRB 14/2017). */
export const SKM_GRADES: Record<SkmGrade, Bi> = {
  A: { id: 'Sangat baik', en: 'Very good' },
  B: { id: 'Baik', en: 'Good' },
  C: { id: 'Kurang baik', en: 'Not quite good' },
  D: { id: 'Tidak baik', en: 'Not good' },
};

/** The IKM of a set of answers; every figure is null where there is no answer. */
export type SkmFigures = {
  responses: number;
  /** The mean score (NRR) of each element U1–U9, on 1–4, two decimals. */
  nrr: (number | null)[];
  /** The weighted mean of the NRRs (each 1/9), on 1–4, four decimals. */
  average: number | null;
  /** The IKM unit value: the weighted mean × 25, on 25–100, two decimals. */
  ikm: number | null;
  grade: SkmGrade | null;
  gradeText: Bi | null;
};

export type SkmServiceRow = SkmFigures & { service: string; name: string; nameEn: string };
export type SkmComment = { date: string; service: string; text: string };

/** GET /api/offices/{officeId}/reports/skm: the IKM per service and over all services, for the ticket days from–to. */
export type SkmReport = {
  office: string;
  officeName: string;
  from: string;
  to: string;
  services: SkmServiceRow[];
  total: SkmFigures;
  /** The latest suggestions written with the answers (newest first, at most 50). */
  comments: SkmComment[];
};
