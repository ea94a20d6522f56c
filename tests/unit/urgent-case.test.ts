import { describe, expect, it } from 'vitest';
import { decideUrgentIssue, decideUrgentTransfer, urgentReason } from '../../server/domain/urgentCase';
import type { Actor } from '../../server/domain/policy';
import { refusalOf } from './refusal';

const supervisor: Actor = { userId: 2, role: 'supervisor', officeId: 'kota' };
const counter: Actor = { userId: 3, role: 'counter', officeId: 'kota' };
const admin: Actor = { userId: 1, role: 'admin', officeId: null };

describe('urgent cases', () => {
  it('wants a reason of a few words, trimmed, and not a whole letter', () => {
    expect(urgentReason('  Pasien   operasi besok ')).toBe('Pasien operasi besok');
    expect(refusalOf(() => urgentReason(' ok '))).toMatchObject({ code: 'VALIDATION', fields: { reason: { key: 'urgent_reason_required' } } });
    expect(refusalOf(() => urgentReason(undefined))).toMatchObject({ fields: { reason: { key: 'urgent_reason_required' } } });
    expect(refusalOf(() => urgentReason('x'.repeat(301)))).toMatchObject({ fields: { reason: { key: 'too_long' } } });
  });

  it('lets a supervisor or an admin issue a ticket for a service closed today, never for an open one', () => {
    const closed = { officeId: 'kota', closedReason: 'Kantor tutup', reason: 'Syarat berobat ke RS' };
    expect(decideUrgentIssue({ ...closed, actor: supervisor })).toBe('Syarat berobat ke RS');
    expect(decideUrgentIssue({ ...closed, actor: admin })).toBe('Syarat berobat ke RS');
    expect(refusalOf(() => decideUrgentIssue({ ...closed, actor: counter }))).toMatchObject({ code: 'FORBIDDEN', params: { variant: 'urgent' } });
    expect(refusalOf(() => decideUrgentIssue({ ...closed, actor: { ...supervisor, officeId: 'lain' } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusalOf(() => decideUrgentIssue({ ...closed, closedReason: undefined, actor: supervisor }))).toMatchObject({ fields: { service: { key: 'service_open' } } });
  });

  it('asks nothing more of a transfer into an open service; into a closed one, a supervisor and a reason', () => {
    expect(decideUrgentTransfer({ officeId: 'kota', closedReason: undefined, reason: undefined, actor: counter })).toBeUndefined();
    const closed = { officeId: 'kota', closedReason: 'Hanya layanan mendesak' };
    expect(refusalOf(() => decideUrgentTransfer({ ...closed, reason: undefined, actor: supervisor }))).toMatchObject({ fields: { reason: { key: 'urgent_reason_required' } } });
    expect(refusalOf(() => decideUrgentTransfer({ ...closed, reason: 'Pasien operasi besok', actor: counter }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideUrgentTransfer({ ...closed, reason: 'Pasien operasi besok', actor: supervisor })).toBe('Pasien operasi besok');
  });
});
