import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache } from './page-cache.ts';

test('a page rendered while a change happened is not stored', () => {
  const cache = new PageCache();
  const gen = cache.currentGeneration();
  cache.clearLocal();
  cache.set('nl:/x', 'oud', gen, '"e"');
  assert.equal(cache.get('nl:/x'), undefined);
  cache.set('nl:/x', 'nieuw', cache.currentGeneration(), '"e"');
  assert.equal(cache.get('nl:/x')?.body, 'nieuw');
});

test('entries expire after their maximum age', () => {
  const cache = new PageCache(10, 0);
  cache.set('nl:/x', 'a', cache.currentGeneration(), '"e"');
  const realNow = Date.now;
  Date.now = () => realNow() + 5;
  try {
    assert.equal(cache.get('nl:/x'), undefined);
  } finally {
    Date.now = realNow;
  }
});

test('the oldest entry makes room when the cache is full', () => {
  const cache = new PageCache(2);
  const g = cache.currentGeneration();
  cache.set('a', '1', g, '"1"');
  cache.set('b', '2', g, '"2"');
  cache.set('c', '3', g, '"3"');
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('c')?.body, '3');
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
