/**
 * The Store contract of the counter's own cases (issue "the lobby and the counter", items 4–5),
 * on both engines through the interface alone: urgent cases in a closed service (issue, transfer)
 * and the holder check of a booked ticket. Kept beside storeContract.ts, run the same way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/store/records';
import type { Store } from '../../server/store/store';
import { at, bookingOf, nik, OFFICE, outcome, refusal, setUpOffice, slotAt, TUESDAY } from './contractOffice';
import { makePostgresStore } from './postgresEngine';
import { makeSqliteStore } from './sqliteEngine';
import type { MakeStore, StoreUnderTest } from './storeContract';

const SET_UP_AT = at('2026-11-24T07:00');
const OPEN = at('2026-11-24T09:30');

const describeCounterCases = (engineName: string, makeStore: MakeStore): void => {
  describe(`the ${engineName} store: urgent cases and the holder check at the counter`, () => {
    let subject: StoreUnderTest | undefined;
    let store: Store;
    let admin: Actor;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
      admin = await setUpOffice(store, SET_UP_AT);
    });
    afterEach(async () => {
      await subject?.dispose();
    });
    const walkIn = (service: string) => store.issueWalkIn(OFFICE, { service, priority: null }, OPEN);

    it('issues a ticket for a closed service, and transfers into one, only as an urgent case with a reason', async () => {
      await store.createClosure(OFFICE, { from: TUESDAY, to: TUESDAY, service: 'B', reason: 'Petugas legalisir sakit', action: 'cancel' }, admin, OPEN);
      expect(await outcome(() => walkIn('B'))).toBe('CLOSED');
      const urgent = await store.issueUrgent(OFFICE, { service: 'B', reason: ' Rujukan operasi besok ' }, admin, OPEN);
      expect(urgent).toMatchObject({ number: 'B001', service: 'B', status: 'waiting' });
      expect(await store.ticketDetails(urgent.id, admin, OPEN)).toMatchObject({ urgentReason: 'Rujukan operasi besok', requirements: expect.any(String) });
      expect((await refusal(() => store.issueUrgent(OFFICE, { service: 'A', reason: 'Rujukan operasi besok' }, admin, OPEN))).fields).toMatchObject({ service: { key: 'service_open' } });
      const clerk: Actor = { ...admin, role: 'counter' };
      expect(await outcome(() => store.issueUrgent(OFFICE, { service: 'B', reason: 'Rujukan operasi besok' }, clerk, OPEN))).toBe('FORBIDDEN');

      const a = await walkIn('A');
      expect((await refusal(() => store.stepTicket(a.id, 'transfer', admin, OPEN, { service: 'B' }))).fields).toMatchObject({ reason: { key: 'urgent_reason_required' } });
      expect(await outcome(() => store.stepTicket(a.id, 'transfer', clerk, OPEN, { service: 'B', reason: 'Rujukan operasi besok' }))).toBe('FORBIDDEN');
      expect((await store.ticketDetails(a.id, admin, OPEN)).urgentReason).toBeNull();
      const moved = await store.stepTicket(a.id, 'transfer', admin, OPEN, { service: 'B', reason: 'Sidang besok pagi' });
      expect(moved.ticket).toMatchObject({ number: 'A001', service: 'B', status: 'waiting' });
      expect((await store.ticketDetails(a.id, admin, OPEN)).urgentReason).toBe('Sidang besok pagi');
      const audit = await store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 50, offset: 0, kind: 'admin' });
      expect(audit.entries.filter((e) => e.action === 'ticket.urgent').map((e) => [e.target, e.detail.via])).toEqual([['A001', 'transfer'], ['B001', 'issue']]);
      const report = await store.rangeReport(OFFICE, TUESDAY, TUESDAY);
      expect(report.services.find((r) => r.service === 'B')!.urgent).toBe(2);
      expect(report.total.urgent).toBe(2);
    });

    it("answers whether a NIK is a booked ticket's holder, audits it without digits, and locks the ticket after its mismatches", async () => {
      const ten = await slotAt(store, SET_UP_AT, 'A', TUESDAY, '10:00');
      const booking = await store.bookPlace(OFFICE, bookingOf(7, 'A', ten.id), SET_UP_AT);
      const checkedIn = await store.checkIn(OFFICE, booking.code, at('2026-11-24T10:00'));
      const now = at('2026-11-24T10:01');
      expect(await store.verifyHolder(checkedIn.id, nik(7), admin, now)).toEqual({ match: true });
      expect(await store.verifyHolder(checkedIn.id, nik(8), admin, now)).toEqual({ match: false });
      expect(await store.verifyHolder(checkedIn.id, nik(9), admin, now)).toEqual({ match: false });
      expect(await store.verifyHolder(checkedIn.id, nik(7), admin, now)).toEqual({ match: true });
      expect(await store.verifyHolder(checkedIn.id, nik(10), admin, now)).toEqual({ match: false });
      const locked = await refusal(() => store.verifyHolder(checkedIn.id, nik(7), admin, now));
      expect([locked.code, locked.params.variant]).toEqual(['TOO_MANY_ATTEMPTS', 'holder']);
      const audit = await store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 50, offset: 0, kind: 'admin' });
      const checks = audit.entries.filter((e) => e.action.startsWith('holder.'));
      expect(checks.map((e) => e.action).reverse()).toEqual(['holder.matched', 'holder.mismatched', 'holder.mismatched', 'holder.matched', 'holder.mismatched']);
      expect(JSON.stringify(checks)).not.toContain(nik(8).slice(4));
      // A walk-in holds no NIK; another office's staff may not ask.
      const walked = await store.issueWalkIn(OFFICE, { service: 'A', priority: null }, now);
      expect(await outcome(() => store.verifyHolder(walked.id, nik(7), admin, now))).toBe('NOT_FOUND');
      expect(await outcome(() => store.verifyHolder(checkedIn.id, nik(7), { ...admin, officeId: 'lain' }, now))).toBe('FORBIDDEN');
    });
  });
};

describeCounterCases('sqlite', makeSqliteStore);
describeCounterCases('postgres', makePostgresStore);
