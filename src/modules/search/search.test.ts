import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeAdvice, person } from '../advice/advice.test-helpers.ts';
import { makeItem, makeMeeting } from '../meetings/meetings.test-helpers.ts';
import { makeSignal } from '../signals/signals.test-helpers.ts';
import { dayFromToday, makeCouncil, titleOf, withApp, type TestApp } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';

const search = (who: { request: (o: { url: string }) => Promise<{ statusCode: number; body: string }> }, council: Council, q: string) =>
  who.request({ url: `/${council.slug}/werkruimte/zoeken?q=${encodeURIComponent(q)}` });

async function councilWithRecords(t: TestApp) {
  const council = await makeCouncil(t);
  const official = await person(t, council, 'official');
  await makeAdvice(t, council, { status: 'sent', subject: 'Regiotaxi voor ouderen', sentAt: new Date() });
  await makeAdvice(t, council, { status: 'concept', subject: 'Regiotaxi concept', introduction: 'Geheim concept over de regiotaxi' });
  await makeAdvice(t, council, { status: 'requested', subject: 'Vraag over regiotaxi van de ambtenaar', createdBy: official.user.id });
  const meeting = await makeMeeting(t, council, dayFromToday(7), { title: 'Vergadering december' });
  await makeItem(t, council, meeting, { title: 'Bespreking regiotaxi', explanation: 'De wachttijden bij de regiotaxi' });
  await makeSignal(t, council, 'new', 'De regiotaxi kwam twee uur te laat bij mijn moeder.');
  return { council, official };
}

test('a member finds advices, meetings and signals with one search, grouped per kind', () =>
  withApp(async (t) => {
    const { council } = await councilWithRecords(t);
    const member = await person(t, council, 'member');
    const res = await search(member, council, 'regiotaxi');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Regiotaxi voor ouderen/);
    assert.match(res.body, /Regiotaxi concept/);
    assert.match(res.body, /Vergadering december/);
    assert.match(res.body, /twee uur te laat/);
    // The matched word is marked, as text.
    assert.match(res.body, /<mark>[Rr]egiotaxi<\/mark>/);
  }));

test('an official finds only sent advices and their own requests, and no signals or meetings', () =>
  withApp(async (t) => {
    const { council, official } = await councilWithRecords(t);
    const res = await search(official, council, 'regiotaxi');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Regiotaxi voor ouderen/);
    assert.match(res.body, /Vraag over regiotaxi van de ambtenaar/);
    assert.doesNotMatch(res.body, /Regiotaxi concept|Geheim concept/);
    assert.doesNotMatch(res.body, /twee uur te laat/);
    assert.doesNotMatch(res.body, /Vergadering december/);
  }));

test("another council's records are never found", () =>
  withApp(async (t) => {
    const { council } = await councilWithRecords(t);
    const other = await makeCouncil(t);
    const member = await person(t, other, 'member');
    const res = await search(member, other, 'regiotaxi');
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /Regiotaxi|twee uur/);
    assert.match(res.body, /Niets gevonden/);
    assert.equal((await search(member, council, 'regiotaxi')).statusCode, 404);
  }));

test('too short or too long a search gets a Dutch message and no results', () =>
  withApp(async (t) => {
    const { council } = await councilWithRecords(t);
    const member = await person(t, council, 'member');
    for (const q of ['r', 'r'.repeat(201)]) {
      const res = await search(member, council, q);
      assert.equal(res.statusCode, 400);
      assert.match(titleOf(res.body), /^Fout:/);
      assert.doesNotMatch(res.body, /Regiotaxi voor ouderen/);
    }
    // Search syntax a visitor may type is never an error.
    for (const q of ['"regiotaxi', 'regiotaxi OR', '-- -', '&&|!', "o'neill"]) assert.equal((await search(member, council, q)).statusCode, 200, q);
  }));

test('the search page needs a login', () =>
  withApp(async (t) => {
    const council = await makeCouncil(t);
    const res = await t.app.inject({ url: `/${council.slug}/werkruimte/zoeken?q=regiotaxi` });
    assert.notEqual(res.statusCode, 200);
  }));
