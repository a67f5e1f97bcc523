/**
 * Agenda links to other modules: documents (only what the reader may see) and signals the
 * council has to discuss. Ids of another council or unknown ids are refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { useTestApp, login, makeCouncils, makeMember, type LoggedIn } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { agendaItemDocuments, agendaItemSignals, agendaItems } from './meetings.schema.ts';
import { makeMeeting } from './meetings.test-helpers.ts';
import { makeDocument } from '../documents/documents.test-helpers.ts';
import { makeSignal, setSignalStatus } from '../signals/signals.test-helpers.ts';

let A: Council;
let B: Council;
let secretary: LoggedIn;
let member: LoggedIn;
const t = useTestApp({
  setup: async () => {
    [A, B] = await makeCouncils(t, 2);
    secretary = await login(t, (await makeMember(t, A, 'secretary')).user);
    member = await login(t, (await makeMember(t, A, 'member')).user);
  },
});

test('documents: the picker offers what the secretary may see; members never see a closed document linked', async () => {
  const m = await makeMeeting(t, A, '2031-01-15');
  const open = await makeDocument(t, A, { access: 'members', title: 'Beleidsnota Wmo 2031' });
  const closed = await makeDocument(t, A, { access: 'closed', title: 'Vertrouwelijk personeelsdossier' });
  const foreign = await makeDocument(t, B, { access: 'public', title: 'Stuk van een andere raad' });
  const form = await secretary.request({ url: `/${A.slug}/werkruimte/vergaderingen/${m.id}/agenda/nieuw` });
  assert.match(form.body, /Beleidsnota Wmo 2031/);
  assert.match(form.body, /Vertrouwelijk personeelsdossier/);
  assert.doesNotMatch(form.body, /Stuk van een andere raad/);

  const url = `/${A.slug}/werkruimte/vergaderingen/${m.id}/agenda`;
  const refused = await secretary.request({ url, form: { title: 'Stukken', access: 'public', documentIds: [open.id, foreign.id] } });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Kies uit de lijst/);
  assert.equal((await t.db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id))).length, 0);

  assert.equal((await secretary.request({ url, form: { title: 'Stukken', access: 'public', documentIds: [open.id, closed.id] } })).statusCode, 303);
  const [item] = await t.db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id));
  assert.equal((await t.db.select().from(agendaItemDocuments).where(eq(agendaItemDocuments.agendaItemId, item!.id))).length, 2);
  const asSecretary = await secretary.request({ url: `/${A.slug}/werkruimte/vergaderingen/${m.id}` });
  assert.match(asSecretary.body, /Vertrouwelijk personeelsdossier/);
  const asMember = await member.request({ url: `/${A.slug}/werkruimte/vergaderingen/${m.id}` });
  assert.match(asMember.body, /Beleidsnota Wmo 2031/);
  assert.doesNotMatch(asMember.body, /Vertrouwelijk personeelsdossier/);
  assert.doesNotMatch((await t.app.inject({ url: `/${A.slug}/vergaderingen/${m.id}` })).body, /Beleidsnota|Vertrouwelijk/);
});

test('signals: only those to discuss can be linked; a linked one stays linked after it was discussed', async () => {
  const m = await makeMeeting(t, A, '2031-02-19');
  const toDiscuss = await makeSignal(t, A, 'to_discuss', 'Lange wachttijden voor een traplift');
  const fresh = await makeSignal(t, A, 'new', 'Nog niet beoordeeld signaal');
  const foreign = await makeSignal(t, B, 'to_discuss', 'Signaal van een andere raad');
  const url = `/${A.slug}/werkruimte/vergaderingen/${m.id}/agenda`;
  const page = await secretary.request({ url: `${url}/nieuw` });
  assert.match(page.body, /Lange wachttijden voor een traplift/);
  assert.doesNotMatch(page.body, /Nog niet beoordeeld|andere raad/);
  for (const id of [fresh.id, foreign.id]) {
    assert.equal((await secretary.request({ url, form: { title: 'Signalen', access: 'closed', signalIds: id } })).statusCode, 400);
  }
  assert.equal((await secretary.request({ url, form: { title: 'Signalen', access: 'closed', signalIds: toDiscuss.id } })).statusCode, 303);
  const [item] = await t.db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id));
  await setSignalStatus(t, toDiscuss.id, 'discussed');
  // Saving the item again keeps the link, though the signal is no longer on the list to discuss.
  const edit = await secretary.request({ url: `${url}/${item!.id}` });
  assert.match(edit.body, /Eerder gekoppeld signaal/);
  assert.equal((await secretary.request({ url: `${url}/${item!.id}`, form: { title: 'Signalen', access: 'closed', signalIds: toDiscuss.id } })).statusCode, 303);
  assert.deepEqual(
    (await t.db.select().from(agendaItemSignals).where(eq(agendaItemSignals.agendaItemId, item!.id))).map((r) => r.signalId),
    [toDiscuss.id],
  );
});
