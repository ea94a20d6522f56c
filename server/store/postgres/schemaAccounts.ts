/** Staff accounts, their sessions and sign-in failures, and the paired kiosks. Same conventions as schema.ts. */
import { bigint, boolean, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { offices } from './schema';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** admin | supervisor | counter */
  role: text('role').notNull(),
  /** A kelurahan assistant's own WhatsApp number: it receives the messages of the bookings it makes for citizens without a phone. */
  contactPhone: text('contact_phone'),
  /** The office this user works for; null for a deployment-wide admin. */
  officeId: text('office_id').references(() => offices.id),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }).notNull(),
    endedAt: bigint('ended_at', { mode: 'number' }),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Wrong passwords in a row per sign-in name (domain/signInThrottle), known or not, so that a
 * lock says nothing about which names exist. A successful sign-in deletes the row.
 */
export const signInFailures = pgTable('sign_in_failures', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: bigint('last_failure_at', { mode: 'number' }).notNull(),
  lockedUntil: bigint('locked_until', { mode: 'number' }),
});

export const kiosks = pgTable('kiosks', {
  id: serial('id').primaryKey(),
  officeId: text('office_id').notNull().references(() => offices.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  revokedAt: bigint('revoked_at', { mode: 'number' }),
});
