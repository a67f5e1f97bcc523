import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { outbox } from '../../core/mail/mail.schema.ts';
import { ForbiddenError, NotFoundError, type Actor } from '../../core/policy.ts';
import { useTestApp, makeAdvice, makeCouncil, mailsTo, person, people, auditEntries } from '../advice/advice.test-helpers.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { signalAccessLog, signalContacts, signalEvents, signalMessages, signals, type SignalArea, type SignalSource } from './signals.schema.ts';
import { countNewSignals, getSignal, listSignals, listSignalsToDiscuss, signalRefs, signalsForAdvice } from './signals.queries.ts';
import { classify, closeSignal, linkAdvice, markDiscussed, markDuplicate, reopenSignal, toDiscuss } from './signals.triage.ts';
import { accessLog, eraseSignal, exportSignal, viewContact } from './signals.privacy.ts';
import { defaultSettings, getSettingsPage, saveSettings, saveTemplate } from './signals.settings.ts';
import { runSignalRetention } from './signals.retention.ts';
import { themeOverview } from './signals.themes.ts';
import { submitSignal } from './signals.submit.ts';
import { DomainError } from '../../core/errors.ts';
import type { ContactInput, SignalInput } from './signals.forms.ts';

const t = useTestApp();

const deps = () => t.app.deps;
const input = (description: string, area: SignalArea = 'transport'): SignalInput => ({ description, area, since: 'month', peopleCount: null });

async function submit(c: Council, description: string, opts: { contact?: ContactInput; source?: SignalSource; actor?: Actor | null; now?: Date } = {}) {
  return submitSignal(deps(), {
    council: c,
    actor: opts.actor ?? null,
    input: input(description),
    contact: opts.contact ?? null,
    consent: opts.contact != null,
    source: opts.source ?? 'web_form',
    now: opts.now,
  });
}

async function row(id: string) {
  const [s] = await t.db.select().from(signals).where(eq(signals.id, id));
  return s!;
}

test('a resident submits: reference per council and year, contact sealed apart, audit entry, acknowledgement mail', async () => {
  const c = await makeCouncil(t, { name: 'Adviesraad Testdorp' });
  const email = `bewoner-${Date.now()}@example.org`;
  const first = await submit(c, 'De taxi komt te laat.', { contact: { name: 'Jan Jansen', email, phone: '06 1234 5678' } });
  const second = await submit(c, 'Nog een signaal.');
  const year = new Date().getUTCFullYear();
  assert.equal(first.reference, `S-${year}-0001`);
  assert.equal(second.reference, `S-${year}-0002`);
  // Another council starts its own numbering.
  const other = await submit(await makeCouncil(t), 'Elders.');
  assert.equal(other.reference, `S-${year}-0001`);

  const s = await row(first.id);
  assert.equal(s.status, 'new');
  assert.equal(s.hasContact, true);
  assert.ok(s.consentAt);
  assert.equal(s.recordedByUserId, null);

  // No plaintext of the contact details anywhere in the stored row.
  const [raw] = await t.db.select().from(signalContacts).where(eq(signalContacts.signalId, first.id));
  const stored = JSON.stringify(raw);
  // The whole phone number, as typed and as digits: a short part such as "1234" also turns up by
  // chance in the row's ids and sealed values (it did, once in CI).
  for (const plain of ['Jan Jansen', email, '06 1234 5678', '0612345678']) assert.ok(!stored.includes(plain), `plaintext ${plain} stored`);
  // Sealed with the newest key of the key ring, which the value names (core/keyring.ts).
  assert.match(raw!.emailSealed!, /^v2\./);

  const audits = await auditEntries(t, { entityId: first.id, action: 'signal.submitted' });
  assert.equal(audits.length, 1);
  assert.ok(!JSON.stringify(audits[0]!.data).includes(email));

  const mails = await mailsTo(t, email);
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.subject, new RegExp(first.reference));
  assert.match(mails[0]!.body, /Adviesraad Testdorp/);
  const sent = await t.db.select().from(signalMessages).where(eq(signalMessages.signalId, first.id));
  assert.deepEqual(
    sent.map((m) => m.status),
    ['received'],
  );
  // The number is taken in the same transaction as the rows: each row has the reference itself.
  assert.equal(s.reference, first.reference);
  assert.equal((audits[0]!.data as { reference?: string }).reference, first.reference);
  assert.match(sent[0]!.subject, new RegExp(first.reference));
});

test('contact details without consent are refused and nothing is stored', async () => {
  const c = await makeCouncil(t);
  await assert.rejects(
    submitSignal(deps(), {
      council: c,
      actor: null,
      input: input('Tekst'),
      contact: { name: null, email: 'a@example.org', phone: null },
      consent: false,
      source: 'web_form',
    }),
    (e) => e instanceof DomainError && e.field === 'consent',
  );
  await assert.rejects(submit(c, '   '), (e) => e instanceof DomainError && e.field === 'description');
  await assert.rejects(submit(c, 'x'.repeat(10 * 1024 + 1)), (e) => e instanceof DomainError && e.code === 'descriptionTooLong');
  const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(signals).where(eq(signals.councilId, c.id));
  assert.equal(n!.n, 0);
});

test('recording on behalf needs signals.record; an official may not', async () => {
  const c = await makeCouncil(t);
  const member = await person(t, c, 'member');
  const official = await person(t, c, 'official');
  const r = await submit(c, 'Aan de telefoon verteld.', { actor: member.actor, source: 'phone' });
  assert.equal((await row(r.id)).recordedByUserId, member.actor.userId);
  await assert.rejects(submit(c, 'Mag niet.', { actor: official.actor, source: 'phone' }), ForbiddenError);
  await assert.rejects(submit(c, 'Mag niet.', { actor: null, source: 'office_hours' }), ForbiddenError);
});

test('triage through the state machine: roles, wrong states, other council, status messages', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const member = await person(t, c, 'member');
  const email = `triage-${Date.now()}@example.org`;
  const { id } = await submit(c, 'De rolstoel is al weken kapot.', { contact: { name: null, email, phone: null } });

  await assert.rejects(classify(deps(), { actor: member.actor, council: c, id, input: { themeId: 'nieuw', newTheme: 'Hulpmiddelen', policyField: 'wmo' } }), ForbiddenError);
  const classified = await classify(deps(), {
    actor: secretary.actor,
    council: c,
    id,
    input: { themeId: 'nieuw', newTheme: 'Hulpmiddelen', policyField: 'wmo' },
  });
  assert.equal(classified.status, 'in_triage');
  assert.ok(classified.themeId);
  // The same name again reuses the theme.
  const again = await classify(deps(), { actor: secretary.actor, council: c, id, input: { themeId: 'nieuw', newTheme: 'hulpmiddelen', policyField: null } });
  assert.equal(again.themeId, classified.themeId);

  // Another council cannot reach it.
  const other = await makeCouncil(t);
  const otherSecretary = await person(t, other, 'secretary');
  await assert.rejects(toDiscuss(deps(), { actor: otherSecretary.actor, council: other, id }), NotFoundError);
  await assert.rejects(getSignal(deps(), { actor: otherSecretary.actor, council: other, id }), NotFoundError);

  await assert.rejects(markDiscussed(deps(), { actor: secretary.actor, council: c, id }), (e) => e instanceof DomainError && e.code === 'notAllowedFromState');
  await toDiscuss(deps(), { actor: secretary.actor, council: c, id });
  const waiting = await listSignalsToDiscuss(t.db, c.id);
  assert.deepEqual(
    waiting.map((s) => s.id),
    [id],
  );
  assert.equal(waiting[0]!.themeName, 'Hulpmiddelen');
  await markDiscussed(deps(), { actor: secretary.actor, council: c, id });
  const closed = await closeSignal(deps(), { actor: secretary.actor, council: c, id, input: { outcome: 'information_given', outcomeNote: 'Gebeld' } });
  assert.equal(closed.status, 'closed');
  assert.ok(closed.closedAt);
  const reopened = await reopenSignal(deps(), { actor: secretary.actor, council: c, id });
  assert.equal(reopened.status, 'in_triage');
  assert.equal(reopened.closedAt, null);

  const subjects = (await mailsTo(t, email)).map((m) => m.subject).sort();
  assert.equal(subjects.length, 3, 'received, discussed, closed');
  assert.ok(subjects.some((s) => /besproken/.test(s)));
  assert.ok(subjects.some((s) => /afgehandeld/.test(s)));

  const events = await t.db.select().from(signalEvents).where(eq(signalEvents.signalId, id)).orderBy(signalEvents.at);
  assert.deepEqual(
    events.map((e) => e.toState),
    ['new', 'in_triage', 'in_triage', 'to_discuss', 'discussed', 'closed', 'in_triage'],
  );
  const audits = await auditEntries(t, { entityId: id, action: 'signal.closed' });
  assert.equal(audits[0]!.fromState, 'discussed');
  assert.equal(audits[0]!.toState, 'closed');
});

test('templates of the council are used for status messages', async () => {
  const c = await makeCouncil(t, { name: 'Raad Sjabloon' });
  const secretary = await person(t, c, 'secretary');
  await saveTemplate(deps(), { actor: secretary.actor, council: c, status: 'closed', input: { subject: 'Klaar: {referentie}', body: 'Groet van {raad}.' } });
  const email = `sjabloon-${Date.now()}@example.org`;
  const { id, reference } = await submit(c, 'Iets.', { contact: { name: null, email, phone: null } });
  await closeSignal(deps(), { actor: secretary.actor, council: c, id, input: { outcome: 'no_action', outcomeNote: '' } });
  const [latest] = await mailsTo(t, email);
  assert.equal(latest!.subject, `Klaar: ${reference}`);
  assert.equal(latest!.body, 'Groet van Raad Sjabloon.');
});

test('duplicates and advice links stay within the council', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const a = await submit(c, 'Eerste melding over het vervoer.');
  const b = await submit(c, 'Tweede melding over het vervoer.');
  await assert.rejects(markDuplicate(deps(), { actor: secretary.actor, council: c, id: b.id, duplicateOf: 'S-1999-9999' }), (e) => e instanceof DomainError && e.field === 'duplicateOf');
  await assert.rejects(markDuplicate(deps(), { actor: secretary.actor, council: c, id: b.id, duplicateOf: b.reference }), (e) => e instanceof DomainError && e.code === 'selfDuplicate');
  const dup = await markDuplicate(deps(), { actor: secretary.actor, council: c, id: b.id, duplicateOf: a.reference.toLowerCase() });
  assert.equal(dup.status, 'duplicate');
  assert.equal(dup.duplicateOfId, a.id);

  const unsolicited = await makeAdvice(t, c, { status: 'initiated', kind: 'unsolicited' });
  const requested = await makeAdvice(t, c, { status: 'requested', kind: 'requested' });
  const foreign = await makeAdvice(t, await makeCouncil(t), { status: 'initiated', kind: 'unsolicited' });
  for (const adviceId of [requested.id, foreign.id]) {
    await assert.rejects(linkAdvice(deps(), { actor: secretary.actor, council: c, id: a.id, adviceId }), (e) => e instanceof DomainError && e.field === 'adviceId');
  }
  await linkAdvice(deps(), { actor: secretary.actor, council: c, id: a.id, adviceId: unsolicited.id });
  const linked = await signalsForAdvice(t.db, c.id, unsolicited.id);
  assert.deepEqual(
    linked.map((s) => s.reference),
    [a.reference],
  );
});

test('contact details: members never, board through the access log, admins not at all; tampered values are unreadable', async () => {
  const c = await makeCouncil(t);
  const [secretary, chair, member] = await people(t, c, ['secretary', 'chair', 'member']);
  const admin: Actor = { userId: chair.actor.userId, isPlatformAdmin: true, role: null, membershipId: null };
  const { id } = await submit(c, 'Tekst', { contact: { name: 'Piet Pietersen', email: 'piet@example.org', phone: null } });

  await assert.rejects(viewContact(deps(), { actor: member.actor, council: c, id }), ForbiddenError);
  await assert.rejects(viewContact(deps(), { actor: admin, council: c, id }), ForbiddenError);
  const seen = await viewContact(deps(), { actor: secretary.actor, council: c, id });
  assert.equal(seen.contact!.name, 'Piet Pietersen');
  assert.equal(seen.contact!.email, 'piet@example.org');
  assert.equal(seen.contact!.unreadable, false);
  await viewContact(deps(), { actor: chair.actor, council: c, id });
  const log = await accessLog(deps(), { actor: chair.actor, council: c });
  assert.equal(log.filter((l) => l.kind === 'view_contact').length, 2);
  await assert.rejects(accessLog(deps(), { actor: secretary.actor, council: c }), ForbiddenError);

  // Flip one byte of the ciphertext: it must not open, and never as other text.
  const [raw] = await t.db.select().from(signalContacts).where(eq(signalContacts.signalId, id));
  const parts = raw!.nameSealed!.split('.');
  const ct = Buffer.from(parts[3]!, 'base64url');
  ct[0] = ct[0]! ^ 0x01;
  parts[3] = ct.toString('base64url');
  await t.db
    .update(signalContacts)
    .set({ nameSealed: parts.join('.') })
    .where(eq(signalContacts.signalId, id));
  const tampered = await viewContact(deps(), { actor: secretary.actor, council: c, id });
  assert.equal(tampered.contact!.name, null);
  assert.equal(tampered.contact!.unreadable, true);
  assert.equal(tampered.contact!.email, 'piet@example.org');
});

test('erase on request and export for an access request', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const member = await person(t, c, 'member');
  const email = `export-${Date.now()}@example.org`;
  const { id, reference } = await submit(c, 'Mijn verhaal over de huishoudelijke hulp.', { contact: { name: 'Els', email, phone: null } });
  await closeSignal(deps(), { actor: secretary.actor, council: c, id, input: { outcome: 'information_given', outcomeNote: '' } });

  await assert.rejects(exportSignal(deps(), { actor: member.actor, council: c, reference }), ForbiddenError);
  const data = await exportSignal(deps(), { actor: secretary.actor, council: c, reference });
  assert.equal(data.reference, reference);
  assert.equal(data.signal.description, 'Mijn verhaal over de huishoudelijke hulp.');
  assert.equal(data.contact!.email, email);
  assert.deepEqual(
    data.history.map((h) => h.action),
    ['submit', 'close'],
  );
  assert.deepEqual(
    data.messages.map((m) => m.status),
    ['received', 'closed'],
  );
  const other = await makeCouncil(t);
  await assert.rejects(exportSignal(deps(), { actor: (await person(t, other, 'secretary')).actor, council: other, reference }), DomainError);

  // Another mail to the same address, not about this signal, stays.
  await t.db.insert(outbox).values({ councilId: c.id, toAddress: email, subject: 'Nieuwsbrief', body: 'Iets anders.' });
  assert.equal((await mailsTo(t, email)).length, 3);
  await eraseSignal(deps(), { actor: secretary.actor, council: c, id });
  assert.deepEqual(
    (await mailsTo(t, email)).map((m) => m.subject),
    ['Nieuwsbrief'],
    'the messages about the signal are gone from the outbox',
  );
  const s = await row(id);
  assert.equal(s.description, '');
  assert.ok(s.erasedAt && s.anonymisedAt);
  const [contact] = await t.db.select().from(signalContacts).where(eq(signalContacts.signalId, id));
  assert.equal(contact!.emailSealed, null);
  assert.ok(contact!.erasedAt);
  await assert.rejects(eraseSignal(deps(), { actor: secretary.actor, council: c, id }), (e) => e instanceof DomainError && e.code === 'alreadyErased');
  const kinds = (await t.db.select().from(signalAccessLog).where(eq(signalAccessLog.signalId, id))).map((l) => l.kind).sort();
  assert.deepEqual(kinds, ['erase', 'export']);
  const after = await exportSignal(deps(), { actor: secretary.actor, council: c, reference });
  assert.equal(after.contact!.email, null);
  assert.equal(after.signal.description, '');
});

test('retention job: contact details after closing, text later; idempotent and recorded', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  await saveSettings(deps(), {
    actor: secretary.actor,
    council: c,
    input: { thresholdCount: 5, thresholdSources: 3, thresholdMonths: 3, contactRetentionMonths: 2, textRetentionMonths: 12 },
  });
  const contact = { name: 'Naam', email: null, phone: '0612345678' };
  const oldEmail = `oud-${Date.now()}@example.org`;
  const closedLongAgo = await submit(c, 'Oud en gesloten.', { contact: { ...contact, email: oldEmail } });
  const closedRecently = await submit(c, 'Recent gesloten.', { contact });
  const veryOld = await submit(c, 'Heel oud, nooit gesloten.', { contact });
  const fresh = await submit(c, 'Nieuw.', { contact });
  const monthsAgo = (m: number) => new Date(Date.now() - m * 31 * 24 * 3600 * 1000);
  await t.db
    .update(signals)
    .set({ status: 'closed', closedAt: monthsAgo(3) })
    .where(eq(signals.id, closedLongAgo.id));
  await t.db
    .update(signals)
    .set({ status: 'closed', closedAt: monthsAgo(1) })
    .where(eq(signals.id, closedRecently.id));
  await t.db
    .update(signals)
    .set({ createdAt: monthsAgo(13) })
    .where(eq(signals.id, veryOld.id));

  await runSignalRetention(deps());
  const contactOf = async (id: string) => (await t.db.select().from(signalContacts).where(eq(signalContacts.signalId, id)))[0]!;
  assert.equal((await contactOf(closedLongAgo.id)).phoneSealed, null);
  assert.equal((await mailsTo(t, oldEmail)).length, 0, 'the acknowledgement went with the contact details');
  assert.ok((await contactOf(closedRecently.id)).phoneSealed);
  assert.equal((await contactOf(veryOld.id)).phoneSealed, null, 'anonymised signals keep no contact');
  assert.ok((await contactOf(fresh.id)).phoneSealed);
  assert.equal((await row(closedLongAgo.id)).description, 'Oud en gesloten.');
  const old = await row(veryOld.id);
  assert.equal(old.description, '');
  assert.ok(old.anonymisedAt);
  assert.equal(old.area, 'transport', 'area, dates and counts are kept');

  const records = await auditEntries(t, { councilId: c.id, action: 'signal.retentionApplied' });
  assert.equal(records.length, 1);
  assert.equal(records[0]!.data!.contactsRemoved, 1);
  assert.equal(records[0]!.data!.textsAnonymised, 1);

  // A second run changes nothing for this council and records nothing new.
  await runSignalRetention(deps());
  const again = await auditEntries(t, { councilId: c.id, action: 'signal.retentionApplied' });
  assert.equal(again.length, 1);
});

test('similar signals: Dutch full text finds the related signal, not the unrelated one', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const a = await submit(c, 'De regiotaxi kwam twee keer niet opdagen, ik miste mijn afspraak in het ziekenhuis.');
  const b = await submit(c, 'Weer stond ik te wachten: de regiotaxi komt niet opdagen en ik mis afspraken.');
  const unrelated = await submit(c, 'De brief over de bijzondere bijstand is onbegrijpelijk geschreven.');
  const elsewhere = await submit(await makeCouncil(t), 'De regiotaxi kwam niet opdagen bij de afspraak.');
  const detail = await getSignal(deps(), { actor: secretary.actor, council: c, id: a.id });
  const ids = detail.similar.map((s) => s.id);
  assert.ok(ids.includes(b.id));
  assert.ok(!ids.includes(unrelated.id));
  assert.ok(!ids.includes(elsewhere.id));
});

test('theme view: threshold flag from N signals from M sources within the window; small counts masked for members', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const member = await person(t, c, 'member');
  const sources: SignalSource[] = ['web_form', 'phone', 'office_hours', 'web_form', 'email'];
  const ids: string[] = [];
  for (const [i, source] of sources.entries()) {
    const actor = source === 'web_form' ? null : secretary.actor;
    ids.push((await submit(c, `Vervoer signaal ${i}`, { source, actor })).id);
  }
  const small = await submit(c, 'Een enkel signaal over schulden.');
  await classify(deps(), { actor: secretary.actor, council: c, id: ids[0]!, input: { themeId: 'nieuw', newTheme: 'Vervoer', policyField: 'wmo' } });
  const themeId = (await row(ids[0]!)).themeId!;
  for (const id of ids.slice(1)) await classify(deps(), { actor: secretary.actor, council: c, id, input: { themeId, newTheme: '', policyField: null } });
  await classify(deps(), { actor: secretary.actor, council: c, id: small.id, input: { themeId: 'nieuw', newTheme: 'Schulden', policyField: null } });

  const board = await themeOverview(deps(), { actor: secretary.actor, council: c });
  const vervoer = board.view.themes.find((x) => x.name === 'Vervoer')!;
  assert.equal(vervoer.flagged, true);
  assert.equal(vervoer.window.n, 5);
  assert.equal(vervoer.window.sources, 4);
  assert.equal(vervoer.total.n, 5);
  assert.deepEqual(vervoer.perMonth![11], { n: 5, masked: false }, 'all in the current month');
  assert.equal(vervoer.perSource.find((x) => x.source === 'web_form')!.count.n, 2);
  assert.equal(board.view.themes[0]!.name, 'Vervoer', 'flagged first');
  const schulden = board.view.themes.find((x) => x.name === 'Schulden')!;
  assert.equal(schulden.flagged, false);
  assert.deepEqual(schulden.total, { n: 1, masked: false });

  const members = await themeOverview(deps(), { actor: member.actor, council: c });
  const masked = members.view.themes.find((x) => x.name === 'Schulden')!;
  assert.deepEqual(masked.total, { n: 0, masked: true });
  assert.ok(!JSON.stringify(members).includes('Een enkel signaal'));

  // A duplicate does not count: 4 signals left, below the threshold.
  await markDuplicate(deps(), { actor: secretary.actor, council: c, id: ids[4]!, duplicateOf: (await row(ids[3]!)).reference });
  // The view is kept until the next change; the POST that makes a change moves the cache on.
  deps().cache.clearLocal();
  const after = await themeOverview(deps(), { actor: secretary.actor, council: c });
  assert.equal(after.view.themes.find((x) => x.name === 'Vervoer')!.flagged, false);

  // Outside the window they no longer count towards the flag, but still show in their month.
  const now = new Date('2026-06-15T10:00:00Z');
  await t.db
    .update(signals)
    .set({ createdAt: new Date('2026-03-01T00:30:00+01:00') })
    .where(eq(signals.councilId, c.id));
  deps().cache.clearLocal();
  const later = await themeOverview(deps(), { actor: secretary.actor, council: c, now });
  const moved = later.view.themes.find((x) => x.name === 'Vervoer')!;
  assert.equal(moved.window.n, 0);
  assert.equal(later.view.months[8], '2026-03');
  assert.equal(moved.perMonth![8]!.n, 4, 'just after midnight in Amsterdam on 1 March is March');
  assert.equal(moved.total.n, 4);
});

test('settings: defaults without a row, text kept at least as long as contact details', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const member = await person(t, c, 'member');
  const page = await getSettingsPage(deps(), { actor: secretary.actor, council: c });
  assert.deepEqual(page.settings, defaultSettings);
  assert.equal(page.templates.length, 3);
  await assert.rejects(getSettingsPage(deps(), { actor: member.actor, council: c }), ForbiddenError);
  await assert.rejects(
    saveSettings(deps(), {
      actor: secretary.actor,
      council: c,
      input: { thresholdCount: 5, thresholdSources: 3, thresholdMonths: 3, contactRetentionMonths: 12, textRetentionMonths: 6 },
    }),
    (e) => e instanceof DomainError && e.field === 'textRetentionMonths',
  );
});

test('list summaries: one line of at most 120 characters, read from the start of the text only', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const short = await submit(c, '  De bus\n\nrijdt   niet meer.  ');
  const long = await submit(c, `Het loket is dicht. ${'Niemand neemt op. '.repeat(500)}`);
  // Most of the text's start is line breaks: what is there is shown, with a mark that more follows.
  const spaced = await submit(c, `Begin.${'\n'.repeat(600)}Einde.`);
  const listed = await listSignals(deps(), { actor: secretary.actor, council: c, filter: {} });
  const summaryOf = (id: string) => listed.find((r) => r.id === id)!.summary;
  assert.equal(summaryOf(short.id), 'De bus rijdt niet meer.');
  assert.equal(summaryOf(long.id).length, 120);
  assert.ok(summaryOf(long.id).startsWith('Het loket is dicht. Niemand neemt op.'));
  assert.ok(summaryOf(long.id).endsWith('…'));
  assert.equal(summaryOf(spaced.id), 'Begin.…');
  const refs = await signalRefs(t.db, c.id, [long.id]);
  assert.equal(refs[0]!.summary, summaryOf(long.id));
});

test('dashboard count of new signals', async () => {
  const c = await makeCouncil(t);
  await submit(c, 'Een');
  await submit(c, 'Twee');
  assert.equal(await countNewSignals(t.db, c.id), 2);
});
