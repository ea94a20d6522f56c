/**
 * The two store engines as the HTTP and socket tests start them: the real application on a fresh
 * SQLite file or on a fresh PostgreSQL database, with one way to read back what was stored.
 * `query` takes SQL with `?` parameters that both engines understand (use CAST(… AS integer) for
 * counts: PostgreSQL counts are bigint).
 */
import { startPostgresServer, startServer } from './server';

type Options = Parameters<typeof startServer>[0];

export type EngineServer = Awaited<ReturnType<typeof startServer>> extends infer S
  ? Omit<S & Awaited<ReturnType<typeof startPostgresServer>>, 'db' | 'pg' | 'stop' | 'databaseUrl'> & {
      query: <R = Record<string, unknown>>(sql: string, ...params: unknown[]) => Promise<R[]>;
      stop: () => Promise<void>;
    }
  : never;

const dollars = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export const ENGINES: { name: 'sqlite' | 'postgres'; start: (options?: Options) => Promise<EngineServer> }[] = [
  {
    name: 'sqlite',
    start: async (options) => {
      const s = await startServer(options);
      const query = async <R>(sql: string, ...params: unknown[]): Promise<R[]> => {
        const statement = s.db.prepare(sql);
        if (statement.reader) return statement.all(...params) as R[];
        statement.run(...params);
        return [];
      };
      return { ...s, query, stop: () => s.stop() };
    },
  },
  {
    name: 'postgres',
    start: async (options) => {
      const { dir: _dir, ...rest } = options ?? {};
      const s = await startPostgresServer(rest);
      return { ...s, query: async <R>(sql: string, ...params: unknown[]) => (await s.pg.query(dollars(sql), params)).rows as R[], stop: () => s.stop() };
    },
  },
];
