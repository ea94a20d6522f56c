/** The province settings: off by default (SQLite, one process, as before), strict when set. */
import { describe, expect, it } from 'vitest';
import { configProblems, ConfigError, loadConfig, readConfig } from '../../server/config';

const problemsOf = (env: Record<string, string>) => configProblems(env, readConfig(env));

describe('the province settings', () => {
  it('leave a plain start as it was: SQLite, one process, no Redis', () => {
    const config = loadConfig({});
    expect({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl, workers: config.workers, prefix: config.redisPrefix, trustProxy: config.trustProxy }).toEqual({
      databaseUrl: undefined, redisUrl: undefined, workers: 1, prefix: 'giliran', trustProxy: 'loopback',
    });
  });

  it('accept a complete province deployment', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://giliran@db:5432/giliran', NIK_SECRET: 's', REDIS_URL: 'redis://cache:6379', WORKERS: '4', DATABASE_POOL_SIZE: '20' })).toEqual([]);
  });

  it('refuse what cannot work, each with its reason', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual([
      'DATABASE_URL must be a postgres://… (or postgresql://…) URL',
      'NIK_SECRET must be set with DATABASE_URL: every process of the deployment hashes NIKs with the same key',
    ]);
    expect(problemsOf({ WORKERS: '0' })[0]).toMatch(/^WORKERS must be a whole number from 1 to 64/);
    expect(problemsOf({ WORKERS: 'two' })[0]).toMatch(/^WORKERS must be a whole number/);
    expect(problemsOf({ WORKERS: '2', DATABASE_URL: 'postgres://db/g', NIK_SECRET: 's' })).toEqual([
      'WORKERS above 1 needs REDIS_URL: the processes share the change bus and the rate limits through Redis',
    ]);
    expect(problemsOf({ WORKERS: '2', REDIS_URL: 'redis://cache' })).toEqual([
      'WORKERS above 1 needs DATABASE_URL: several processes share one PostgreSQL database, not the SQLite file',
    ]);
    expect(problemsOf({ REDIS_URL: 'http://cache' })).toEqual(['REDIS_URL must be a redis://… (or rediss://…) URL']);
    expect(problemsOf({ REDIS_PREFIX: 'a b' })).toHaveLength(1);
    expect(() => loadConfig({ WORKERS: '3' })).toThrow(ConfigError);
  });
});
