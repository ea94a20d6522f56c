/** The admin page: wiring only. Sign-in, the office snapshot, hash sections, forms and buttons → API → re-render. */
import './admin.css';
import type { OfficeDetail, OfficeSummary } from '../shared/types';
import { clicks, forms, overrideDatePicked, type Ctx } from './actions';
import { api, ApiFailure } from './api';
import { addDaysTo, canAdmin, sectionsFor, todayIn, type AuditEntry, type Me, type Report, type Section, type Snapshot, type State } from './state';
import { flashView, loginView, secretView, shellView } from './view';
import { loadReleases } from './sections/releases';

const app = document.getElementById('app')!;
const OFFICE_KEY = 'giliran.admin.office';

const st: State = {
  me: null,
  offices: [],
  officeId: null,
  snap: null,
  detail: null,
  section: 'overview',
  slotService: null,
  templateDraft: null,
  overrideDraft: null,
  editing: null,
  report: { from: '', to: '', data: null },
  audit: { from: '', to: '', kind: 'all', entries: [], more: false },
  secret: null,
  flash: null,
  busy: false,
};
let loginError: string | null = null;
/** Kept across a failed sign-in so that only the password needs typing again. */
let lastUsername = '';

const render = () => {
  if (!st.me) {
    app.innerHTML = loginView(loginError, lastUsername);
    (app.querySelector(lastUsername ? 'input[name=password]' : 'input[name=username]') as HTMLInputElement | null)?.focus();
    return;
  }
  const main = document.getElementById('main');
  const scroll = main?.scrollTop ?? 0;
  app.innerHTML = shellView(st);
  const again = document.getElementById('main');
  if (again) again.scrollTop = scroll;
  (app.querySelector('[data-action="close-secret"]') as HTMLElement | null)?.focus();
};

/** Shows a message without re-rendering (an error must not wipe what the admin typed). */
const say = (kind: 'ok' | 'error', text: string) => {
  st.flash = { kind, text };
  const el = document.getElementById('flash');
  if (el) el.innerHTML = flashView(st);
  document.getElementById('main')?.scrollTo({ top: 0 });
};

const sectionFromHash = (): Section => {
  const wanted = location.hash.slice(1);
  const allowed = sectionsFor(st.me).map(([id]) => id) as Section[];
  if ((allowed as string[]).includes(wanted)) return wanted as Section;
  return allowed[0] ?? 'reports';
};

const today = () => st.snap?.today ?? todayIn(st.offices.find((o) => o.id === st.officeId)?.timezone ?? 'Asia/Jakarta');

const reload = async () => {
  if (!st.officeId) return render();
  const id = encodeURIComponent(st.officeId);
  const [snap, detail] = await Promise.all([
    canAdmin(st.me) ? api<Snapshot>('GET', `/offices/${id}/admin`) : Promise.resolve(null),
    api<OfficeDetail>('GET', `/offices/${id}`),
  ]);
  st.snap = snap;
  st.detail = detail;
  if (snap && !snap.services.some((s) => s.code === st.slotService)) st.slotService = snap.services[0]?.code ?? null;
  render();
};

const loadReport = async () => {
  if (!st.report.from) {
    const yesterday = addDaysTo(today(), -1);
    st.report = { from: yesterday, to: yesterday, data: null };
  }
  render();
  const { from, to } = st.report;
  st.report.data = await api<Report>('GET', `/offices/${encodeURIComponent(st.officeId!)}/reports?from=${from}&to=${to}`);
  render();
};

const loadAudit = async (append = false) => {
  if (!st.audit.from) st.audit = { ...st.audit, from: addDaysTo(today(), -6), to: today() };
  const a = st.audit;
  const offset = append ? a.entries.length : 0;
  const page = await api<{ entries: AuditEntry[]; more: boolean }>(
    'GET',
    `/offices/${encodeURIComponent(st.officeId!)}/audit?from=${a.from}&to=${a.to}&kind=${a.kind}&limit=100&offset=${offset}`,
  );
  st.audit.entries = append ? [...a.entries, ...page.entries] : page.entries;
  st.audit.more = page.more;
  render();
};

const openSection = async () => {
  st.section = sectionFromHash();
  st.editing = null;
  st.flash = null;
  render();
  document.getElementById('main')?.scrollTo({ top: 0 });
  if (st.section === 'reports') await loadReport();
  if (st.section === 'audit') await loadAudit();
  if (st.section === 'office' && st.officeId) {
    st.releases = await loadReleases(st.officeId);
    render();
  }
};

const ctx: Ctx = {
  st,
  root: app,
  reload,
  render,
  done: (text) => say('ok', text),
  secret: (secret) => {
    st.secret = secret;
    const el = document.getElementById('secret');
    if (el) el.innerHTML = secretView(st);
    (app.querySelector('[data-action="close-secret"]') as HTMLElement | null)?.focus();
  },
  loadReport,
  loadAudit,
};

const signedOut = (message: string | null) => {
  st.me = null;
  st.snap = null;
  st.detail = null;
  st.secret = null;
  st.editing = null;
  st.templateDraft = null;
  st.overrideDraft = null;
  st.report = { from: '', to: '', data: null };
  st.audit = { from: '', to: '', kind: 'all', entries: [], more: false };
  loginError = message;
  render();
};

/** Runs one action; an API refusal is shown in Indonesian and English, a lost session goes back to sign-in. */
const run = async (work: () => Promise<void> | void, trigger?: HTMLElement | null) => {
  if (st.busy) return;
  st.busy = true;
  trigger?.setAttribute('aria-busy', 'true');
  if (trigger instanceof HTMLButtonElement) trigger.disabled = true;
  try {
    await work();
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401 && st.me) signedOut('Sesi Anda telah berakhir. Silakan masuk kembali. / Your session has ended.');
    else say('error', err instanceof Error ? err.message : String(err));
  } finally {
    st.busy = false;
    trigger?.removeAttribute('aria-busy');
    if (trigger instanceof HTMLButtonElement && trigger.isConnected) trigger.disabled = false;
  }
};

const start = async (me: Me) => {
  if (me.role === 'counter') {
    signedOut('Akun ini untuk halaman loket (/counter/), bukan admin. / This account is for the counter page.');
    return;
  }
  // A kelurahan assistant books for citizens on its own page.
  if (me.role === 'assistant') {
    location.assign('/assist/');
    return;
  }
  st.me = me;
  loginError = null;
  // Drafts too: an admin sets an office up before visitors see it.
  st.offices = await api<OfficeSummary[]>('GET', '/staff/offices');
  const saved = localStorage.getItem(OFFICE_KEY);
  st.officeId = me.officeId ?? (st.offices.some((o) => o.id === saved) ? saved : (st.offices[0]?.id ?? null));
  await reload();
  await openSection();
};

app.addEventListener('submit', (event) => {
  const form = (event.target as HTMLElement).closest<HTMLFormElement>('form[data-form]');
  if (!form) return;
  event.preventDefault();
  const name = form.dataset.form!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (name === 'login') {
    const data = new FormData(form);
    lastUsername = String(data.get('username') ?? '');
    void run(async () => {
      try {
        await start(await api<Me>('POST', '/auth/login', { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') }));
      } catch (err) {
        signedOut(err instanceof ApiFailure ? err.message : String(err));
      }
    }, button);
    return;
  }
  const handler = forms[name];
  if (handler) void run(() => handler(form, ctx), button);
});

app.addEventListener('click', (event) => {
  const el = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!el || el.tagName === 'SELECT') return;
  const action = el.dataset.action!;
  if (action === 'logout') {
    void run(async () => {
      await api('POST', '/auth/logout').catch(() => undefined);
      signedOut(null);
    });
    return;
  }
  const handler = clicks[action];
  if (handler) void run(() => handler(el, ctx), el);
});

app.addEventListener('change', (event) => {
  const el = event.target as HTMLSelectElement;
  if (el.matches('[data-override-date]') && el.value) return overrideDatePicked(el.value, ctx);
  if (el.dataset.action !== 'office') return;
  void run(async () => {
    st.officeId = el.value;
    localStorage.setItem(OFFICE_KEY, el.value);
    st.report = { from: '', to: '', data: null };
    st.audit = { ...st.audit, from: '', to: '', entries: [] };
    st.templateDraft = null;
    await reload();
    await openSection();
  });
});

window.addEventListener('hashchange', () => void run(openSection));

void run(async () => {
  try {
    await start(await api<Me>('GET', '/auth/me'));
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) signedOut(null);
    else throw err;
  }
});
