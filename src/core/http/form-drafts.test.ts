import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from '../../../test/support/db.ts';
import { draftOf, keepDraft, takeDraft, DRAFT_TTL_MS } from './form-drafts.ts';
import { formDrafts } from './form-drafts.schema.ts';

test('a draft keeps typed text, never tokens, passwords or codes, and nothing from an oversized post', () => {
  assert.deepEqual(draftOf({ _csrf: 'a.b.c', naam: 'Joke', wachtwoord: 'geheim', code: '123456', apiToken: 'rw_x', thema: ['a', 'b'], bestand: { filename: 'x.pdf' } }), {
    naam: ['Joke'],
    thema: ['a', 'b'],
  });
  assert.equal(draftOf({ _csrf: 'x' }), null, 'nothing to keep');
  assert.equal(draftOf({ tekst: 'x'.repeat(100_001) }), null);
  assert.equal(draftOf('naam=Joke'), null);
});

test('a kept draft is given back once, only for its page and before it expires, and is sealed at rest', async () => {
  const database = await createTestDatabase();
  try {
    const { db } = database;
    const key = 'k'.repeat(64);
    const id = await keepDraft(db, key, '/lindewijk/contact', { onderwerp: ['Regiotaxi'] });
    assert.equal(await takeDraft(db, key, id, '/lindewijk/over-ons'), null, 'another page gets nothing');
    const stored = await db.select().from(formDrafts);
    assert.ok(!JSON.stringify(stored).includes('Regiotaxi'), 'the words are sealed');
    assert.deepEqual(await takeDraft(db, key, id, '/lindewijk/contact'), { onderwerp: ['Regiotaxi'] });
    assert.equal(await takeDraft(db, key, id, '/lindewijk/contact'), null, 'read once');

    const old = await keepDraft(db, key, '/p', { a: ['1'] }, new Date(Date.now() - DRAFT_TTL_MS - 1000));
    assert.equal(await takeDraft(db, key, old, '/p'), null, 'expired');
    assert.equal(await takeDraft(db, key, 'x'.repeat(200), '/p'), null);
  } finally {
    await database.close();
  }
});
