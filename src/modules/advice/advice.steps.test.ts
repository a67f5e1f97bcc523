/**
 * Issue 9 for the advice page: officials see only what is theirs to see; withdrawing asks first,
 * tells the people concerned and can be undone by the board within 30 days; the page is a step
 * list with the current step open.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { notices } from '../../core/notices/notices.schema.ts';
import { DomainError } from '../../core/errors.ts';
import { seedDocument } from './advice.register.test-helpers.ts';
import { restore, withdraw } from './advice.lifecycle.ts';
import { stepStatus } from './advice.steps.ts';
import { adviceRow, useTestApp, get, makeAdvice, makeCouncil, makeWorkingGroup, person, titleOf, auditEntries } from './advice.test-helpers.ts';

const t = useTestApp();

test('an official sees sent advices and the requests they filed; of their own request before sending only the request part', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const official = await person(t, c, 'official', 'Olga Ambtenaar');
  const other = await person(t, c, 'official', 'Otto Ambtenaar');
  const own = await makeAdvice(t, c, { status: 'concept', subject: 'Eigen aanvraag', createdBy: official.actor.userId, introduction: 'Geheime inleiding', explanation: 'Geheime toelichting' }, [
    'Geheime aanbeveling',
  ]);
  const concept = await makeAdvice(t, c, { status: 'in_approval', subject: 'Concept van de raad', approvalRound: 1, approvalClosesAt: new Date(Date.now() + 86_400_000) }, ['Aanbeveling']);
  const sent = await makeAdvice(t, c, { status: 'sent', subject: 'Verstuurd advies', sentAt: new Date(), introduction: 'Openbare inleiding' }, ['Verstuurde aanbeveling']);
  const requestDoc = await seedDocument(t, c, own, 'request', 'notitie.pdf');
  const councilDoc = await seedDocument(t, c, own, 'other', 'werkstuk.pdf');
  const conceptDoc = await seedDocument(t, c, concept, 'request', 'andere.pdf');

  const list = (await get(t, ws, official)).body;
  assert.match(list, /Eigen aanvraag/);
  assert.match(list, /Verstuurd advies/);
  assert.doesNotMatch(list, /Concept van de raad/);
  // The filter cannot widen what one may see.
  assert.doesNotMatch((await get(t, `${ws}?status=in_approval`, official)).body, /Concept van de raad/);
  assert.doesNotMatch((await get(t, ws, other)).body, /Eigen aanvraag/, "another official's request is not there");

  // Their own request: subject, question, request documents and status; not the council's work.
  const page = await get(t, `${ws}/${own.id}`, official);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Eigen aanvraag/);
  assert.match(page.body, /notitie\.pdf/);
  assert.match(page.body, /Conceptadvies/, 'the status');
  for (const hidden of ['Geheime inleiding', 'Geheime toelichting', 'Geheime aanbeveling', 'werkstuk.pdf', '?stap=concept', '?stap=geschiedenis']) assert.ok(!page.body.includes(hidden), hidden);
  assert.doesNotMatch((await get(t, `${ws}/${own.id}?stap=concept`, official)).body, /Geheime/);
  assert.equal((await get(t, `${ws}/${own.id}/documenten/${requestDoc.id}`, official)).statusCode, 200);
  assert.equal((await get(t, `${ws}/${own.id}/documenten/${councilDoc.id}`, official)).statusCode, 404);

  // The council's concept: not there for an official, in no form.
  for (const url of [`${ws}/${concept.id}`, `${ws}/${concept.id}?stap=stemronde`, `${ws}/${concept.id}/documenten/${conceptDoc.id}`, `${ws}/${concept.id}/brief`, `${ws}/${concept.id}/brief.pdf`]) {
    assert.equal((await get(t, url, official)).statusCode, 404, url);
  }
  // The letter of an adopted advice is the council's until it is sent.
  const adopted = await makeAdvice(t, c, { status: 'adopted', createdBy: official.actor.userId, adoptedAt: new Date() }, ['A']);
  assert.equal((await get(t, `${ws}/${adopted.id}/brief`, official)).statusCode, 404);

  // Once sent, everything of the advice.
  const sentPage = await get(t, `${ws}/${sent.id}`, official);
  assert.equal(sentPage.statusCode, 200);
  assert.match(sentPage.body, /Verstuurde aanbeveling/);
  assert.equal((await get(t, `${ws}/${sent.id}?stap=concept`, official)).body.includes('Openbare inleiding'), true);

  // The council's own people see everything.
  const member = await person(t, c, 'member');
  assert.match((await get(t, ws, member)).body, /Concept van de raad/);
  assert.match((await get(t, `${ws}/${own.id}?stap=concept`, member)).body, /Geheime inleiding/);
});

test('withdrawing asks first, says who will hear of it, tells them, and the board can undo it within 30 days', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const secretary = await person(t, c, 'secretary', 'Sam Secretaris');
  const official = await person(t, c, 'official', 'Olga Ambtenaar');
  const writer = await person(t, c, 'member', 'Wim Werkgroep');
  const group = await makeWorkingGroup(t, c, { name: 'Wmo' }, [writer.membershipId]);
  const a = await makeAdvice(t, c, { status: 'drafting', workingGroupId: group.id, createdBy: official.actor.userId });
  const url = `${ws}/${a.id}`;

  // The page shows the way to withdraw apart from the step's actions: a link to a page that asks first.
  const page = await get(t, url, secretary);
  assert.match(page.body, /<section aria-labelledby="stoppen" class="rw-danger-zone">/);
  assert.match(page.body, new RegExp(`<a class="utrecht-link nl-link" href="${url}/intrekken">Advies intrekken</a>`));
  assert.doesNotMatch(page.body, new RegExp(`action="${url}/intrekken"`), 'no one-click withdrawal');
  const confirm = await get(t, `${url}/intrekken`, secretary);
  assert.equal(confirm.statusCode, 200);
  assert.match(titleOf(confirm.body), /intrekken\?/);
  assert.match(confirm.body, /De leden van werkgroep Wmo \(1\) krijgen hierover een e-mail\./);
  assert.match(confirm.body, /Olga Ambtenaar krijgt hierover een e-mail, omdat die het advies aanvroeg\./);
  assert.match(confirm.body, /binnen 30 dagen ongedaan maken/);
  assert.match(confirm.body, new RegExp(`<form method="post" action="${url}/intrekken"`));
  assert.match(confirm.body, new RegExp(`<a class="utrecht-link nl-link" href="${url}">Nee, terug naar het advies</a>`));
  // Only the board gets there.
  assert.equal((await get(t, `${url}/intrekken`, writer)).statusCode, 403);

  const done = await secretary.request({ url: `${url}/intrekken`, form: {} });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `${url}?melding=ingetrokken`);
  assert.equal((await adviceRow(t, a.id)).status, 'withdrawn');
  const told = await t.db
    .select()
    .from(notices)
    .where(and(eq(notices.councilId, c.id), eq(notices.kind, 'advice.withdrawn')));
  assert.deepEqual(told.map((n) => n.userId).sort(), [official.actor.userId, writer.actor.userId].sort());
  const withdrawn = await get(t, done.headers.location as string, secretary);
  assert.match(withdrawn.body, /Het advies is ingetrokken\./);
  assert.match(withdrawn.body, /Intrekken ongedaan maken/);
  assert.match(
    withdrawn.body,
    /2\. Werkgroep en voorstel<\/a><\/span><span class="rw-task-list__status" id="stap-werkgroep-status"><span class="utrecht-status-badge utrecht-status-badge--inactive">Gestopt/,
  );
  // The confirmation page of a withdrawn advice has no button.
  assert.doesNotMatch((await get(t, `${url}/intrekken`, secretary)).body, new RegExp(`action="${url}/intrekken"`));

  // Undo: back to the state it had, in the audit log, the same people told.
  const restored = await secretary.request({ url: `${url}/terugzetten`, form: {} });
  assert.equal(restored.statusCode, 303);
  const row = await adviceRow(t, a.id);
  assert.equal(row.status, 'drafting');
  assert.equal(row.workingGroupId, group.id);
  const [entry] = await auditEntries(t, { entityId: a.id, action: 'advice.restored' });
  assert.deepEqual([entry!.fromState, entry!.toState], ['withdrawn', 'drafting']);
  assert.equal((await t.db.select().from(notices).where(eq(notices.kind, 'advice.restored'))).length, 2);
  assert.match((await get(t, `${url}?stap=geschiedenis`, secretary)).body, /Intrekken ongedaan gemaakt/);
  // Not twice: it is no longer withdrawn.
  assert.equal((await secretary.request({ url: `${url}/terugzetten`, form: {} })).statusCode, 400);
});

test('after 30 days a withdrawal stays, with a clear message; without a known earlier state too', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const a = await makeAdvice(t, c, { status: 'concept' });
  await withdraw(t.app.deps, { actor: secretary.actor, council: c, adviceId: a.id });
  const later = new Date(Date.now() + 31 * 24 * 3600 * 1000);
  await assert.rejects(restore(t.app.deps, { actor: secretary.actor, council: c, adviceId: a.id, now: later }), (e) => e instanceof DomainError && e.code === 'restorePeriodOver');
  assert.equal((await adviceRow(t, a.id)).status, 'withdrawn');
  // Through the page: the message in Dutch, nothing changed.
  await t.db
    .update(auditLog)
    .set({ at: new Date(Date.now() - 31 * 24 * 3600 * 1000) })
    .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'advice.withdrawn')));
  const ws = `/${c.slug}/werkruimte/adviezen/${a.id}`;
  assert.doesNotMatch((await get(t, ws, secretary)).body, /Intrekken ongedaan maken/);
  assert.match((await get(t, ws, secretary)).body, /kan niet meer ongedaan worden gemaakt/);
  const refused = await secretary.request({ url: `${ws}/terugzetten`, form: {} });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /alleen binnen 30 dagen terugzetten\. Die 30 dagen zijn voorbij\. Er is niets veranderd\./);
  assert.equal((await adviceRow(t, a.id)).status, 'withdrawn');

  // Withdrawn without an audit entry (older data): refused with its own message.
  const old = await makeAdvice(t, c, { status: 'withdrawn' });
  await assert.rejects(restore(t.app.deps, { actor: secretary.actor, council: c, adviceId: old.id }), (e) => e instanceof DomainError && e.code === 'noStateBeforeWithdrawal');
  // A member may not.
  const member = await person(t, c, 'member');
  const b = await makeAdvice(t, c, { status: 'requested' });
  await withdraw(t.app.deps, { actor: secretary.actor, council: c, adviceId: b.id });
  assert.equal((await member.request({ url: `/${c.slug}/werkruimte/adviezen/${b.id}/terugzetten`, form: {} })).statusCode, 403);
});

test('the page is a step list: the current step open with its forms, the others a status line with a link', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const secretary = await person(t, c, 'secretary');
  const a = await makeAdvice(t, c, { status: 'concept', introduction: 'Inleiding van het concept' }, ['Eerste aanbeveling']);
  const body = (await get(t, `${ws}/${a.id}`, secretary)).body;
  assert.equal((body.match(/<li class="rw-task-list__item/g) ?? []).length, 7);
  assert.match(body, /<h2 [^>]*id="stap-concept">3\. Conceptadvies en aanbevelingen<\/h2>/);
  assert.match(body, /Nu bezig/);
  assert.match(body, new RegExp(`href="${ws}/${a.id}\\?stap=aanvraag"[^>]*>1\\. Aanvraag van de gemeente</a>`));
  // Only the open step's forms: texts, recommendations and the approval round; not publication or documents.
  assert.match(body, /action="[^"]*\/tekst"/);
  assert.match(body, /action="[^"]*\/stemronde"/);
  assert.doesNotMatch(body, /action="[^"]*\/publicatie"/);
  assert.doesNotMatch(body, /action="[^"]*\/documenten/);
  // Those are one click away.
  assert.match((await get(t, `${ws}/${a.id}?stap=openbaarheid`, secretary)).body, /action="[^"]*\/publicatie"/);
  const step = (await get(t, `${ws}/${a.id}?stap=aanvraag`, secretary)).body;
  assert.match(step, /Stap 1 van 7/);
  assert.match(titleOf(step), /^Aanvraag van de gemeente: /);
  // A form error shows on the step's own page; saving a page that is not the current step returns there.
  const bad = await secretary.request({ url: `${ws}/${a.id}/publicatie`, form: { publication: 'not_public', publicationGround: '' } });
  assert.equal(bad.statusCode, 400);
  assert.match(titleOf(bad.body), /^Fout: Openbaarheid/);
  const ok = await secretary.request({ url: `${ws}/${a.id}/publicatie`, form: { publication: 'not_public', publicationGround: 'Woo 5.1' } });
  assert.equal(ok.headers.location, `${ws}/${a.id}?stap=openbaarheid&melding=opgeslagen`);
  // Unknown steps show the main page.
  assert.equal((await get(t, `${ws}/${a.id}?stap=bestaat-niet`, secretary)).statusCode, 200);
});

test('step status: done, current, not yet; the step a withdrawn advice stopped in', () => {
  assert.equal(stepStatus('aanvraag', 'drafting', null), 'done');
  assert.equal(stepStatus('werkgroep', 'drafting', null), 'current');
  assert.equal(stepStatus('concept', 'drafting', null), 'todo');
  assert.equal(stepStatus('opvolging', 'answered', null), 'current');
  assert.equal(stepStatus('werkgroep', 'withdrawn', { from: 'drafting' }), 'stopped');
  assert.equal(stepStatus('aanvraag', 'withdrawn', { from: 'drafting' }), 'done');
  assert.equal(stepStatus('stemronde', 'withdrawn', { from: 'concept' }), 'todo');
});
