import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq } from 'drizzle-orm';
import { useTestApp, dayFromToday, get, makeCouncil, makeCouncils, post, titleOf, auditEntries } from '../../../test/support/factories.ts';
import { person, postMultipart, TINY_PDF } from '../advice/advice.test-helpers.ts';
import { makeDocument, makeFolder } from '../documents/documents.test-helpers.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { notices } from '../../core/notices/notices.schema.ts';
import { agreementParties, agreementReminders, agreements } from './cooperation.schema.ts';
import { runAgreementDates } from './cooperation.dates.ts';
import { makeAgreement, shareFolder } from './cooperation.test-helpers.ts';

const t = useTestApp();

const ws = (slug: string) => `/${slug}/werkruimte/samenwerking`;
const audits = async () => (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
const agreementCount = async () => (await t.db.select({ n: count() }).from(agreements))[0]!.n;

test('two councils agree: draft, propose, each chair accepts for their own council, active; every step audited', async () => {
  const A = await makeCouncil(t, { name: 'Adviesraad Wmo en Jeugd Rivierstad' });
  const B = await makeCouncil(t, { name: 'Cliëntenraad Zorggroep Rivierland', kind: 'clientenraad' });
  const third = await makeCouncil(t);
  const [secA, chairA, secB, chairB, memberB, thirdSec] = [
    await person(t, A, 'secretary'),
    await person(t, A, 'chair'),
    await person(t, B, 'secretary'),
    await person(t, B, 'chair'),
    await person(t, B, 'member'),
    await person(t, third, 'secretary'),
  ];

  const form = await get(t, `${ws(A.slug)}/nieuw`, secA);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, new RegExp(B.name));
  const created = await post(
    t,
    `${ws(A.slug)}/nieuw`,
    {
      title: 'Samen ervaringen ophalen',
      purpose: 'Kennis delen en samen gesprekken voeren met cliënten van de wijkteams.',
      contribution: 'Kennis van de Wmo',
      startsOn: dayFromToday(0),
      endsOn: '',
      renewal: 'tacit',
      noticeDays: '30',
      partners: [B.id],
      outsideParties: 'Huurdersvereniging De Linde',
      isPublic: 'ja',
    },
    secA,
  );
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const id = /samenwerking\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
  const [a] = await t.db.select().from(agreements).where(eq(agreements.id, id));
  assert.equal(a!.state, 'draft');
  assert.equal(a!.name, 'samen-ervaringen-ophalen');
  assert.equal(a!.endsOn > dayFromToday(360), true, 'one year by default');
  assert.equal((await t.db.select().from(agreementParties).where(eq(agreementParties.agreementId, id))).length, 3);

  // A draft is the drafter's own: the partner does not see it yet.
  assert.equal((await get(t, `${ws(B.slug)}/${id}`, secB)).statusCode, 404);
  assert.equal((await post(t, `${ws(B.slug)}/${id}/voorstellen`, {}, secB)).statusCode, 404);
  assert.equal((await post(t, `${ws(A.slug)}/${id}/voorstellen`, {}, secA)).statusCode, 303);

  // Now the partner sees it; its secretary cannot accept (only a chair), its member cannot propose anything.
  const pageB = await get(t, `${ws(B.slug)}/${id}`, memberB);
  assert.equal(pageB.statusCode, 200);
  assert.match(pageB.body, /Huurdersvereniging De Linde/);
  assert.equal((await post(t, `${ws(B.slug)}/${id}/aanvaarden`, { organisation: B.id }, secB)).statusCode, 403);

  // Accepting on behalf of another organisation: a clear message, nothing changed.
  const before = await audits();
  const onBehalf = await post(t, `${ws(B.slug)}/${id}/aanvaarden`, { organisation: A.id }, chairB);
  assert.equal(onBehalf.statusCode, 400);
  assert.match(titleOf(onBehalf.body), /^Fout:/);
  assert.match(onBehalf.body, /alleen aanvaarden voor uw eigen raad/);
  assert.equal(await audits(), before);

  assert.equal((await post(t, `${ws(B.slug)}/${id}/aanvaarden`, { organisation: B.id }, chairB)).statusCode, 303);
  assert.equal((await t.db.select().from(agreements).where(eq(agreements.id, id)))[0]!.state, 'proposed', 'still waiting for A');
  const twice = await post(t, `${ws(B.slug)}/${id}/aanvaarden`, { organisation: B.id }, chairB);
  assert.equal(twice.statusCode, 400);
  assert.equal((await post(t, `${ws(A.slug)}/${id}/aanvaarden`, { organisation: A.id }, chairA)).statusCode, 303);
  assert.equal((await t.db.select().from(agreements).where(eq(agreements.id, id)))[0]!.state, 'active', 'starts today');

  // A third organisation knows nothing of it.
  assert.equal((await get(t, `${ws(third.slug)}/${id}`, thirdSec)).statusCode, 404);

  const trail = await t.db
    .select({ action: auditLog.action, councilId: auditLog.councilId, to: auditLog.toState })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'agreement'), eq(auditLog.entityId, id)))
    .orderBy(auditLog.at);
  assert.deepEqual(
    trail.map((r) => r.action),
    ['agreement.drafted', 'agreement.proposed', 'agreement.accepted', 'agreement.accepted'],
  );
  assert.deepEqual(
    trail.map((r) => r.councilId),
    [A.id, A.id, B.id, A.id],
  );
  assert.equal(trail.at(-1)!.to, 'active');

  // The signed PDF: not a PDF is refused; a PDF is kept and the partner can download it.
  const notPdf = await postMultipart(t, secA, `${ws(A.slug)}/${id}/overeenkomst`, {}, { name: 'file', filename: 'ondertekend.pdf', type: 'application/pdf', bytes: Buffer.from('geen pdf') });
  assert.equal(notPdf.statusCode, 400);
  assert.match(notPdf.body, /geen PDF-bestand/);
  const pdf = await postMultipart(t, secA, `${ws(A.slug)}/${id}/overeenkomst`, {}, { name: 'file', filename: 'ondertekend.pdf', type: 'application/pdf', bytes: TINY_PDF });
  assert.equal(pdf.statusCode, 303);
  const download = await get(t, `${ws(B.slug)}/${id}/overeenkomst`, memberB);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.equal((await get(t, `${ws(third.slug)}/${id}/overeenkomst`, thirdSec)).statusCode, 404);

  // Public on both parties' sites, with the Woo category, and in the API.
  for (const c of [A, B]) {
    const pub = await get(t, `/${c.slug}/samenwerking/${a!.name}`);
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /Convenanten/);
    assert.match(pub.body, new RegExp(A.name));
    assert.match(pub.body, new RegExp(B.name.replace('ë', '(ë|&euml;)')));
  }
  assert.equal((await get(t, `/${third.slug}/samenwerking/${a!.name}`)).statusCode, 404);
  const api = await get(t, `/api/v1/raden/${B.slug}/samenwerkingen`);
  assert.equal(api.statusCode, 200);
  const body = api.json() as { items: { name: string; wooCategory: string; parties: { name: string; organisation: string | null }[] }[] };
  assert.deepEqual(
    body.items.map((i) => [i.name, i.wooCategory, i.parties.length]),
    [[a!.name, 'convenanten', 3]],
  );
  assert.equal(body.items[0]!.parties.find((p) => p.organisation === null)!.name, 'Huurdersvereniging De Linde');
  assert.equal((await get(t, `/api/v1/raden/${third.slug}/samenwerkingen/${a!.name}`)).statusCode, 404);
  assert.deepEqual((await get(t, `/api/v1/raden/${third.slug}/samenwerkingen`)).json(), { items: [] });
});

test('bad input: an end before the start, the same organisation twice, no partner: a clear message, nothing saved', async () => {
  const [A, B] = await makeCouncils(t, 2);
  const secA = await person(t, A, 'secretary');
  const good = { title: 'Samenwerking', purpose: 'Doel', startsOn: '2027-01-01', endsOn: '', renewal: 'explicit', noticeDays: '30', partners: [B.id] } as Record<string, string | string[]>;
  const cases: [Record<string, string | string[]>, RegExp][] = [
    [{ endsOn: '2026-12-31' }, /einddatum moet na de begindatum/],
    [{ endsOn: '2027-01-01' }, /einddatum moet na de begindatum/],
    [{ partners: [B.id, B.id] }, /twee keer/],
    [{ partners: [A.id] }, /eigen raad is al partij/],
    [{ outsideParties: `${B.name}` }, /twee keer/],
    [{ partners: [], outsideParties: 'Huurders\nhuurders' }, /twee keer/],
    [{ partners: [] }, /minstens één andere raad/],
    [{ partners: ['00000000-0000-4000-8000-000000000000'] }, /uit de lijst/],
    [{ partners: ['x'.repeat(3000)] }, /uit de lijst/],
    [{ startsOn: '2027-02-30' }, /datum/i],
    [{ noticeDays: 'veel' }, /aantal dagen/],
    [{ renewal: 'nooit' }, /Kies/],
    [{ title: '' }, /invullen|verplicht|Vul/i],
  ];
  const [n, log] = [await agreementCount(), await audits()];
  for (const [change, message] of cases) {
    const res = await post(t, `${ws(A.slug)}/nieuw`, { ...good, ...change }, secA);
    assert.equal(res.statusCode, 400, JSON.stringify(change).slice(0, 80));
    assert.match(titleOf(res.body), /^Fout:/);
    assert.match(res.body, message, JSON.stringify(change).slice(0, 80));
  }
  assert.equal(await agreementCount(), n);
  assert.equal(await audits(), log);
});

test('shared dossier: the partner reads it (audited in the owner’s log), a third organisation does not; ended means gone on the next request', async () => {
  const [A, B, third] = await makeCouncils(t, 3);
  const [secA, memberB, secB, thirdMember] = [await person(t, A, 'secretary'), await person(t, B, 'member'), await person(t, B, 'secretary'), await person(t, third, 'member')];
  const a = await makeAgreement(t, [A, B]);
  await makeAgreement(t, [A, third], { state: 'proposed' });
  const folder = await makeFolder(t, A, 'Wijkteams 2027');
  const doc = await makeDocument(t, A, { title: 'Verslag gesprekken wijkteam', access: 'members', folderId: folder.id });
  const closed = await makeDocument(t, A, { title: 'Besloten notitie', access: 'closed', folderId: folder.id });

  // Only one's own folders, with a valid level.
  assert.equal((await post(t, `${ws(A.slug)}/${a.id}/dossiers`, { folderId: folder.id, level: 'alles' }, secA)).statusCode, 400);
  const foreign = await post(t, `${ws(B.slug)}/${a.id}/dossiers`, { folderId: folder.id, level: 'read' }, secB);
  assert.equal(foreign.statusCode, 400);
  assert.match(foreign.body, /map van uw eigen raad/);
  assert.equal((await post(t, `${ws(A.slug)}/${a.id}/dossiers`, { folderId: folder.id, level: 'read' }, secA)).statusCode, 303);

  const page = await get(t, `${ws(B.slug)}/${a.id}`, memberB);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Wijkteams 2027/);
  assert.match(page.body, /Gedeeld door/);
  assert.match(page.body, /Verslag gesprekken wijkteam/);
  assert.doesNotMatch(page.body, /Besloten notitie/, 'a closed document is for the partner’s board at most');
  assert.match((await get(t, `${ws(B.slug)}/${a.id}`, secB)).body, /Besloten notitie/);

  const read = await get(t, `/${B.slug}/werkruimte/documenten/${doc.id}`, memberB);
  assert.equal(read.statusCode, 200);
  assert.match(read.body, /Gedeeld door/);
  assert.equal((await get(t, `/${B.slug}/werkruimte/documenten/${doc.id}/download`, memberB)).statusCode, 200);
  const reads = await auditEntries(t, { councilId: A.id, action: 'document.readByPartner' });
  assert.equal(reads.length, 2);
  assert.equal((reads[0]!.data as { readerCouncilId: string }).readerCouncilId, B.id);
  // The other agreement is only proposed: the third organisation sees nothing.
  assert.equal((await get(t, `/${third.slug}/werkruimte/documenten/${doc.id}`, thirdMember)).statusCode, 404);
  // Not on the partner's public site.
  assert.equal((await get(t, `/${B.slug}/documenten/${doc.id}/download`)).statusCode, 404);

  // Ended: on the next request the partner's access is gone; the owner keeps its documents.
  assert.equal((await post(t, `${ws(A.slug)}/${a.id}/beeindigen`, {}, secA)).statusCode, 303);
  assert.equal((await get(t, `/${B.slug}/werkruimte/documenten/${doc.id}`, memberB)).statusCode, 404);
  assert.equal((await get(t, `/${B.slug}/werkruimte/documenten/${doc.id}/download`, memberB)).statusCode, 404);
  const after = await get(t, `${ws(B.slug)}/${a.id}`, memberB);
  assert.doesNotMatch(after.body, /Verslag gesprekken wijkteam/);
  assert.match(after.body, /niet meer lezen/);
  assert.equal((await get(t, `/${A.slug}/werkruimte/documenten/${doc.id}`, secA)).statusCode, 200);
  void closed;
});

test('an agreement past its end date without renewal shares nothing, before any job ran', async () => {
  const [A, B] = await makeCouncils(t, 2);
  const memberB = await person(t, B, 'member');
  const a = await makeAgreement(t, [A, B], { renewal: 'explicit', startsOn: dayFromToday(-400), endsOn: dayFromToday(-1) });
  const folder = await makeFolder(t, A, 'Oud dossier');
  const doc = await makeDocument(t, A, { title: 'Oud verslag', folderId: folder.id });
  await shareFolder(t, a, A, folder);
  assert.equal((await get(t, `/${B.slug}/werkruimte/documenten/${doc.id}`, memberB)).statusCode, 404);
  // The job then records the end.
  await runAgreementDates(t.app.deps);
  assert.equal((await t.db.select().from(agreements).where(eq(agreements.id, a.id)))[0]!.state, 'ended');
});

test('the job: up for renewal at the notice date, reminders 60 and 14 days before to both boards, each once', async () => {
  const [A, B] = await makeCouncils(t, 2);
  const [chairA, secA, chairB, secB] = [await person(t, A, 'chair'), await person(t, A, 'secretary'), await person(t, B, 'chair'), await person(t, B, 'secretary')];
  const memberA = await person(t, A, 'member');
  // Ends in 40 days, notice 30 days: the notice date is in 10 days.
  const a = await makeAgreement(t, [A, B], { endsOn: dayFromToday(40), noticeDays: 30, startsOn: dayFromToday(-325) });
  await runAgreementDates(t.app.deps);
  await runAgreementDates(t.app.deps);
  const sent = await t.db.select().from(agreementReminders).where(eq(agreementReminders.agreementId, a.id));
  assert.deepEqual(sent.map((r) => [r.about, r.daysBefore]).sort(), [
    ['end', 60],
    ['notice', 14],
  ]);
  const to = await t.db.select({ userId: notices.userId, text: notices.textKey }).from(notices).where(eq(notices.kind, 'cooperation.reminder'));
  for (const p of [chairA, secA, chairB, secB]) assert.equal(to.filter((n) => n.userId === p.user.id).length, 2, 'both reminders to every chair and secretary');
  assert.equal(to.filter((n) => n.userId === memberA.user.id).length, 0, 'not to members');
  assert.equal((await t.db.select().from(agreements).where(eq(agreements.id, a.id)))[0]!.state, 'active');

  // At the notice date it is up for renewal; an explicit renewal adds a term.
  const b = await makeAgreement(t, [A, B], { endsOn: dayFromToday(20), noticeDays: 30, startsOn: dayFromToday(-345), renewal: 'explicit' });
  await runAgreementDates(t.app.deps);
  assert.equal((await t.db.select().from(agreements).where(eq(agreements.id, b.id)))[0]!.state, 'upForRenewal');
  assert.equal((await post(t, `${ws(B.slug)}/${b.id}/verlengen`, {}, secB)).statusCode, 303);
  const [renewed] = await t.db.select().from(agreements).where(eq(agreements.id, b.id));
  assert.equal(renewed!.state, 'renewed');
  assert.equal(renewed!.endsOn > dayFromToday(380), true);
  // Notice once; twice is a message.
  assert.equal((await post(t, `${ws(A.slug)}/${b.id}/opzeggen`, {}, secA)).statusCode, 303);
  const again = await post(t, `${ws(A.slug)}/${b.id}/opzeggen`, {}, chairA);
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /al opgezegd/);
});

test('each party advises its own addressee: an advice of B from the cooperation, showing what it drew on', async () => {
  const A = await makeCouncil(t);
  const B = await makeCouncil(t, { kind: 'clientenraad' });
  const [secA, secB] = [await person(t, A, 'secretary'), await person(t, B, 'secretary')];
  const a = await makeAgreement(t, [A, B]);
  const other = await makeAgreement(t, [A, B]);
  const folder = await makeFolder(t, A, 'Ervaringen wijkteams');
  const doc = await makeDocument(t, A, { title: 'Verslag ervaringsronde', folderId: folder.id });
  const elsewhere = await makeDocument(t, A, { title: 'Ander stuk', folderId: (await makeFolder(t, A, 'Ander dossier')).id });
  await shareFolder(t, a, A, folder);
  await shareFolder(t, other, A, { id: elsewhere.folderId!, name: 'Ander dossier' });
  const form = { subject: 'Wachttijden wijkteams', question: 'Wat vinden cliënten van de wachttijden?', policyField: 'wmo', sources: [`document:${doc.id}`] };

  // A source of another agreement, or made up: refused, nothing started.
  for (const sources of [[`document:${elsewhere.id}`], ['document:00000000-0000-4000-8000-000000000000'], ['iets']]) {
    const res = await post(t, `${ws(B.slug)}/${a.id}/advies`, { ...form, sources }, secB);
    assert.equal(res.statusCode, 400, sources.join());
    assert.match(res.body, /Kies alleen stukken/);
  }
  const started = await post(t, `${ws(B.slug)}/${a.id}/advies`, form, secB);
  assert.equal(started.statusCode, 303);
  const advicePath = started.headers.location as string;
  assert.match(advicePath, new RegExp(`^/${B.slug}/werkruimte/adviezen/[0-9a-f-]{36}$`), 'in its own organisation');
  const page = await get(t, advicePath, secB);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Gebruikt uit de samenwerking/);
  assert.match(page.body, /Verslag ervaringsronde/);
  assert.match(page.body, /bestuur van de zorgorganisatie/i, 'a client council advises the care organisation’s board');
  // Not A's advice: A does not see it.
  assert.equal((await get(t, advicePath.replace(B.slug, A.slug), secA)).statusCode, 404);
});

test('shared experiences: A shares a consultation; B reads its experiences without personal details (audited) and uses one in its own advice', async () => {
  const { makeConsultation, makeExperience } = await import('../network/network.test-helpers.ts');
  const [A, B, C] = await makeCouncils(t, 3);
  const [secA, secB, memberB, secC] = [await person(t, A, 'secretary'), await person(t, B, 'secretary'), await person(t, B, 'member'), await person(t, C, 'secretary')];
  const a = await makeAgreement(t, [A, B]);
  const round = await makeConsultation(t, A, { topic: 'Gesprekken met cliënten van de wijkteams' });
  const e = await makeExperience(t, A, { consultationId: round.id, text: 'Ik wachtte zes weken op een keukentafelgesprek.' }, { name: 'Geheime Naam', email: 'geheim@voorbeeld.example' });
  const otherRound = await makeConsultation(t, B);

  const foreign = await post(t, `${ws(A.slug)}/${a.id}/raadplegingen`, { consultationId: otherRound.id }, secA);
  assert.equal(foreign.statusCode, 400);
  assert.match(foreign.body, /raadpleging van uw eigen raad/);
  assert.equal((await post(t, `${ws(A.slug)}/${a.id}/raadplegingen`, { consultationId: round.id }, secA)).statusCode, 303);

  const page = await get(t, `${ws(B.slug)}/${a.id}`, memberB);
  assert.match(page.body, /Ik wachtte zes weken/);
  assert.doesNotMatch(page.body, /Geheime Naam|geheim@voorbeeld/);
  const reads = await auditEntries(t, { councilId: A.id, action: 'consultation.readByPartner' });
  assert.ok(reads.length >= 1);
  assert.equal((await get(t, `${ws(C.slug)}/${a.id}`, secC)).statusCode, 404);

  const started = await post(
    t,
    `${ws(B.slug)}/${a.id}/advies`,
    { subject: 'Keukentafelgesprekken', question: 'Hoe lang wachten cliënten?', policyField: 'wmo', sources: [`experience:${e.id}`] },
    secB,
  );
  assert.equal(started.statusCode, 303);
  assert.match((await get(t, started.headers.location as string, secB)).body, /Ervaring: Ik wachtte zes weken/);

  // Ended: the experiences are no longer readable for B.
  assert.equal((await post(t, `${ws(A.slug)}/${a.id}/beeindigen`, {}, secA)).statusCode, 303);
  assert.doesNotMatch((await get(t, `${ws(B.slug)}/${a.id}`, memberB)).body, /Ik wachtte zes weken/);
});
