/** The admin page's notices (scheduled and targeted) and WhatsApp contacts: their forms and buttons. */
import { api } from './api';
import { confirmIn, office, type ClickHandler, type FormHandler } from './actionKit';
import { formData } from './forms';

/** A notice form as the API takes it: its texts, when it shows (empty dates: open-ended) and on which screens. */
const noticeBody = (form: HTMLFormElement) => {
  const f = formData(form);
  return {
    textId: f.str('textId'),
    textEn: f.str('textEn'),
    active: f.bool('active'),
    startsOn: f.str('startsOn') || null,
    endsOn: f.str('endsOn') || null,
    targets: (['board', 'booking', 'kiosk'] as const).filter((target) => f.bool(`target-${target}`)),
  };
};

export const noticeForms: Record<string, FormHandler> = {
  'notice-create': async (form, ctx) => {
    await api('POST', `${office(ctx)}/notices`, noticeBody(form));
    await ctx.reload();
    ctx.done('Pengumuman ditambahkan.');
  },
  'notice-update': async (form, ctx) => {
    await api('PATCH', `${office(ctx)}/notices/${form.dataset.id}`, noticeBody(form));
    ctx.st.editing = null;
    await ctx.reload();
    ctx.done('Pengumuman disimpan.');
  },
  'contact-create': async (form, ctx) => {
    const f = formData(form);
    await api('POST', `${office(ctx)}/whatsapp-contacts`, { label: f.str('label'), phone: f.str('phone'), serviceGroup: f.str('serviceGroup') });
    await ctx.reload();
    ctx.done('Nomor WhatsApp ditambahkan.');
  },
  'contact-update': async (form, ctx) => {
    const f = formData(form);
    await api('PATCH', `${office(ctx)}/whatsapp-contacts/${form.dataset.id}`, { label: f.str('label'), phone: f.str('phone'), serviceGroup: f.str('serviceGroup') });
    ctx.st.editing = null;
    await ctx.reload();
    ctx.done('Nomor WhatsApp disimpan.');
  },
};

export const noticeClicks: Record<string, ClickHandler> = {
  'toggle-notice': async (el, ctx) => {
    await api('PATCH', `${office(ctx)}/notices/${el.dataset.id}`, { active: el.dataset.active === '1' });
    await ctx.reload();
  },
  'delete-notice': async (el, ctx) => {
    if (!confirmIn(ctx, 'Hapus pengumuman ini?')) return;
    await api('DELETE', `${office(ctx)}/notices/${el.dataset.id}`);
    await ctx.reload();
  },
  'delete-contact': async (el, ctx) => {
    if (!confirmIn(ctx, 'Hapus nomor WhatsApp ini?')) return;
    await api('DELETE', `${office(ctx)}/whatsapp-contacts/${el.dataset.id}`);
    await ctx.reload();
  },
};
