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
import type { ConfirmationPolicy } from '../../server/domain/confirmation';
import type { StoreSettings, StoreUnderTest } from './storeContract';

export type SqliteOpenOptions = { databasePath: string; nikSecret: string; confirmation?: ConfirmationPolicy | null };

export const openStore = (options: SqliteOpenOptions): Store =>
  createSqliteStore({ ...options, synchronous: 'NORMAL', notifyChannel: 'log' });

export const makeSqliteStore = async (settings: StoreSettings = {}): Promise<StoreUnderTest> => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-contract-'));
  const options: SqliteOpenOptions = { databasePath: join(dir, 'giliran.db'), nikSecret: 'contract-test-nik-secret', ...settings };
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
