import { freshDatabase, openStore } from '/work/main/tests/contract/postgresEngine';
const d = await freshDatabase();
const t0 = Date.now();
const s = await openStore({ connectionString: d.url, nikSecret: 'x' });
console.log('migrated in', Date.now() - t0, 'ms');
await s.close(); await d.drop(); console.log('ok');
