import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache } from './page-cache.ts';
import { createTestDatabase } from '../../../test/support/db.ts';

test('a page rendered while a change happened is not stored', () => {
  const cache = new PageCache();
  const gen = cache.currentGeneration();
  cache.clearLocal();
  cache.set('nl:/x', 'oud', gen, '"e"');
  assert.equal(cache.get('nl:/x'), undefined);
  cache.set('nl:/x', 'nieuw', cache.currentGeneration(), '"e"');
  assert.equal(cache.get('nl:/x')?.body.toString(), 'nieuw');
});

test('entries expire after their maximum age', () => {
  const cache = new PageCache({ maxAgeMs: 0 });
  cache.set('nl:/x', 'a', cache.currentGeneration(), '"e"');
  const realNow = Date.now;
  Date.now = () => realNow() + 5;
  try {
    assert.equal(cache.get('nl:/x'), undefined);
  } finally {
    Date.now = realNow;
  }
});

test('the least recently read entry makes room when the cache is full', () => {
  const cache = new PageCache({ maxEntries: 2 });
  const g = cache.currentGeneration();
  cache.set('a', '1', g, '"1"');
  cache.set('b', '2', g, '"2"');
  cache.get('a');
  cache.set('c', '3', g, '"3"');
  assert.equal(cache.get('b'), undefined, 'b was read least recently');
  assert.equal(cache.get('a')?.body.toString(), '1');
  assert.equal(cache.get('c')?.body.toString(), '3');
});

test('the cache stays within its byte budget, counting UTF-8 bytes, and says how full it is', () => {
  const page = (c: string) => c.repeat(10_000);
  const one = new PageCache();
  one.set('k', page('ë'), one.currentGeneration(), '"e"');
  const perPage = one.size().bytes;
  assert.ok(perPage >= 20_000 && perPage < 21_000, `a page of 10,000 "ë" is 20,000 bytes plus its entry: ${perPage}`);

  const budget = 5 * perPage + 10;
  const cache = new PageCache({ maxBytes: budget });
  const g = cache.currentGeneration();
  for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
    cache.set(key, page('ë'), g, '"e"');
    assert.ok(cache.size().bytes <= budget);
  }
  assert.deepEqual(cache.size(), { entries: 5, bytes: 5 * perPage, maxBytes: budget });
  assert.equal(cache.get('b'), undefined, 'the oldest went first');
  assert.ok(cache.get('g'));

  // Storing a key again replaces it without counting it twice; a change empties it.
  cache.set('g', page('ë'), g, '"e2"');
  assert.equal(cache.size().bytes, 5 * perPage);
  cache.clearLocal();
  assert.deepEqual(cache.size(), { entries: 0, bytes: 0, maxBytes: budget });
});

test('a page too large for its share of the budget is not kept, and a budget of 0 keeps nothing', () => {
  const cache = new PageCache({ maxBytes: 40_000 });
  cache.set('big', 'x'.repeat(20_000), cache.currentGeneration(), '"b"');
  assert.equal(cache.get('big'), undefined);
  const off = new PageCache({ maxBytes: 0 });
  off.set('k', 'x', off.currentGeneration(), '"e"');
  assert.equal(off.get('k'), undefined);
  assert.equal(off.size().bytes, 0);
});

test('an expired entry gives its bytes back', () => {
  const cache = new PageCache({ maxAgeMs: 0 });
  cache.set('k', 'x'.repeat(1000), cache.currentGeneration(), '"e"');
  const realNow = Date.now;
  Date.now = () => realNow() + 5;
  try {
    assert.equal(cache.get('k'), undefined);
    assert.equal(cache.size().entries, 0);
    assert.equal(cache.size().bytes, 0);
  } finally {
    Date.now = realNow;
  }
});

test('memo keeps a computed value until the next change, and never stores one computed across a change', async () => {
  const cache = new PageCache();
  let runs = 0;
  const compute = async () => ++runs;
  assert.equal(await cache.memo('k', compute), 1);
  assert.equal(await cache.memo('k', compute), 1, 'kept');
  assert.equal(await cache.memo('other', compute), 2, 'per key');
  cache.clearLocal();
  assert.equal(await cache.memo('k', compute), 3, 'a change moves it on');
  // A change while the value is being computed: the value is returned but not kept.
  const during = await cache.memo('k2', async () => {
    cache.clearLocal();
    return ++runs;
  });
  assert.equal(during, 4);
  assert.equal(await cache.memo('k2', compute), 5);
});

test('a change of content keeps the organisation memos (the council row); a change of everything takes them too', async () => {
  const cache = new PageCache();
  let runs = 0;
  const compute = async () => ++runs;
  const council = () => cache.memo('council:x', compute, { scope: 'organisation' });
  const counts = () => cache.memo('counts:x', compute);
  assert.equal(await council(), 1);
  assert.equal(await counts(), 2);
  cache.set('nl:/x', 'pagina', cache.currentGeneration(), '"e"');
  cache.clearLocal('content');
  assert.equal(await council(), 1, 'the council is kept');
  assert.equal(await counts(), 3, 'content values go');
  assert.equal(cache.get('nl:/x'), undefined, 'public pages go');
  cache.clearLocal('all');
  assert.equal(await council(), 4, 'the council goes with everything');
  // An organisation value computed across a change of everything is not kept.
  const across = async () => {
    cache.clearLocal('all');
    return ++runs;
  };
  assert.equal(await cache.memo('council:y', across, { scope: 'organisation' }), 5);
  assert.equal(await cache.memo('council:y', compute, { scope: 'organisation' }), 6);
});

test('the other instances hear each change with its scope, in order and told together when they come quickly; a cache skips its own', async () => {
  const database = await createTestDatabase();
  try {
    const a = new PageCache();
    const b = new PageCache();
    await a.connect(database);
    await b.connect(database);
    const heard: string[] = [];
    const clearLocal = b.clearLocal.bind(b);
    b.clearLocal = (scope) => {
      heard.push(scope ?? 'all');
      clearLocal(scope);
    };
    let own = 0;
    const clearA = a.clearLocal.bind(a);
    a.clearLocal = (scope) => {
      own++;
      clearA(scope);
    };
    await b.memo('council:x', async () => 'oud', { scope: 'organisation' });
    // Three changes at once: the first is told at once, the two behind it in one notification.
    void a.invalidate('content');
    void a.invalidate('content');
    void a.invalidate('all');
    await a.told();
    while (heard.length < 2) await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(heard, ['content', 'all']);
    assert.equal(own, 3, 'a cleared itself once per change, and not again for its own notifications');
    assert.equal(await b.memo('council:x', async () => 'nieuw', { scope: 'organisation' }), 'nieuw');
  } finally {
    await database.close();
  }
});
