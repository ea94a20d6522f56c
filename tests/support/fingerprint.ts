/** Every row of every table, to prove that a refused request changed nothing. */
import type { StoreCtx } from '../../server/store/context';

export const dbFingerprint = (ctx: StoreCtx): string => {
  const tables = ctx.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, ctx.sqlite.prepare(`select * from "${name}" order by rowid`).all()]));
};
