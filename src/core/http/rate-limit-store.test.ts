import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from '../../../test/support/db.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';

type Res = { current: number; ttl: number };

test('the database rate-limit store counts parallel requests exactly, per route, and starts again when the window ends', async () => {
  const database = await createTestDatabase();
  try {
    const Store = databaseRateLimitStore(database.db);
    const store = new Store({} as never);
    const route = store.child({ routeInfo: { method: 'GET', url: '/api/v1/x' } } as never);
    const other = store.child({ routeInfo: { method: 'GET', url: '/api/v1/y' } } as never);
    const incr = (s: typeof route, key: string, window = 60_000) => new Promise<Res>((resolve, reject) => s.incr(key, (err, res) => (err ? reject(err) : resolve(res!)), window, 10));
    // 20 at once, as from several instances: every count from 1 to 20 once, none lost or doubled.
    const counts = (await Promise.all(Array.from({ length: 20 }, () => incr(route, '10.0.0.1')))).map((r) => r.current).sort((a, b) => a - b);
    assert.deepEqual(
      counts,
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    assert.equal((await incr(other, '10.0.0.1')).current, 1, 'another route counts apart');
    assert.equal((await incr(route, '10.0.0.2')).current, 1, 'another client counts apart');
    const short = await incr(route, '10.0.0.3', 50);
    assert.ok(short.ttl <= 50);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal((await incr(route, '10.0.0.3', 50)).current, 1, 'a new window starts at 1');
  } finally {
    await database.close();
  }
});
