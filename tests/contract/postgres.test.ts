/** The Store contract on the province engine: a fresh PostgreSQL database per test, dropped afterwards. */
import { describeStoreContract } from './storeContract';
import { makePostgresStore } from './postgresEngine';

describeStoreContract('postgres', makePostgresStore);
