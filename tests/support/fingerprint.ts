/** Every row of every table, to prove that a refused request changed nothing. */
import type Database from 'better-sqlite3';

export const dbFingerprint = (db: Database.Database): string => {
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by rowid`).all()]));
};

/**
 * dbFingerprint without what a refused try on a booking code is meant to write: the count of
 * wrong `nik4` answers per code (code_attempts) and their audit entries (domain/codeAttempts).
 */
export const dbFingerprintBesidesCodeTries = (db: Database.Database): string =>
  JSON.stringify(
    (JSON.parse(dbFingerprint(db)) as [string, { action?: string }[]][])
      .filter(([name]) => name !== 'code_attempts')
      .map(([name, rows]) => [name, name === 'audit_log' ? rows.filter((r) => r.action !== 'booking.wrong_nik4') : rows]),
  );
