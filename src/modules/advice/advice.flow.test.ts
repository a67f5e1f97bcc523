import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { sendNotices } from '../../core/notices/notices.ts';
import { adviceDocuments, adviceDrafts, adviceVotes } from './advice.schema.ts';
import { deadline, todayInAmsterdam } from '../../core/dates/working-days.ts';
import { adviceRow, useTestApp, dayFromToday, get, makeCouncil, makeWorkingGroup, mailsTo, person, postMultipart, recommendationsOf, titleOf, TINY_PDF, auditEntries } from './advice.test-helpers.ts';
import { catalogOf } from '../../core/pdf/pdf.test-helpers.ts';

const t = useTestApp();

function pdfText(bytes: Buffer): string {
  const file = path.join(os.tmpdir(), `advies-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

test('the whole flow through HTTP: request, group draft, concept, approval, letter, sending, answers, follow-up, timeline', async () => {
  const c = await makeCouncil(t, { answerPeriodValue: 6, answerPeriodUnit: 'weeks' });
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const official = await person(t, c, 'official', 'Olga Ambtenaar');
  const secretary = await person(t, c, 'secretary', 'Sam Secretaris');
  const chair = await person(t, c, 'chair', 'Chris Voorzitter');
  const writer = await person(t, c, 'member', 'Wim Werkgroep');
  const other = await person(t, c, 'member', 'Olaf Ander');
  const group = await makeWorkingGroup(t, c, { name: 'Wmo' }, [writer.membershipId]);

  // 1. The official records the request with a PDF.
  const neededBy = dayFromToday(30);
  const created = await postMultipart(
    t,
    official,
    `${ws}/aanvraag`,
    {
      subject: 'Beleidsplan Wmo 2027',
      question: 'Wat vindt de raad van het plan?',
      policyField: 'wmo',
      addressee: 'college',
      addresseeEmail: 'college@gemeente.example',
      neededBy,
    },
    { name: 'documents', filename: 'beleidsplan.pdf', type: 'application/pdf', bytes: TINY_PDF },
  );
  assert.equal(created.statusCode, 303, created.body);
  const id = /adviezen\/([0-9a-f-]{36})\?melding=vastgelegd$/.exec(String(created.headers.location))![1]!;
  let a = await adviceRow(t, id);
  assert.equal(a.status, 'requested');
  assert.match(a.reference, new RegExp(`^${todayInAmsterdam().slice(0, 4)}-001$`));
  assert.equal(a.neededBy, neededBy);
  const [doc] = await t.db.select().from(adviceDocuments).where(eq(adviceDocuments.adviceId, id));
  assert.equal(doc!.contentType, 'application/pdf');
  const download = await get(t, `${ws}/${id}/documenten/${doc!.id}`, secretary);
  assert.equal(download.statusCode, 200);
  assert.ok(download.rawPayload.equals(TINY_PDF));
  assert.match(String(download.headers['content-disposition']), /attachment; filename="beleidsplan.pdf"/);

  // The list shows it; the detail page has the assign form for the secretary.
  const list = await get(t, ws, secretary);
  assert.match(list.body, /Beleidsplan Wmo 2027/);
  assert.match(list.body, /Aangevraagd/);
  const detail = await get(t, `${ws}/${id}?melding=vastgelegd`, secretary);
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /Het advies is vastgelegd/);
  assert.match(detail.body, /Geef aan werkgroep/);

  // 2. Assign to the working group.
  assert.equal((await secretary.request({ url: `${ws}/${id}/toewijzen`, form: { workingGroupId: group.id } })).statusCode, 303);
  a = await adviceRow(t, id);
  assert.equal(a.status, 'drafting');
  assert.equal(a.workingGroupId, group.id);

  // 3. The group member writes two versions; a member outside the group may not.
  assert.equal((await writer.request({ url: `${ws}/${id}/versies`, form: { body: 'Regel een\nRegel twee\nRegel drie' } })).statusCode, 303);
  assert.equal((await writer.request({ url: `${ws}/${id}/versies`, form: { body: 'Regel een\nRegel 2 nieuw\nRegel drie' } })).statusCode, 303);
  assert.equal((await other.request({ url: `${ws}/${id}/versies`, form: { body: 'Niet van mij' } })).statusCode, 403);
  const drafts = await t.db.select().from(adviceDrafts).where(eq(adviceDrafts.adviceId, id));
  assert.deepEqual(drafts.map((d) => d.version).sort(), [1, 2]);
  const compare = await get(t, `${ws}/${id}/versies?van=1&naar=2`, other);
  assert.equal(compare.statusCode, 200);
  assert.match(compare.body, /<del class="rw-diff__line"><strong>Verwijderd:<\/strong> Regel twee<\/del>/);
  assert.match(compare.body, /<ins class="rw-diff__line"><strong>Toegevoegd:<\/strong> Regel 2 nieuw<\/ins>/);
  const badCompare = await get(t, `${ws}/${id}/versies?van=1&naar=9`, other);
  assert.equal(badCompare.statusCode, 400);
  assert.match(titleOf(badCompare.body), /^Fout:/);
  assert.match(badCompare.body, /Deze versie bestaat niet/);

  // 4. Concept: texts and numbered recommendations (add, edit, reorder, remove).
  assert.equal((await secretary.request({ url: `${ws}/${id}/concept`, form: {} })).statusCode, 303);
  a = await adviceRow(t, id);
  assert.equal(a.status, 'concept');
  assert.equal(a.explanation, 'Regel een\nRegel 2 nieuw\nRegel drie', 'the last draft became the explanation');
  assert.equal((await secretary.request({ url: `${ws}/${id}/tekst`, form: { introduction: 'Hierbij ons advies.', explanation: 'Wij spraken met inwoners.' } })).statusCode, 303);
  for (const text of ['Maak de regels eenvoudiger.', 'Betrek mantelzorgers.', 'Wordt verwijderd.']) {
    assert.equal((await secretary.request({ url: `${ws}/${id}/aanbevelingen`, form: { text } })).statusCode, 303);
  }
  let recs = await recommendationsOf(t, id);
  assert.equal((await secretary.request({ url: `${ws}/${id}/aanbevelingen/${recs[1]!.id}`, form: { actie: 'omhoog', text: '' } })).statusCode, 303);
  assert.equal((await secretary.request({ url: `${ws}/${id}/aanbevelingen/${recs[2]!.id}`, form: { actie: 'verwijderen', text: '' } })).statusCode, 303);
  assert.equal((await secretary.request({ url: `${ws}/${id}/aanbevelingen/${recs[0]!.id}`, form: { actie: 'opslaan', text: 'Maak de regels veel eenvoudiger.' } })).statusCode, 303);
  recs = await recommendationsOf(t, id);
  assert.deepEqual(
    recs.map((r) => [r.number, r.text]),
    [
      [1, 'Betrek mantelzorgers.'],
      [2, 'Maak de regels veel eenvoudiger.'],
    ],
  );

  // 5. Approval round: every council member gets a mail; all three vote; the chair sees the tally and adopts.
  const opened = await secretary.request({ url: `${ws}/${id}/stemronde`, form: { closesOn: dayFromToday(7), closesTime: '17:00' } });
  assert.equal(opened.statusCode, 303);
  a = await adviceRow(t, id);
  assert.equal(a.status, 'in_approval');
  assert.equal(a.approvalRound, 1);
  // The notice goes out with the notices job, in each member's language (core/notices).
  await sendNotices(t.app.deps);
  for (const p of [secretary, chair, writer, other])
    assert.ok(
      (await mailsTo(t, p.email)).some((m) => /^Stem over conceptadvies/.test(m.subject)),
      p.email,
    );
  assert.equal((await mailsTo(t, official.email)).length, 0, 'officials do not vote');
  const voteForm = await get(t, `${ws}/${id}`, writer);
  assert.match(voteForm.body, /Stem versturen/);
  assert.equal((await writer.request({ url: `${ws}/${id}/stem`, form: { vote: 'agree', remark: '' } })).statusCode, 303);
  assert.equal((await other.request({ url: `${ws}/${id}/stem`, form: { vote: 'agree_with_remark', remark: 'Let op de leesbaarheid.' } })).statusCode, 303);
  assert.equal((await secretary.request({ url: `${ws}/${id}/stem`, form: { vote: 'agree' } })).statusCode, 303);
  assert.equal((await chair.request({ url: `${ws}/${id}/stem`, form: { vote: 'agree' } })).statusCode, 303);
  const tallyPage = await get(t, `${ws}/${id}`, chair);
  assert.match(tallyPage.body, /Let op de leesbaarheid/);
  assert.match(tallyPage.body, /Het advies kan worden vastgesteld/);
  const memberView = await get(t, `${ws}/${id}`, writer);
  assert.ok(!memberView.body.includes('Let op de leesbaarheid'), 'members do not see the tally and remarks');
  assert.match(memberView.body, /U hebt gestemd: eens\. <a [^>]*href="[^"]*\?stap=stemronde#stem">Wijzig uw stem<\/a>/);
  assert.equal((await secretary.request({ url: `${ws}/${id}/vaststellen`, form: {} })).statusCode, 403, 'only the chair adopts');
  assert.equal((await chair.request({ url: `${ws}/${id}/vaststellen`, form: {} })).statusCode, 303);
  assert.equal((await adviceRow(t, id)).status, 'adopted');

  // 6. The letter (HTML and PDF), then sending.
  const letter = await get(t, `${ws}/${id}/brief`, secretary);
  assert.equal(letter.statusCode, 200);
  for (const s of [a.reference, c.name, 'Hierbij ons advies.', 'Betrek mantelzorgers.', 'Chris Voorzitter', 'Sam Secretaris', 'Het college van burgemeester en wethouders'])
    assert.ok(letter.body.includes(s), s);
  const pdf = await get(t, `${ws}/${id}/brief.pdf`, secretary);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdfText(pdf.rawPayload);
  assert.ok(text.includes(a.reference), 'the PDF contains the reference');
  assert.ok(text.includes('Maak de regels veel eenvoudiger.'));
  assert.ok(text.includes('Chris Voorzitter'));

  assert.equal((await writer.request({ url: `${ws}/${id}/versturen`, form: {} })).statusCode, 403, 'a member cannot send');
  const sent = await secretary.request({ url: `${ws}/${id}/versturen`, form: {} });
  assert.equal(sent.statusCode, 303);
  a = await adviceRow(t, id);
  assert.equal(a.status, 'sent');
  assert.ok(a.sentAt);
  assert.equal(a.answerDueOn, deadline(todayInAmsterdam(), 6, 'weeks'));
  const [letterMail] = await mailsTo(t, 'college@gemeente.example');
  assert.match(letterMail!.subject, new RegExp(a.reference));
  assert.match(letterMail!.body, /1\. Betrek mantelzorgers\./);
  assert.equal(letterMail!.replyTo, c.contactEmail);
  // The signed letter goes along as a tagged PDF.
  assert.equal(letterMail!.attachments.length, 1);
  const attached = letterMail!.attachments[0]!;
  assert.deepEqual([attached.filename, attached.contentType, attached.encoding], [`advies-${a.reference}.pdf`, 'application/pdf', 'base64']);
  const attachedPdf = Buffer.from(attached.content, 'base64');
  assert.ok((await catalogOf(attachedPdf)).marked, 'the attachment is a tagged PDF');
  const attachedText = pdfText(attachedPdf);
  for (const s of [a.reference, 'Betrek mantelzorgers.', 'Met vriendelijke groet,', 'Chris Voorzitter', 'Sam Secretaris']) assert.ok(attachedText.includes(s), s);

  // 7. The official records the answers; a reason is required for "not adopted".
  recs = await recommendationsOf(t, id);
  const missingReason = await official.request({
    url: `${ws}/${id}/antwoorden`,
    form: { [`answer-${recs[0]!.id}`]: 'adopted', [`answer-${recs[1]!.id}`]: 'not_adopted', [`reason-${recs[1]!.id}`]: '' },
  });
  assert.equal(missingReason.statusCode, 400);
  assert.match(titleOf(missingReason.body), /^Fout:/);
  assert.match(missingReason.body, /Schrijf de reden van de gemeente op/);
  assert.equal((await recommendationsOf(t, id))[0]!.answer, 'unanswered', 'nothing changed');
  const answered = await official.request({
    url: `${ws}/${id}/antwoorden`,
    form: { [`answer-${recs[0]!.id}`]: 'adopted', [`answer-${recs[1]!.id}`]: 'not_adopted', [`reason-${recs[1]!.id}`]: 'Te duur.' },
  });
  assert.equal(answered.statusCode, 303);
  a = await adviceRow(t, id);
  assert.equal(a.status, 'answered');
  assert.ok(a.answeredAt, 'the day of the answer is kept');
  recs = await recommendationsOf(t, id);
  assert.deepEqual(
    recs.map((r) => [r.answer, r.answerReason]),
    [
      ['adopted', ''],
      ['not_adopted', 'Te duur.'],
    ],
  );
  // The answer letter.
  const upload = await postMultipart(t, official, `${ws}/${id}/documenten`, { kind: 'answer_letter' }, { name: 'documents', filename: 'antwoord.pdf', type: 'application/pdf', bytes: TINY_PDF });
  assert.equal(upload.statusCode, 303, upload.body);
  const docs = await t.db
    .select()
    .from(adviceDocuments)
    .where(and(eq(adviceDocuments.adviceId, id), eq(adviceDocuments.kind, 'answer_letter')));
  assert.equal(docs.length, 1);

  // 8. Follow-up on the adopted recommendation.
  const reviewOn = dayFromToday(90);
  assert.equal((await secretary.request({ url: `${ws}/${id}/opvolging`, form: { recommendationId: recs[0]!.id, followUp: 'De mantelzorgpas is ingevoerd.', reviewOn } })).statusCode, 303);
  const notAdopted = await secretary.request({ url: `${ws}/${id}/opvolging`, form: { recommendationId: recs[1]!.id, followUp: 'Niets.', reviewOn: '' } });
  assert.equal(notAdopted.statusCode, 400);
  recs = await recommendationsOf(t, id);
  assert.equal(recs[0]!.followUp, 'De mantelzorgpas is ingevoerd.');
  assert.equal(recs[0]!.reviewOn, reviewOn);
  assert.equal(recs[1]!.followUp, '');

  // The timeline: every state change, who and from/to, from the audit log.
  const entries = await auditEntries(t, { entity: 'advice', entityId: id });
  const states = entries.filter((e) => e.toState).map((e) => `${e.fromState ?? ''}>${e.toState}`);
  assert.deepEqual(states, ['>requested', 'requested>drafting', 'drafting>concept', 'concept>in_approval', 'in_approval>adopted', 'adopted>sent', 'sent>answered']);
  // The advice page is a step list: the answered advice is in its last step (follow-up), with the
  // answers and the follow-up; the history has its own page, one click away.
  const page = await get(t, `${ws}/${id}`, secretary);
  assert.match(page.body, /7\. Opvolging/);
  assert.match(page.body, /De mantelzorgpas is ingevoerd/);
  assert.match(page.body, /Te duur\./);
  assert.match(page.body, new RegExp(`href="${ws}/${id}\\?stap=geschiedenis"`));
  const history = await get(t, `${ws}/${id}?stap=geschiedenis`, secretary);
  assert.match(history.body, /Geschiedenis/);
  assert.match(history.body, /Advies vastgesteld/);
  assert.match(history.body, /Chris Voorzitter/);
  assert.match(history.body, /Van Verstuurd naar Beantwoord/);
  const votes = await t.db.select().from(adviceVotes).where(eq(adviceVotes.adviceId, id));
  assert.equal(votes.length, 4);
});

test('unsolicited advice: a member starts one with its reason; references count up per council and year', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const member = await person(t, c, 'member');
  const form = await get(t, `${ws}/ongevraagd`, member);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Reden/);
  const ids: string[] = [];
  for (const subject of ['Toegankelijk stemmen', 'Armoede onder kinderen']) {
    const res = await member.request({
      url: `${ws}/ongevraagd`,
      form: { subject, question: 'Signalen van inwoners.', policyField: 'overig', addressee: 'gemeenteraad', addresseeEmail: '' },
    });
    assert.equal(res.statusCode, 303);
    ids.push(/adviezen\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!);
  }
  const year = todayInAmsterdam().slice(0, 4);
  const [a1, a2] = [await adviceRow(t, ids[0]!), await adviceRow(t, ids[1]!)];
  assert.equal(a1.status, 'initiated');
  assert.equal(a1.kind, 'unsolicited');
  assert.equal(a1.reference, `${year}-001`);
  assert.equal(a2.reference, `${year}-002`);
  // A member may not record a request of the municipality.
  assert.equal((await get(t, `${ws}/aanvraag`, member)).statusCode, 403);
});
