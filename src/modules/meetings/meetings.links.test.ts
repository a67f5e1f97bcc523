/**
 * Agenda links to other modules: documents (only what the reader may see) and signals the
 * council has to discuss. Ids of another council or unknown ids are refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { useTestApp, login, makeCouncil, makeCouncils, makeMember, post, type LoggedIn } from '../../../test/support/factories.ts';
import { statementsOf } from '../../../test/support/db.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { NotFoundError } from '../../core/policy.ts';
import { agendaItemAdvices, agendaItemDocuments, agendaItemSignals, agendaItems } from './meetings.schema.ts';
import { makeItem, makeMeeting } from './meetings.test-helpers.ts';
import { getMeeting } from './meetings.queries.ts';
import { makeDocument } from '../documents/documents.test-helpers.ts';
import { makeAdvice, person } from '../advice/advice.test-helpers.ts';
import { makeAgreement } from '../cooperation/cooperation.test-helpers.ts';
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

test('the meeting page reads in one statement; each linked record under its own module rule', async () => {
  const partner = await makeCouncil(t);
  await makeAgreement(t, [A, partner]);
  const [board, plain] = [await person(t, A, 'secretary'), await person(t, A, 'member')];
  const m = await makeMeeting(t, A, '2031-03-19');
  const item = await makeItem(t, A, m, { title: 'Respijtzorg', position: 1 });
  const open = await makeDocument(t, A, { access: 'members', title: 'Notitie respijtzorg' });
  const closed = await makeDocument(t, A, { access: 'closed', title: 'Besloten notitie respijtzorg' });
  // A partner's document shared with A's board only (members of A do not see it).
  const shared = await makeDocument(t, partner, { access: 'closed', title: 'Gedeelde notitie respijtzorg' });
  const partnerChair = await person(t, partner, 'chair');
  assert.equal((await post(t, `/${partner.slug}/werkruimte/documenten/${shared.id}/delen`, { councilId: A.id, level: 'board' }, partnerChair)).statusCode, 303);
  const foreign = await makeDocument(t, B, { access: 'public', title: 'Stuk van een andere raad' });
  const advice = await makeAdvice(t, A, { status: 'drafting', subject: 'Respijtzorg in de Wmo' });
  const signal = await makeSignal(t, A, 'to_discuss', 'Te weinig plekken voor respijtzorg');
  const base = { councilId: A.id, agendaItemId: item.id };
  for (const d of [open, closed, shared, foreign]) await t.db.insert(agendaItemDocuments).values({ ...base, documentId: d.id });
  await t.db.insert(agendaItemAdvices).values({ ...base, adviceId: advice.id });
  await t.db.insert(agendaItemSignals).values({ ...base, signalId: signal.id });

  const [asBoard, n] = await statementsOf(t.app.deps.db, () => getMeeting(t.app.deps, { actor: board.actor, council: A, id: m.id }));
  assert.equal(n, 1);
  const [only] = asBoard.agenda;
  assert.deepEqual(
    only!.documents.map((d) => d.title),
    ['Besloten notitie respijtzorg', 'Gedeelde notitie respijtzorg', 'Notitie respijtzorg'],
  );
  assert.deepEqual(
    only!.advices.map((a) => a.subject),
    ['Respijtzorg in de Wmo'],
  );
  assert.deepEqual(
    only!.signals.map((s) => s.id),
    [signal.id],
  );
  const asMember = await getMeeting(t.app.deps, { actor: plain.actor, council: A, id: m.id.toUpperCase() });
  assert.deepEqual(
    asMember.agenda[0]!.documents.map((d) => d.title),
    ['Notitie respijtzorg'],
  );
  assert.equal(asMember.meeting.id, m.id);
  // Not a meeting of this council, or no id at all: 404, as before.
  for (const id of [(await makeMeeting(t, B, '2031-03-19')).id, 'geen-id']) {
    await assert.rejects(getMeeting(t.app.deps, { actor: board.actor, council: A, id }), NotFoundError);
  }
});
