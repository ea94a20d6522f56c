/** The Store contract on the embedded engine: a real SQLite file per test, removed afterwards. */
import { describeStoreContract } from './storeContract';
import { makeSqliteStore } from './sqliteEngine';

describeStoreContract('sqlite', makeSqliteStore);
