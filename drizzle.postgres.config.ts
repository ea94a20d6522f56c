import { defineConfig } from 'drizzle-kit';

// The PostgreSQL engine's migrations (npm run db:generate:postgres); SQLite's are in drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/store/postgres/schema.ts',
  out: './server/store/postgres/migrations',
});
