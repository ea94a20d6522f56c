/** Penutupan: close the office or one service (dates or until further notice), end a closure, urgent-only mode. */
import { badge, bi, button, checkbox, dateText, esc, field, input, instantText, section, select, submit, hiddenTh } from '../html';
import { addDaysTo, type State } from '../state';

const STATE: Record<string, [string, string]> = {
  active: ['berlaku', 'bad'],
  upcoming: ['akan datang', 'warn'],
  ended: ['selesai', ''],
  withdrawn: ['dibatalkan', ''],
};

export const closuresView = (st: State): string => {
  const snap = st.snap!;
  const today = snap.today;
  const scopes: [string, string][] = [['', 'Seluruh kantor / Whole office'], ...snap.services.map((s): [string, string] => [s.code, `${s.code} · ${s.nameId}`])];
  const form = `<form class="form-grid" data-form="closure-create">
    ${field('Yang ditutup', 'What closes', select('service', scopes, ''))}
    ${field('Mulai tanggal', 'From', input('from', today, { type: 'date', min: today, required: true }))}
    <div class="field"><span class="label">${bi('Sampai', 'Until')}</span>
      <label class="check"><input type="radio" name="until" value="date" checked /> ${bi('tanggal', 'date')} <input type="date" name="to" value="${today}" min="${today}" aria-label="Sampai tanggal / Until date" /></label>
      <label class="check"><input type="radio" name="until" value="open" /> ${bi('sampai pemberitahuan lebih lanjut', 'until further notice')}</label></div>
    ${field('Alasan (dikirim ke pemegang reservasi)', 'Reason (sent to booking holders)', input('reason', '', { required: true, minlength: 3, maxlength: 300, placeholder: 'mis. Pegawai terpapar COVID-19; kantor disterilkan' }))}
    <div class="field"><span class="label">${bi('Reservasi yang terkena', 'Affected bookings')}</span>
      <label class="check"><input type="radio" name="action" value="cancel" checked /> ${bi('batalkan', 'cancel')}</label>
      <label class="check"><input type="radio" name="action" value="move" /> ${bi('pindahkan ke sesi kosong pertama', 'move to the first free slot')}</label></div>
    <div class="actions">${submit('Tutup dan beri tahu pemegang reservasi', 'Close and notify the holders', 'danger-solid')}</div>
  </form>`;
  const scopeName = (code: string | null) => (code ? `${code} · ${snap.services.find((s) => s.code === code)?.nameId ?? ''}` : 'Seluruh kantor');
  const rows = snap.closures
    .map((c) => {
      const [label, kind] = STATE[c.state] ?? [c.state, ''];
      const open = c.state === 'active' || c.state === 'upcoming';
      const endDefault = c.state === 'active' ? addDaysTo(today, -1) : addDaysTo(c.from, -1);
      return `<tr><td>${esc(scopeName(c.service))}${c.kind === 'urgent_only' ? ` ${badge('mode mendesak', 'warn')}` : ''}</td>
        <td>${esc(dateText(c.from))} – ${c.to === null ? `<em>${bi('pemberitahuan lebih lanjut', 'further notice')}</em>` : c.state === 'withdrawn' ? '' : esc(dateText(c.to))}</td>
        <td>${esc(c.reason)}</td><td>${badge(label, kind)}</td>
        <td class="small">${esc(c.createdBy ?? '')}<br />${esc(instantText(c.createdAt, snap.office.timezone))}</td>
        <td>${
          open
            ? `<form class="row gap end-form" data-form="closure-end" data-id="${c.id}"><label class="small">${bi('Hari tutup terakhir', 'Last closed day')}<input type="date" name="to" value="${endDefault}" min="${addDaysTo(today, -1)}" ${c.to ? `max="${c.to}"` : ''} required /></label>${submit('Akhiri', 'End', 'small')}</form>`
            : ''
        }</td></tr>`;
    })
    .join('');
  const list = snap.closures.length
    ? `<table class="grid"><thead><tr><th>${bi('Yang ditutup', 'Scope')}</th><th>${bi('Tanggal', 'Dates')}</th><th>${bi('Alasan', 'Reason')}</th><th>${bi('Status', 'State')}</th><th>${bi('Oleh', 'By')}</th>${hiddenTh('Tindakan', 'Actions')}</tr></thead><tbody>${rows}</tbody></table>
      <p class="hint">${bi('Mengakhiri membuka kembali hari sesudahnya; reservasi yang sudah dibatalkan tetap batal. "Kemarin" membuka hari ini.', 'Ending re-opens the days after; cancelled bookings stay cancelled. "Yesterday" re-opens today.')}</p>`
    : `<p class="muted">${bi('Belum ada penutupan.', 'No closures yet.')}</p>`;
  const u = snap.urgentOnly;
  const urgent = `${
    u.active
      ? `<div class="alert warn">${bi(`Aktif sejak ${dateText(u.from)}: hanya ${u.open.join(', ')} yang buka.`, 'Active')} <span class="small">${esc(u.reason ?? '')}</span> ${button('Akhiri mode mendesak', 'End urgent-only mode', { 'data-action': 'urgent-end' }, 'small')}</div>`
      : ''
  }<form class="form-grid" data-form="urgent-set">
      <div class="field checks"><span class="label">${bi('Layanan yang tetap buka', 'Services kept open')}</span>${snap.services
        .map((s) => checkbox(`open_${s.code}`, u.active ? u.open.includes(s.code) : false, `${s.code} · ${s.nameId}`, ''))
        .join('')}</div>
      ${field('Alasan', 'Reason', input('reason', u.reason ?? '', { required: true, minlength: 3, maxlength: 300, placeholder: 'mis. Hanya layanan mendesak selama PPKM' }))}
      <div class="field"><span class="label">${bi('Reservasi layanan lain', 'Bookings of other services')}</span>
        <label class="check"><input type="radio" name="action" value="cancel" checked /> ${bi('batalkan', 'cancel')}</label>
        <label class="check"><input type="radio" name="action" value="move" /> ${bi('pindahkan', 'move')}</label></div>
      <div class="actions">${submit(u.active ? 'Ubah mode mendesak' : 'Aktifkan mode mendesak', u.active ? 'Change urgent-only mode' : 'Turn on urgent-only mode', 'danger-solid')}</div>
    </form>
    <p class="hint">${bi('Layanan lain ditutup sampai mode ini diakhiri; halaman reservasi dan kiosk menampilkan alasannya.', 'Other services close until this mode ends; booking and kiosk pages show the reason.')}</p>`;
  return `<div class="cols">${section('Tutup kantor atau layanan', 'Close the office or a service', form)}${section('Mode layanan mendesak', 'Urgent-only mode', urgent)}</div>
    ${section('Daftar penutupan', 'Closures', list)}`;
};
