/** Staff accounts, their sessions and sign-in failures, and the paired kiosks. Same conventions as schema.ts. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { offices } from './schema';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** admin | supervisor | counter */
  role: text('role').notNull(),
  /** A kelurahan assistant's own WhatsApp number: it receives the messages of the bookings it makes for citizens without a phone. */
  contactPhone: text('contact_phone'),
  /** The office this user works for; null for a deployment-wide admin. */
  officeId: text('office_id').references(() => offices.id),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Wrong passwords in a row per sign-in name (domain/signInThrottle), known or not, so that a
 * lock says nothing about which names exist. A successful sign-in deletes the row.
 */
export const signInFailures = sqliteTable('sign_in_failures', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: integer('last_failure_at').notNull(),
  lockedUntil: integer('locked_until'),
});

export const kiosks = sqliteTable('kiosks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  officeId: text('office_id').notNull().references(() => offices.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
});
