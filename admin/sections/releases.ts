/**
 * Pembukaan kuota: the office's releases and their waiting rooms, with each draw's seed once it is
 * drawn, so that an admin can check the order (sorting the arrival numbers by
 * HMAC-SHA256(seed, arrival) gives the stored order, GET /api/offices/{id}/releases/{date}).
 */
import type { ReleaseView } from '../../shared/waitingRoom';
import { api } from '../api';
import { bi, esc, section } from '../html';

/** Loads the releases for the office section (admins only; answered from the office's own rows). */
export const loadReleases = async (officeId: string): Promise<ReleaseView[]> =>
  api<ReleaseView[]>('GET', `/offices/${encodeURIComponent(officeId)}/releases`);

const when = (iso: string | null): string => (iso ? esc(iso.slice(0, 16).replace('T', ' ')) : '–');

export const releasesView = (releases: ReleaseView[] | null | undefined): string => {
  if (!releases) return '';
  const rows = releases
    .map((r) => `<tr><td>${esc(r.date)}</td><td>${when(r.releaseAt)}</td><td>${when(r.drawnAt)}</td><td>${r.drawnEntries} / ${r.arrivals}</td>
      <td>${r.used} / ${r.expired} / ${r.admitted} / ${r.waiting}</td><td><code class="seed">${r.seed ? esc(r.seed) : '–'}</code></td></tr>`)
    .join('');
  const body = releases.length
    ? `<table class="grid compact"><thead><tr><th>${bi('Hari', 'Day')}</th><th>${bi('Dibuka', 'Released')}</th><th>${bi('Diundi', 'Drawn')}</th>
        <th>${bi('Diundi / masuk', 'Drawn / joined')}</th><th>${bi('Pesan / habis / dipanggil / menunggu', 'Booked / expired / admitted / waiting')}</th><th>${bi('Benih undian', 'Draw seed')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">${bi('Belum ada pembukaan kuota.', 'No release yet.')}</p>`;
  return section('Pembukaan kuota', 'Releases', `${body}
    <p class="hint">${bi('Urutan undian = nomor kedatangan diurutkan menurut HMAC-SHA256(benih, nomor). Siapa pun yang memegang benih dapat memeriksanya.', 'The drawn order sorts the arrival numbers by HMAC-SHA256(seed, number): anyone holding the seed can check it.')}</p>`);
};
