/** What every store operation works with: one connection, its drizzle handle, and secrets. */
import type Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/open';

export type StoreCtx = { db: Db; sqlite: Database.Database; nikSecret: string };

/**
 * One command = one transaction. BEGIN IMMEDIATE takes the write lock first, so every
 * capacity or state check inside `fn` sees the data it will change (no check-then-act race,
 * also across processes). The callback is synchronous, as better-sqlite3 requires.
 */
export const writeTx = <T>(ctx: StoreCtx, fn: () => T): T => ctx.sqlite.transaction(fn).immediate();

export const nikHash = (ctx: StoreCtx, nik: string): string => createHmac('sha256', ctx.nikSecret).update(nik).digest('hex');

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Unguessable, easy to read aloud and type: no 0/O, 1/I. 32^len possibilities. */
export const randomCode = (length: number): string => {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
};

export const randomTicketId = (): string => randomBytes(12).toString('base64url');
