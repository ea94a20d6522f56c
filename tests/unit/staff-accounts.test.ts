import { describe, expect, it } from 'vitest';
import { checkAccountAccess, checkAccountChange, checkNewAccount } from '../../server/domain/staffAccounts';
import type { Actor } from '../../server/domain/policy';
import { refusalOf } from './refusal';

const deploymentAdmin: Actor = { userId: 1, role: 'admin', officeId: null };
const officeAdmin: Actor = { userId: 3, role: 'admin', officeId: 'kota' };
const peer = { id: 2, role: 'admin', officeId: null };
const clerk = { id: 4, role: 'counter', officeId: 'kota' };
const otherClerk = { id: 5, role: 'counter', officeId: 'desa' };

describe('a new account', () => {
  it('without an office is a deployment-wide admin, nothing else', () => {
    expect(refusalOf(() => checkNewAccount(null, 'admin'))).toBeNull();
    expect(refusalOf(() => checkNewAccount(null, 'counter'))?.fields).toEqual({ role: { key: 'invalid' } });
    expect(refusalOf(() => checkNewAccount('kota', 'counter'))).toBeNull();
  });
});

describe('who manages an account', () => {
  it('an office admin manages the accounts of that office', () => {
    expect(refusalOf(() => checkAccountAccess(officeAdmin, clerk, 'kota'))).toBeNull();
  });

  it('an office admin may not touch another office\'s account, nor a deployment-wide admin', () => {
    expect(refusalOf(() => checkAccountAccess(officeAdmin, otherClerk, 'kota'))?.code).toBe('FORBIDDEN');
    expect(refusalOf(() => checkAccountAccess(officeAdmin, peer, 'kota'))?.code).toBe('FORBIDDEN');
  });

  it('a deployment-wide admin manages every account, but only through its own office', () => {
    expect(refusalOf(() => checkAccountAccess(deploymentAdmin, peer, 'kota'))).toBeNull();
    expect(refusalOf(() => checkAccountAccess(deploymentAdmin, otherClerk, 'desa'))).toBeNull();
    expect(refusalOf(() => checkAccountAccess(deploymentAdmin, otherClerk, 'kota'))?.code).toBe('NOT_FOUND');
  });
});

describe('changing an account', () => {
  const me = { id: officeAdmin.userId, role: 'admin', officeId: 'kota' };

  it('nobody changes their own role or disables themselves; their name they may', () => {
    expect(refusalOf(() => checkAccountChange(officeAdmin, me, { role: 'counter' }))?.fields).toEqual({ role: { key: 'self_change' } });
    expect(refusalOf(() => checkAccountChange(officeAdmin, me, { disabled: true }))?.fields).toEqual({ role: { key: 'self_change' } });
    expect(checkAccountChange(officeAdmin, me, { displayName: 'Saya', role: 'admin' })).toEqual({ endSessions: false });
  });

  it('a deployment-wide admin stays an admin', () => {
    expect(refusalOf(() => checkAccountChange(deploymentAdmin, peer, { role: 'supervisor' }))?.fields).toEqual({ role: { key: 'invalid' } });
  });

  it('ends the account\'s sessions when it is disabled or its role changes', () => {
    expect(checkAccountChange(officeAdmin, clerk, { disabled: true })).toEqual({ endSessions: true });
    expect(checkAccountChange(officeAdmin, clerk, { role: 'supervisor' })).toEqual({ endSessions: true });
    expect(checkAccountChange(officeAdmin, clerk, { role: 'counter', disabled: false })).toEqual({ endSessions: false });
  });
});
