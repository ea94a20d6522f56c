/**
 * The PostgreSQL engine as the tests open it: a fresh database per store on the machine's server
 * (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards.
 * `openStore` is also what the two-process test's child calls to open the same database.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPostgresStore } from '../../server/store/postgres/index';
import type { Store } from '../../server/store/store';
import type { ConfirmationPolicy } from '../../server/domain/confirmation';
import type { StoreSettings, StoreUnderTest } from './storeContract';

export type PostgresOpenOptions = { connectionString: string; nikSecret: string; confirmation?: ConfirmationPolicy | null };

export const serverUrl = (): string => process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of `database` on the test server. */
const urlOf = (database: string): string => {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
};

const onServer = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/** Creates an empty database of its own for one test (or one test server); returns its URL and how to drop it. */
export const freshDatabase = async (): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = `giliran_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE ${name}`));
  return { url: urlOf(name), drop: () => onServer(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) };
};

export const openStore = (options: PostgresOpenOptions): Promise<Store> =>
  createPostgresStore({ ...options, notifyChannel: 'log', poolSize: 5 });

export const makePostgresStore = async (settings: StoreSettings = {}): Promise<StoreUnderTest> => {
  const database = await freshDatabase();
  const options: PostgresOpenOptions = { connectionString: database.url, nikSecret: 'contract-test-nik-secret', ...settings };
  const store = await openStore(options);
  return {
    store,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
    secondProcess: { module: fileURLToPath(import.meta.url), options },
  };
};
