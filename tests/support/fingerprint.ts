/** Every row of every table, to prove that a refused request changed nothing. */
import type Database from 'better-sqlite3';

export const dbFingerprint = (db: Database.Database): string => {
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by rowid`).all()]));
};
