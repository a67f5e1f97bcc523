/**
 * Issue 17, several instances: two instances starting at once on an empty PostgreSQL database
 * must not both migrate. Each migrator takes one advisory lock first (core/db/index.ts `migrate`),
 * so one applies the migrations while the other waits and then finds nothing to do. Without the
 * lock both run the first migration at once, and one fails (seen: a duplicate key in pg_type).
 * PGlite has no such case: its data directory belongs to one process (core/db/lock.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate, migrationsFolder, openDatabase } from '../../src/core/db/index.ts';
import { testDbKind } from '../support/db.ts';

if (testDbKind() === 'postgres') {
  test('two migrators started at once on a fresh PostgreSQL database: both succeed, each migration is applied once (issue 17, instances)', async () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const dbName = `raadwerk_migrate_${process.pid}`;
    const dbUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
    const adminClient = new pg.Client({ connectionString: admin });
    await adminClient.connect();
    await adminClient.query(`CREATE DATABASE ${dbName}`);
    const instances = await Promise.all([1, 2].map(() => openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 2 })));
    try {
      const outcomes = await Promise.allSettled(instances.map((d) => migrate(d)));
      assert.deepEqual(
        outcomes.map((o) => (o.status === 'rejected' ? String((o.reason as Error).message) : 'ok')),
        ['ok', 'ok'],
      );
      const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
      const check = new pg.Client({ connectionString: dbUrl });
      await check.connect();
      try {
        const { rows } = await check.query('select count(*)::int as n from drizzle.__drizzle_migrations');
        assert.equal(rows[0].n, journal.entries.length, 'each migration recorded once');
        const locks = await check.query("select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())");
        assert.equal(locks.rows[0].n, 0, 'no migrator keeps the lock');
      } finally {
        await check.end();
      }
      // A third start later finds nothing to do.
      await migrate(instances[0]!);
    } finally {
      await Promise.all(instances.map((d) => d.close()));
      await adminClient.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await adminClient.end();
    }
  });
}
