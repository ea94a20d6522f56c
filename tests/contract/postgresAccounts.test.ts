/**
 * The admin and account operations of the PostgreSQL store, against the SQLite store as the
 * reference: each script runs the same calls on both engines (each on a fresh database with the
 * contract office) and must log the same answers and refusals, once the values that are random by
 * design (tokens, their hashes, session ids) are left out. Then a few races only PostgreSQL can
 * run here (several connections at once), held to the rules SQLite keeps with its write lock.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors';
import { sha256 } from '../../server/security/tokens';
import type { Actor } from '../../server/store/records';
import type { Store } from '../../server/store/store';
import type { ServiceFields } from '../../shared/staffTypes';
import { at, bookingOf, counterId, OFFICE, outcome, setUpOffice, slotAt, TUESDAY, WEDNESDAY } from './contractOffice';
import { makePostgresStore } from './postgresEngine';
import { makeSqliteStore } from './sqliteEngine';
import type { MakeStore } from './storeContract';

const SET_UP_AT = at('2026-11-24T07:00');
const NOW = at('2026-11-24T09:30');
const LIMITS = { idleMinutes: 120, absoluteHours: 12 };

/** Random by design, so different on every run and engine. */
const RANDOM = new Set(['token', 'tokenHash', 'sessionId']);
const scrub = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(scrub)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).filter(([k]) => !RANDOM.has(k)).map(([k, v]) => [k, scrub(v)]))
      : value;

type Step = <T>(label: string, operation: () => Promise<T>) => Promise<T | undefined>;
type Script = (store: Store, admin: Actor, step: Step) => Promise<void>;

/** Runs `script` on an engine's fresh store; returns the log of every step's answer or refusal. */
const runOn = async (make: MakeStore, script: Script): Promise<unknown[]> => {
  const subject = await make();
  const log: unknown[] = [];
  const step: Step = async (label, operation) => {
    try {
      const result = await operation();
      log.push([label, scrub(result)]);
      return result;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      log.push([label, { refused: e.code, fields: e.fields, params: e.params }]);
      return undefined;
    }
  };
  try {
    await script(subject.store, await setUpOffice(subject.store, SET_UP_AT), step);
    return log;
  } finally {
    await subject.dispose();
  }
};

/** The script's log on PostgreSQL, which must equal its log on SQLite. */
const sameOnBothEngines = async (script: Script): Promise<unknown[]> => {
  const reference = await runOn(makeSqliteStore, script);
  const postgres = await runOn(makePostgresStore, script);
  expect(postgres).toEqual(reference);
  return reference;
};

const refusals = (log: unknown[]): string[] =>
  log.flatMap((entry) => {
    const [label, answer] = entry as [string, { refused?: string } | undefined];
    return answer && typeof answer === 'object' && 'refused' in answer ? [`${label}: ${answer.refused}`] : [];
  });

const FIELDS: ServiceFields = {
  nameId: 'Akta Kelahiran',
  nameEn: 'Birth certificate',
  requirementsId: '',
  requirementsEn: '',
  bookable: true,
  walkIn: true,
  typicalMinutes: 15,
  walkInQuota: 20,
  needsBlanko: false,
  serviceGroup: 'Pencatatan Sipil',
  blankoReserve: 0,
};

describe('the postgres store answers the admin operations as the sqlite store does', () => {
  it('creates, changes, reorders and retires services, and gives a retired letter back', async () => {
    const log = await sameOnBothEngines(async (store, admin, step) => {
      await step('create D', () => store.createService(OFFICE, { code: 'D', ...FIELDS }, admin, NOW));
      await step('create A again', () => store.createService(OFFICE, { code: 'A', ...FIELDS }, admin, NOW));
      await step('rename D to E', () => store.updateService(OFFICE, 'D', { code: 'E', nameEn: 'Birth certificates', walkInQuota: null }, admin, NOW));
      await step('update gone D', () => store.updateService(OFFICE, 'D', { nameEn: 'x' }, admin, NOW));
      await step('take taken letter', () => store.updateService(OFFICE, 'E', { code: 'C' }, admin, NOW));
      await step('reorder', () => store.reorderServices(OFFICE, ['E', 'C'], admin, NOW));
      await step('reorder unknown', () => store.reorderServices(OFFICE, ['Z'], admin, NOW));
      const slot = await slotAt(store, NOW, 'A', WEDNESDAY, '10:00');
      await store.bookPlace(OFFICE, bookingOf(1, 'A', slot.id), NOW);
      await step('retire booked A', () => store.retireService(OFFICE, 'A', admin, NOW));
      await step('retire B', () => store.retireService(OFFICE, 'B', admin, NOW));
      await step('retire B twice', () => store.retireService(OFFICE, 'B', admin, NOW));
      await step('E takes retired B', () => store.updateService(OFFICE, 'E', { code: 'B' }, admin, NOW));
      await step('create E again', () => store.createService(OFFICE, { code: 'E', ...FIELDS, bookable: false }, admin, NOW));
      await step('snapshot', async () => {
        const { services, counters } = await store.adminSnapshot(OFFICE, admin, NOW);
        return { services, counters };
      });
      await step('audit', () => store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 50, offset: 0, kind: 'admin' }));
    });
    expect(refusals(log)).toEqual([
      'create A again: VALIDATION',
      'update gone D: NOT_FOUND',
      'take taken letter: VALIDATION',
      'reorder unknown: VALIDATION',
      'retire booked A: VALIDATION',
      'retire B twice: NOT_FOUND',
    ]);
  });

  it('creates, changes and deletes counters, but not one that is calling someone', async () => {
    const log = await sameOnBothEngines(async (store, admin, step) => {
      const four = await step('create 4', () => store.createCounter(OFFICE, { name: '4', services: ['C', 'A', 'C'] }, admin, NOW));
      await step('create taken 1', () => store.createCounter(OFFICE, { name: '1', services: [] }, admin, NOW));
      await step('create with unknown service', () => store.createCounter(OFFICE, { name: '5', services: ['Z'] }, admin, NOW));
      await step('rename 4 to 2', () => store.updateCounter(OFFICE, four!.id, { name: '2' }, admin, NOW));
      await step('rename 4, new services', () => store.updateCounter(OFFICE, four!.id, { name: 'Loket 4', services: ['B'] }, admin, NOW));
      await step('update in another office', () => store.updateCounter('nowhere', four!.id, { name: 'x' }, admin, NOW));
      const one = await counterId(store, NOW, '1');
      await store.issueWalkIn(OFFICE, { service: 'A', priority: null }, NOW);
      await store.callNext(one, admin, NOW);
      await step('delete calling 1', () => store.deleteCounter(OFFICE, one, admin, NOW));
      await step('delete 4', () => store.deleteCounter(OFFICE, four!.id, admin, NOW));
      await step('delete 4 twice', () => store.deleteCounter(OFFICE, four!.id, admin, NOW));
      await step('snapshot counters', async () => (await store.adminSnapshot(OFFICE, admin, NOW)).counters);
      await step('audit', () => store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 50, offset: 0, kind: 'all' }));
    });
    expect(refusals(log)).toEqual([
      'create taken 1: VALIDATION',
      'create with unknown service: VALIDATION',
      'rename 4 to 2: VALIDATION',
      'update in another office: NOT_FOUND',
      'delete calling 1: VALIDATION',
      'delete 4 twice: NOT_FOUND',
    ]);
  });

  it('creates, changes and deletes notices and WhatsApp contacts of its own office only', async () => {
    const log = await sameOnBothEngines(async (store, admin, step) => {
      await store.createOffice({ id: 'lain', name: 'Kantor Lain', timezone: 'Asia/Makassar' }, admin, NOW);
      const notice = await step('create notice', () => store.createNotice(OFFICE, { textId: 'Libur', textEn: 'Holiday', active: true, startsOn: null, endsOn: null, targets: ['board', 'booking', 'kiosk'] }, admin, NOW));
      await step('update notice', () => store.updateNotice(OFFICE, notice!.id, { active: false, textEn: '' }, admin, NOW));
      await step('update notice elsewhere', () => store.updateNotice('lain', notice!.id, { active: true }, admin, NOW));
      await step('notice in unknown office', () => store.createNotice('nowhere', { textId: 'x', textEn: '', active: true, startsOn: null, endsOn: null, targets: ['board', 'booking', 'kiosk'] }, admin, NOW));
      await step('delete notice elsewhere', () => store.deleteNotice('lain', notice!.id, admin, NOW));
      await step('delete notice', () => store.deleteNotice(OFFICE, notice!.id, admin, NOW));
      await step('delete notice twice', () => store.deleteNotice(OFFICE, notice!.id, admin, NOW));
      const contact = await step('create contact', () => store.createContact(OFFICE, { label: 'Capil', phone: '0812-3456-7890', serviceGroup: 'Pencatatan Sipil' }, admin, NOW));
      await step('bad phone', () => store.createContact(OFFICE, { label: 'x', phone: 'abc', serviceGroup: '' }, admin, NOW));
      await step('update contact', () => store.updateContact(OFFICE, contact!.id, { phone: '+62 811 1111 2222', label: 'Capil 2' }, admin, NOW));
      await step('update contact elsewhere', () => store.updateContact('lain', contact!.id, { label: 'x' }, admin, NOW));
      await step('snapshot', async () => {
        const { notices, contacts } = await store.adminSnapshot(OFFICE, admin, NOW);
        return { notices, contacts };
      });
      await step('delete contact', () => store.deleteContact(OFFICE, contact!.id, admin, NOW));
      await step('delete contact twice', () => store.deleteContact(OFFICE, contact!.id, admin, NOW));
      await step('audit', () => store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 50, offset: 0, kind: 'admin' }));
    });
    expect(refusals(log)).toEqual([
      'update notice elsewhere: NOT_FOUND',
      'notice in unknown office: NOT_FOUND',
      'delete notice elsewhere: NOT_FOUND',
      'delete notice twice: NOT_FOUND',
      'bad phone: VALIDATION',
      'update contact elsewhere: NOT_FOUND',
      'delete contact twice: NOT_FOUND',
    ]);
  });

  it('manages staff accounts, their passwords and sessions', async () => {
    const log = await sameOnBothEngines(async (store, admin, step) => {
      const rina = await step('create rina', () => store.createStaff(OFFICE, { username: 'rina', displayName: 'Rina', role: 'counter' }, 'h1', admin, NOW));
      await step('create rina again', () => store.createStaff(OFFICE, { username: 'rina', displayName: 'Rina 2', role: 'counter' }, 'h', admin, NOW));
      await step('counter without office', () => store.createStaff(null, { username: 'budi', displayName: 'Budi', role: 'counter' }, 'h', admin, NOW));
      await step('create deployment admin', () => store.createStaff(null, { username: 'root2', displayName: 'Root', role: 'admin' }, 'h', admin, NOW));
      const sup = await step('create sup', () => store.createStaff(OFFICE, { username: 'sup', displayName: 'Sup', role: 'admin' }, 'h', admin, NOW));
      const supActor: Actor = { userId: sup!.id, role: 'admin', officeId: OFFICE };
      const phone = await store.startSession(rina!.id, NOW);
      const desk = await store.startSession(rina!.id, NOW.plus({ minutes: 5 }));
      await step('staff seen by the deployment admin', () => store.listStaff(OFFICE, admin));
      await step('staff seen by the office admin', () => store.listStaff(OFFICE, supActor));
      await step('office admin demotes self', () => store.updateStaff(OFFICE, sup!.id, { role: 'counter' }, supActor, NOW));
      await step('office admin touches deployment admin', () => store.updateStaff(OFFICE, admin.userId, { displayName: 'x' }, supActor, NOW));
      await step('promote rina', () => store.updateStaff(OFFICE, rina!.id, { role: 'supervisor', displayName: 'Rina S.' }, supActor, NOW));
      await step('phone after promotion', () => store.resolveSession(phone, NOW.plus({ minutes: 10 }), LIMITS));
      const again = await store.startSession(rina!.id, NOW.plus({ minutes: 10 }));
      const other = await store.startSession(rina!.id, NOW.plus({ minutes: 10 }));
      const rinaActor: Actor = { userId: rina!.id, role: 'supervisor', officeId: OFFICE };
      await step('change own password', () => store.changeOwnPassword(rinaActor, 'h2', sha256(again), NOW.plus({ minutes: 11 })));
      await step('kept session', () => store.resolveSession(again, NOW.plus({ minutes: 12 }), LIMITS));
      await step('other session', () => store.resolveSession(other, NOW.plus({ minutes: 12 }), LIMITS));
      await step('desk session', () => store.resolveSession(desk, NOW.plus({ minutes: 12 }), LIMITS));
      await step('password after change', async () => (await store.findUserByUsername('rina'))?.passwordHash);
      await step('reset rina', () => store.resetPassword(OFFICE, rina!.id, 'h3', supActor, NOW.plus({ minutes: 13 })));
      await step('kept session after reset', () => store.resolveSession(again, NOW.plus({ minutes: 14 }), LIMITS));
      await step('reset in another office', () => store.resetPassword('lain', rina!.id, 'h4', admin, NOW));
      await step('disable rina', () => store.updateStaff(OFFICE, rina!.id, { disabled: true }, supActor, NOW.plus({ minutes: 15 })));
      await step('enable rina', () => store.setUserDisabled(rina!.id, false, supActor, NOW.plus({ minutes: 16 })));
      await step('users', () => store.countUsers());
      await step('audit page 1', () => store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 4, offset: 0, kind: 'all' }));
      await step('audit page 2', () => store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 4, offset: 4, kind: 'all' }));
      await step('audit rest', () => store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 50, offset: 8, kind: 'admin' }));
    });
    expect(refusals(log)).toEqual([
      'create rina again: VALIDATION',
      'counter without office: VALIDATION',
      'office admin demotes self: VALIDATION',
      'office admin touches deployment admin: FORBIDDEN',
      'reset in another office: NOT_FOUND',
    ]);
    const answer = (label: string) => (log.find((entry) => (entry as [string])[0] === label) as [string, unknown])[1];
    expect(answer('phone after promotion')).toBeUndefined();
    expect(answer('kept session')).toMatchObject({ username: 'rina', role: 'supervisor' });
    expect(answer('other session')).toBeUndefined();
    expect(answer('kept session after reset')).toBeUndefined();
  });

  it('pairs, resolves and revokes kiosks', async () => {
    await sameOnBothEngines(async (store, admin, step) => {
      const kiosk = await step('create', () => store.createKiosk(OFFICE, 'Lobi', admin, NOW));
      await step('create in unknown office', () => store.createKiosk('nowhere', 'x', admin, NOW));
      await step('create by the system', () => store.createKiosk(OFFICE, 'Lantai 2', null, NOW));
      await step('resolve', () => store.resolveKiosk(kiosk!.token));
      await step('resolve unknown', () => store.resolveKiosk('nope'));
      await step('revoke elsewhere', () => store.revokeKiosk('lain', kiosk!.id, admin, NOW));
      await step('revoke', () => store.revokeKiosk(OFFICE, kiosk!.id, admin, NOW.plus({ minutes: 1 })));
      await step('revoke again', () => store.revokeKiosk(OFFICE, kiosk!.id, admin, NOW.plus({ minutes: 2 })));
      await step('resolve revoked', () => store.resolveKiosk(kiosk!.token));
      await step('list', () => store.listKiosks(OFFICE));
    });
  });

  it('keeps the blanko stock, never below zero, and the office settings and hours', async () => {
    const log = await sameOnBothEngines(async (store, admin, step) => {
      await step('set 5', () => store.changeBlanko(OFFICE, { set: 5 }, admin, NOW));
      await step('add 3', () => store.changeBlanko(OFFICE, { add: 3 }, admin, NOW));
      await step('take 9', () => store.changeBlanko(OFFICE, { add: -9 }, admin, NOW));
      await step('take 8', () => store.changeBlanko(OFFICE, { add: -8 }, admin, NOW));
      await step('unknown office', () => store.changeBlanko('nowhere', { add: 1 }, admin, NOW));
      await step('create office', () => store.createOffice({ id: 'lain', name: 'Kantor Lain', timezone: 'Asia/Makassar' }, admin, NOW));
      await step('create it again', () => store.createOffice({ id: 'lain', name: 'Lagi', timezone: 'Asia/Makassar' }, admin, NOW));
      await step('bad zone', () => store.createOffice({ id: 'x', name: 'X', timezone: 'Mars/Base' }, admin, NOW));
      await step('update', () => store.updateOffice('lain', { roomCapacity: 40, onePerServicePerDay: false }, admin, NOW));
      await step('hours', () => store.setOpeningHours('lain', [{ weekday: 6, open: '08:00', close: '12:00' }, { weekday: 1, open: '07:30', close: '15:00' }], admin, NOW));
      await step('bad hours', () => store.setOpeningHours('lain', [{ weekday: 1, open: '15:00', close: '07:30' }], admin, NOW));
      await step('snapshot', async () => {
        const { office, hours, today } = await store.adminSnapshot('lain', admin, NOW);
        return { office, hours, today };
      });
      await step('offices', () => store.countOffices());
      await step('audit', () => store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 20, offset: 0, kind: 'admin' }));
    });
    const stocks = log.filter((entry) => /^(set|add|take)/.test((entry as [string])[0])).map((entry) => (entry as [string, unknown])[1]);
    expect(stocks).toEqual([5, 8, { refused: 'VALIDATION', fields: { add: { key: 'out_of_range' } }, params: {} }, 0]);
  });

  it('pages through the audit log of staff actions and ticket steps alike', async () => {
    await sameOnBothEngines(async (store, admin, step) => {
      const one = await counterId(store, NOW, '1');
      for (let i = 0; i < 3; i++) {
        const later = NOW.plus({ minutes: i * 10 });
        await store.issueWalkIn(OFFICE, { service: 'A', priority: null }, later);
        const called = await store.callNext(one, admin, later.plus({ minutes: 1 }));
        await store.stepTicket(called!.ticket.id, 'start', admin, later.plus({ minutes: 2 }));
        await store.stepTicket(called!.ticket.id, 'complete', admin, later.plus({ minutes: 3 }));
        await store.createNotice(OFFICE, { textId: `Pengumuman ${i}`, textEn: '', active: true, startsOn: null, endsOn: null, targets: ['board', 'booking', 'kiosk'] }, admin, later.plus({ minutes: 2 }));
      }
      await store.recordSignInFailure('admin', '10.0.0.1', NOW);
      for (const kind of ['all', 'admin', 'tickets'] as const) {
        for (let offset = 0; offset < 12; offset += 5) {
          await step(`${kind} ${offset}`, () => store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 5, offset, kind }));
        }
      }
      await step('another day', () => store.readAudit(OFFICE, { from: WEDNESDAY, to: WEDNESDAY, limit: 5, offset: 0, kind: 'all' }));
    });
  });
});

describe('the postgres store keeps the account rules between connections racing each other', () => {
  const withPostgres = async (fn: (store: Store, admin: Actor) => Promise<void>) => {
    const subject = await makePostgresStore();
    try {
      const admin = await setUpOffice(subject.store, SET_UP_AT);
      // Every connection of the pool open beforehand, so that the racers really run at once.
      await Promise.all(Array.from({ length: 5 }, () => subject.store.listKiosks(OFFICE)));
      await fn(subject.store, admin);
    } finally {
      await subject.dispose();
    }
  };

  it('gives a name to one of two admins creating it at once, and "taken" to the other', async () => {
    await withPostgres(async (store, admin) => {
      const create = (n: number) => outcome(() => store.createStaff(OFFICE, { username: 'rina', displayName: `Rina ${n}`, role: 'counter' }, 'h', admin, NOW));
      const outcomes = await Promise.all([1, 2, 3, 4].map(create));
      expect(outcomes.sort()).toEqual(['OK', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
      expect((await store.listStaff(OFFICE, admin)).filter((s) => s.username === 'rina')).toHaveLength(1);
    });
  });

  it('counts every one of the wrong passwords sent at once', async () => {
    await withPostgres(async (store) => {
      const results = await Promise.all([1, 2, 3, 4, 5].map((i) => store.recordSignInFailure('rina', `10.0.0.${i}`, NOW)));
      expect(results.filter((r) => r !== null)).toEqual([NOW.toMillis() + 60_000]);
      expect(await store.signInLock('rina', '10.0.0.9', NOW)).toBe(NOW.toMillis() + 60_000);
    });
  });

  it('takes blanko cards out at once down to zero, and refuses the rest', async () => {
    await withPostgres(async (store, admin) => {
      await store.changeBlanko(OFFICE, { set: 3 }, admin, NOW);
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => outcome(() => store.changeBlanko(OFFICE, { add: -1 }, admin, NOW))));
      expect(outcomes.sort()).toEqual(['OK', 'OK', 'OK', 'VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
      expect((await store.adminSnapshot(OFFICE, admin, NOW)).office.blankoStock).toBe(0);
    });
  });
});
