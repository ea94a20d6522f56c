/**
 * The SQLite engine as the contract tests open it: a fresh file in a temp folder per test.
 * `openStore` is also what the two-process test's child calls to open the same file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '../../server/store/sqlite/index';
import type { Store } from '../../server/store/store';
import type { StoreUnderTest } from './storeContract';

export type SqliteOpenOptions = { databasePath: string; nikSecret: string };

export const openStore = (options: SqliteOpenOptions): Store =>
  createSqliteStore({ ...options, synchronous: 'NORMAL', notifyChannel: 'log' });

export const makeSqliteStore = async (): Promise<StoreUnderTest> => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-contract-'));
  const options: SqliteOpenOptions = { databasePath: join(dir, 'giliran.db'), nikSecret: 'contract-test-nik-secret' };
  const store = openStore(options);
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
    secondProcess: { module: fileURLToPath(import.meta.url), options },
  };
};
