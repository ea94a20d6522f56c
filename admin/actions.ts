/** What each admin form and button does: one API call, then the page reloads the office snapshot. */
import { api } from './api';
import { confirmIn, office, type ClickHandler, type Ctx, type FormHandler } from './actionKit';
import { noticeClicks, noticeForms } from './noticeActions';
import { formData, readRows, sortRows } from './forms';
import { generateRows } from './sections/slots';
import { addDaysTo, type SlotRow, type State } from './state';
import { intervalRow } from './sections/office';
import { weekdayName } from './html';
import type { OpeningHoursChange } from '../shared/staffTypes';

export type { Ctx };

/** A new interval after a day's last one: from an hour after it closes, for an hour and a half (08:00–15:00 on an empty day). */
const nextInterval = (lastClose: string | undefined): { open: string; close: string } => {
  if (!lastClose) return { open: '08:00', close: '15:00' };
  const minutes = (t: number) => `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  const open = Math.min(Number(lastClose.slice(0, 2)) * 60 + Number(lastClose.slice(3, 5)) + 60, 22 * 60);
  return { open: minutes(open), close: minutes(Math.min(open + 90, 23 * 60 + 59)) };
};


const serviceBody = (form: HTMLFormElement) => {
  const f = formData(form);
  return {
    code: f.str('code').toUpperCase(),
    nameId: f.str('nameId'),
    nameEn: f.str('nameEn'),
    requirementsId: f.str('requirementsId'),
    requirementsEn: f.str('requirementsEn'),
    bookable: f.bool('bookable'),
    walkIn: f.bool('walkIn'),
    needsBlanko: f.bool('needsBlanko'),
    typicalMinutes: f.int('typicalMinutes'),
    walkInQuota: f.intOrNull('walkInQuota'),
    serviceGroup: f.str('serviceGroup'),
    blankoReserve: f.int('blankoReserve'),
  };
};

const orderedServices = (form: HTMLFormElement): string[] => {
  const f = formData(form);
  const codes: string[] = [];
  for (let i = 0; f.has(`svc${i}`); i++) if (f.str(`svc${i}`) && !codes.includes(f.str(`svc${i}`))) codes.push(f.str(`svc${i}`));
  return codes;
};

export const forms: Record<string, FormHandler> = {
  ...noticeForms,
  'office-create': async (form, ctx) => {
    const f = formData(form);
    const created = await api<{ id: string }>('POST', '/offices', { id: f.str('id'), name: f.str('name'), timezone: f.str('timezone') });
    ctx.st.officeId = created.id;
    ctx.st.offices = await api('GET', '/staff/offices');
    await ctx.reload();
    ctx.done(`Kantor ${created.id} dibuat. Lanjutkan dengan layanan dan jadwal sesi.`);
  },
  'office-settings': async (form, ctx) => {
    const f = formData(form);
    await api('PATCH', office(ctx), {
      name: f.str('name'),
      roomCapacity: f.intOrNull('roomCapacity'),
      bookingHorizonDays: f.int('bookingHorizonDays'),
      bookingCutoffMinutes: f.int('bookingCutoffMinutes'),
      checkInEarlyMinutes: f.int('checkInEarlyMinutes'),
      issueEarlyMinutes: f.int('issueEarlyMinutes'),
      boardVoice: f.str('boardVoice'),
      maxActiveBookingsPerNik: f.int('maxActiveBookingsPerNik'),
      maxActiveBookingsPerPhone: f.int('maxActiveBookingsPerPhone'),
      walkInEvery: f.int('walkInEvery'),
      recallLimit: f.int('recallLimit'),
      onePerServicePerDay: f.bool('onePerServicePerDay'),
      releaseTime: f.str('releaseTime') || null,
      releaseDaysAhead: f.int('releaseDaysAhead'),
      waitingRoomMinutes: f.int('waitingRoomMinutes'),
      admissionMinutes: f.int('admissionMinutes'),
    });
    await ctx.reload();
    ctx.done('Aturan kantor disimpan.');
  },
  hours: async (form, ctx) => {
    const f = formData(form);
    // Every interval of each ticked day (a lunch break or Friday prayer makes several).
    const hours = [...form.querySelectorAll<HTMLElement>('tr[data-weekday]')]
      .filter((tr) => f.bool(`open${tr.dataset.weekday}`))
      .flatMap((tr) =>
        [...tr.querySelectorAll<HTMLElement>('[data-interval]')].map((span) => ({
          weekday: Number(tr.dataset.weekday),
          open: span.querySelector<HTMLInputElement>('[data-col="open"]')!.value,
          close: span.querySelector<HTMLInputElement>('[data-col="close"]')!.value,
        })),
      );
    const { conflicts } = await api<OpeningHoursChange>('PUT', `${office(ctx)}/hours`, { hours });
    ctx.st.hoursConflicts = conflicts;
    await ctx.reload();
    ctx.done(conflicts.length ? `Jam buka disimpan. ${conflicts.length} sesi yang sudah dipesan berada di luar jam buka: lihat daftar di bawah formulir.` : 'Jam buka disimpan.');
  },
  'blanko-add': async (form, ctx) => {
    const { stock } = await api<{ stock: number }>('POST', `${office(ctx)}/blanko`, { add: formData(form).int('add') });
    await ctx.reload();
    ctx.done(`Stok blanko sekarang ${stock}.`);
  },
  'blanko-set': async (form, ctx) => {
    const { stock } = await api<{ stock: number }>('PUT', `${office(ctx)}/blanko`, { stock: formData(form).int('stock') });
    await ctx.reload();
    ctx.done(`Stok blanko ditetapkan ${stock}.`);
  },
  'service-create': async (form, ctx) => {
    const body = serviceBody(form);
    await api('POST', `${office(ctx)}/services`, body);
    await ctx.reload();
    ctx.done(`Layanan ${body.code} ditambahkan. Atur jadwal sesinya di Jadwal sesi.`);
  },
  'service-update': async (form, ctx) => {
    await api('PATCH', `${office(ctx)}/services/${form.dataset.code}`, serviceBody(form));
    ctx.st.editing = null;
    await ctx.reload();
    ctx.done('Layanan disimpan.');
  },
  'tpl-generate': async (form, ctx) => {
    const f = formData(form);
    const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => f.bool(`day${d}`));
    ctx.st.templateDraft = generateRows(days, f.str('from'), f.str('to'), f.int('every'), f.int('capacity'));
    ctx.render();
  },
  'counter-create': async (form, ctx) => {
    await api('POST', `${office(ctx)}/counters`, { name: formData(form).str('name'), services: orderedServices(form) });
    await ctx.reload();
    ctx.done('Loket ditambahkan.');
  },
  'counter-update': async (form, ctx) => {
    await api('PATCH', `${office(ctx)}/counters/${form.dataset.id}`, { name: formData(form).str('name'), services: orderedServices(form) });
    ctx.st.editing = null;
    await ctx.reload();
    ctx.done('Loket disimpan.');
  },
  'closure-create': async (form, ctx) => {
    const f = formData(form);
    const open = f.str('until') === 'open';
    const scope = f.str('service');
    const what = scope ? `layanan ${scope}` : 'seluruh kantor';
    const range = open ? `mulai ${f.str('from')} sampai pemberitahuan lebih lanjut` : `${f.str('from')} sampai ${f.str('to')}`;
    if (!confirmIn(ctx, `Tutup ${what} ${range}? Reservasi pada hari itu akan ${f.str('action') === 'move' ? 'dipindahkan' : 'dibatalkan'} dan pemegangnya diberi tahu lewat WhatsApp.`)) return;
    const r = await api<{ affectedBookings: number; moved: number; cancelled: number }>('POST', `${office(ctx)}/closures`, {
      from: f.str('from'),
      to: open ? null : f.str('to'),
      reason: f.str('reason'),
      action: f.str('action'),
      ...(scope ? { service: scope } : {}),
    });
    await ctx.reload();
    ctx.done(
      r.affectedBookings === 0
        ? 'Penutupan disimpan. Tidak ada reservasi pada hari itu.'
        : `Penutupan disimpan: ${r.affectedBookings} reservasi terkena (${r.cancelled} dibatalkan, ${r.moved} dipindahkan); setiap pemegangnya diberi tahu lewat WhatsApp.`,
    );
  },
  'closure-end': async (form, ctx) => {
    const to = formData(form).str('to');
    await api('POST', `${office(ctx)}/closures/${form.dataset.id}/end`, { to });
    await ctx.reload();
    ctx.done(`Penutupan diakhiri; buka kembali mulai ${addDaysTo(to, 1)}.`);
  },
  'urgent-set': async (form, ctx) => {
    const f = formData(form);
    const open = ctx.st.snap!.services.map((s) => s.code).filter((c) => f.bool(`open_${c}`));
    if (!confirmIn(ctx, `Hanya ${open.join(', ') || '—'} yang tetap buka; layanan lain ditutup dan reservasinya ${f.str('action') === 'move' ? 'dipindahkan' : 'dibatalkan'}. Lanjutkan?`)) return;
    await api('PUT', `${office(ctx)}/urgent-only`, { open, reason: f.str('reason'), action: f.str('action') });
    await ctx.reload();
    ctx.done(`Mode mendesak aktif: hanya ${open.join(', ')} yang buka.`);
  },
  'user-create': async (form, ctx) => {
    const f = formData(form);
    const r = await api<{ user: { username: string }; password: string }>('POST', `${office(ctx)}/staff`, {
      username: f.str('username'), displayName: f.str('displayName'), role: f.str('role'), ...(f.str('contactPhone') ? { contactPhone: f.str('contactPhone') } : {}),
    });
    await ctx.reload();
    ctx.secret({ titleId: `Kata sandi untuk ${r.user.username}`, titleEn: 'Password, shown once', value: r.password });
  },
  'user-update': async (form, ctx) => {
    const f = formData(form);
    // The helper's WhatsApp number is sent only when it was changed ('' removes it).
    const phone = form.elements.namedItem('contactPhone') as HTMLInputElement | null;
    await api('PATCH', `${office(ctx)}/staff/${form.dataset.id}`, {
      displayName: f.str('displayName'), ...(f.has('role') ? { role: f.str('role') } : {}),
      ...(phone && phone.value.trim() !== phone.defaultValue ? { contactPhone: phone.value.trim() || null } : {}),
    });
    ctx.st.editing = null;
    await ctx.reload();
    ctx.done('Akun disimpan.');
  },
  'own-password': async (form, ctx) => {
    const f = formData(form);
    await api('POST', '/auth/password', { current: f.str('current'), next: String(new FormData(form).get('next') ?? '') });
    form.reset();
    ctx.done('Kata sandi Anda diganti. Perangkat lain perlu masuk kembali.');
  },
  'kiosk-create': async (form, ctx) => {
    const r = await api<{ name: string; token: string }>('POST', `${office(ctx)}/kiosks`, { name: formData(form).str('name') });
    await ctx.reload();
    ctx.secret({ titleId: `Token kiosk "${r.name}"`, titleEn: 'Kiosk token, shown once', value: r.token, link: `${location.origin}/kiosk/#token=${r.token}` });
  },
  report: async (form, ctx) => {
    const f = formData(form);
    ctx.st.report = { from: f.str('from'), to: f.str('to'), data: null };
    await ctx.loadReport();
  },
  audit: async (form, ctx) => {
    const f = formData(form);
    ctx.st.audit = { ...ctx.st.audit, from: f.str('from'), to: f.str('to'), kind: f.str('kind') as State['audit']['kind'], entries: [], more: false };
    await ctx.loadAudit();
  },
};

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(Math.min(m, 1439) / 60)).padStart(2, '0')}:${String(Math.min(m, 1439) % 60).padStart(2, '0')}`;
const nextSlot = (r: SlotRow): SlotRow => {
  const length = Math.max(minutes(r.end) - minutes(r.start), 15);
  return { ...r, start: r.end, end: hhmm(minutes(r.end) + length) };
};

const syncTemplate = (ctx: Ctx) => {
  if (ctx.root.querySelector('[data-rows="tpl"]')) ctx.st.templateDraft = readRows(ctx.root, 'tpl', true);
};
const syncOverride = (ctx: Ctx) => {
  const date = (ctx.root.querySelector('[data-override-date]') as HTMLInputElement | null)?.value ?? '';
  ctx.st.overrideDraft = { date, rows: readRows(ctx.root, 'ovr', false) };
};

/** Picking a date for an override starts from that weekday's template slots. */
export const overrideDatePicked = (date: string, ctx: Ctx): void => {
  const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const service = ctx.st.snap!.services.find((s) => s.code === ctx.st.slotService);
  const existing = ctx.st.snap!.overrides.find((o) => o.service === ctx.st.slotService && o.date === date);
  const rows = existing ? existing.slots : (service?.templates ?? []).filter((t) => t.weekday === weekday).map(({ start, end, capacity }) => ({ start, end, capacity }));
  ctx.st.overrideDraft = { date, rows };
  ctx.render();
};

export const clicks: Record<string, ClickHandler> = {
  ...noticeClicks,
  // The opening-hours form: a day's intervals are added and removed on the page, saved together.
  'hours-add': (el) => {
    const tr = el.closest<HTMLElement>('tr[data-weekday]')!;
    const list = tr.querySelector<HTMLElement>('[data-intervals]')!;
    const lastClose = [...list.querySelectorAll<HTMLInputElement>('[data-col="close"]')].at(-1)?.value;
    list.insertAdjacentHTML('beforeend', intervalRow(weekdayName(Number(tr.dataset.weekday)), nextInterval(lastClose)));
    tr.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked = true;
    list.querySelector<HTMLInputElement>('[data-interval]:last-child [data-col="open"]')?.focus();
  },
  'hours-remove': (el) => {
    const tr = el.closest<HTMLElement>('tr[data-weekday]')!;
    el.closest('[data-interval]')!.remove();
    // A day without an interval is a closed day.
    if (!tr.querySelector('[data-interval]')) {
      tr.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked = false;
      tr.querySelector('[data-intervals]')!.insertAdjacentHTML('beforeend', intervalRow(weekdayName(Number(tr.dataset.weekday)), { open: '08:00', close: '15:00' }));
    }
  },
  edit: (el, ctx) => {
    ctx.st.editing = el.dataset.key || null;
    ctx.render();
  },
  'move-service': async (el, ctx) => {
    const codes = ctx.st.snap!.services.map((s) => s.code);
    const i = codes.indexOf(el.dataset.code!);
    const j = i + Number(el.dataset.dir);
    [codes[i], codes[j]] = [codes[j]!, codes[i]!];
    await api('PUT', `${office(ctx)}/services/order`, { codes });
    await ctx.reload();
  },
  'retire-service': async (el, ctx) => {
    if (!confirmIn(ctx, `Hentikan layanan ${el.dataset.code}? Tidak bisa dipesan atau diambil lagi; laporan lamanya tetap ada.`)) return;
    await api('DELETE', `${office(ctx)}/services/${el.dataset.code}`);
    await ctx.reload();
    ctx.done(`Layanan ${el.dataset.code} dihentikan.`);
  },
  'goto-slots': (el, ctx) => {
    ctx.st.slotService = el.dataset.code!;
    ctx.st.templateDraft = null;
    location.hash = '#slots';
  },
  'slot-service': (el, ctx) => {
    ctx.st.slotService = el.dataset.code!;
    ctx.st.templateDraft = null;
    ctx.st.overrideDraft = null;
    ctx.render();
  },
  'tpl-add-row': (el, ctx) => {
    syncTemplate(ctx);
    const weekday = Number(el.dataset.weekday);
    const rows = ctx.st.templateDraft!;
    // A new slot starts where the day's last one ends, with the same length and places.
    const last = rows.filter((r) => r.weekday === weekday).at(-1);
    const next = last ? nextSlot(last) : { weekday, start: '08:00', end: '09:00', capacity: rows.at(-1)?.capacity ?? 10 };
    ctx.st.templateDraft = sortRows([...rows, next]);
    ctx.render();
  },
  'tpl-remove-row': (el, ctx) => {
    syncTemplate(ctx);
    ctx.st.templateDraft!.splice(Number(el.dataset.index), 1);
    ctx.render();
  },
  'tpl-reset': (_el, ctx) => {
    ctx.st.templateDraft = null;
    ctx.render();
  },
  'tpl-save': async (_el, ctx) => {
    const slots = sortRows(readRows(ctx.root, 'tpl', true));
    await api('PUT', `${office(ctx)}/services/${ctx.st.slotService}/templates`, { slots });
    ctx.st.templateDraft = null;
    await ctx.reload();
    ctx.done(`Jadwal mingguan ${ctx.st.slotService} disimpan; sesi mendatang direncanakan ulang.`);
  },
  'ovr-add-row': (_el, ctx) => {
    syncOverride(ctx);
    const last = ctx.st.overrideDraft!.rows.at(-1);
    ctx.st.overrideDraft!.rows.push(last ? nextSlot(last) : { start: '08:00', end: '09:00', capacity: 10 });
    ctx.render();
  },
  'ovr-remove-row': (el, ctx) => {
    syncOverride(ctx);
    ctx.st.overrideDraft!.rows.splice(Number(el.dataset.index), 1);
    ctx.render();
  },
  'ovr-save': async (_el, ctx) => {
    syncOverride(ctx);
    const { date, rows } = ctx.st.overrideDraft!;
    if (!date) throw new Error('Pilih tanggal dulu. / Choose a date first.');
    await api('PUT', `${office(ctx)}/services/${ctx.st.slotService}/overrides/${date}`, { slots: sortRows(rows) });
    ctx.st.overrideDraft = null;
    await ctx.reload();
    ctx.done(rows.length ? `Sesi ${ctx.st.slotService} pada ${date} disimpan.` : `Tidak ada sesi ${ctx.st.slotService} pada ${date}.`);
  },
  'override-clear': async (el, ctx) => {
    await api('DELETE', `${office(ctx)}/services/${ctx.st.slotService}/overrides/${el.dataset.date}`);
    await ctx.reload();
    ctx.done(`${el.dataset.date} kembali mengikuti jadwal mingguan.`);
  },
  'delete-counter': async (el, ctx) => {
    if (!confirmIn(ctx, `Hapus loket ${el.dataset.name}?`)) return;
    await api('DELETE', `${office(ctx)}/counters/${el.dataset.id}`);
    await ctx.reload();
    ctx.done(`Loket ${el.dataset.name} dihapus.`);
  },
  'reset-password': async (el, ctx) => {
    if (!confirmIn(ctx, `Atur ulang kata sandi ${el.dataset.name}? Ia akan keluar dari semua perangkat.`)) return;
    const r = await api<{ password: string }>('POST', `${office(ctx)}/staff/${el.dataset.id}/reset-password`);
    await ctx.reload();
    ctx.secret({ titleId: `Kata sandi baru untuk ${el.dataset.name}`, titleEn: 'New password, shown once', value: r.password });
  },
  'toggle-user': async (el, ctx) => {
    await api('PATCH', `${office(ctx)}/staff/${el.dataset.id}`, { disabled: el.dataset.disabled === '1' });
    await ctx.reload();
  },
  'revoke-kiosk': async (el, ctx) => {
    if (!confirmIn(ctx, `Cabut kiosk "${el.dataset.name}"? Kiosk itu langsung berhenti bekerja.`)) return;
    await api('POST', `${office(ctx)}/kiosks/${el.dataset.id}/revoke`);
    await ctx.reload();
    ctx.done(`Kiosk ${el.dataset.name} dicabut.`);
  },
  publish: async (el, ctx) => {
    const publish = el.dataset.published === '1';
    if (!confirmIn(ctx, publish ? 'Terbitkan kantor ini? Warga dapat melihatnya dan memesan.' : 'Jadikan draf? Kantor ini hilang dari daftar warga dan tidak menerima reservasi baru; reservasi yang ada tetap berlaku.')) return;
    await api('PUT', `${office(ctx)}/published`, { published: publish });
    await ctx.reload();
    ctx.done(publish ? 'Kantor diterbitkan.' : 'Kantor kembali menjadi draf.');
  },
  'urgent-end': async (_el, ctx) => {
    await api('DELETE', `${office(ctx)}/urgent-only`);
    await ctx.reload();
    ctx.done('Mode mendesak diakhiri: semua layanan buka kembali.');
  },
  'retry-failed': async (_el, ctx) => {
    const r = await api<{ requeued: number }>('POST', `${office(ctx)}/notifications/retry-failed`);
    await ctx.reload();
    ctx.done(`${r.requeued} notifikasi dijadwalkan ulang.`);
  },
  'report-range': async (el, ctx) => {
    const today = ctx.st.snap?.today ?? new Date().toISOString().slice(0, 10);
    const ranges: Record<string, [string, string]> = {
      yesterday: [addDaysTo(today, -1), addDaysTo(today, -1)],
      today: [today, today],
      week: [addDaysTo(today, -7), addDaysTo(today, -1)],
      month: [`${today.slice(0, 8)}01`, today],
    };
    const [from, to] = ranges[el.dataset.range!]!;
    ctx.st.report = { from, to, data: null };
    await ctx.loadReport();
  },
  'audit-more': async (_el, ctx) => ctx.loadAudit(true),
  'close-secret': (_el, ctx) => {
    ctx.st.secret = null;
    ctx.render();
  },
  'copy-secret': async (_el, ctx) => {
    await navigator.clipboard?.writeText(ctx.st.secret?.link ?? ctx.st.secret?.value ?? '').catch(() => undefined);
    ctx.done('Disalin.');
  },
};
