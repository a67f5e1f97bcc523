import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createRequest, recordAnswers, sendAdvice } from './advice.lifecycle.ts';
import { DomainError } from '../../core/errors.ts';
import { requestSchema } from './advice.forms.ts';
import {
  adviceRow,
  useTestApp,
  dayFromToday,
  get,
  makeAdvice,
  makeCouncil,
  makeCouncils,
  makeWorkingGroup,
  person,
  people,
  postMultipart,
  recommendationsOf,
  titleOf,
  TINY_PDF,
  TINY_PNG,
} from './advice.test-helpers.ts';
import { watchTables } from '../../../test/support/watch.ts';

const t = useTestApp();

const TABLES = ['advices', 'advice_drafts', 'advice_recommendations', 'advice_votes', 'advice_documents', 'audit_log', 'outbox'];
const watch = watchTables(() => t.db, TABLES);
const snapshot = () => watch.snapshot();

const BIG = 'x'.repeat(100_000);

test('bad input on every form: a Dutch message, status 400, "Fout:" title, nothing changed, never 500', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const [secretary, _chair, official, member] = await people(t, c, ['secretary', 'chair', 'official', 'member']);
  const requested = await makeAdvice(t, c, { status: 'requested' });
  const drafting = await makeAdvice(t, c, { status: 'drafting', workingGroupId: (await makeWorkingGroup(t, c, { name: 'WG' }, [member.membershipId])).id });
  const concept = await makeAdvice(t, c, { status: 'concept' }, ['Een']);
  const inApproval = await makeAdvice(t, c, { status: 'in_approval', approvalRound: 1, approvalClosesAt: new Date(Date.now() + 86_400_000) }, ['Een']);
  const sent = await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: dayFromToday(30) }, ['Een', 'Twee']);
  const [rec] = await recommendationsOf(t, sent.id);
  const [conceptRec] = await recommendationsOf(t, concept.id);
  const good = { subject: 'Onderwerp', question: 'Vraag', policyField: 'wmo', addressee: 'college', addresseeEmail: '', neededBy: dayFromToday(10) };

  const cases: { as: typeof secretary; url: string; form: Record<string, string | string[]>; expect: RegExp }[] = [
    { as: secretary, url: `${ws}/aanvraag`, form: {}, expect: /Vul dit veld in/ },
    { as: secretary, url: `${ws}/aanvraag`, form: { ...good, subject: BIG }, expect: /Dit is te lang/ },
    { as: secretary, url: `${ws}/aanvraag`, form: { ...good, subject: ['a', 'b'] }, expect: /Vul dit veld in|Deze waarde klopt niet/ },
    { as: secretary, url: `${ws}/aanvraag`, form: { ...good, policyField: 'belastingen' }, expect: /Kies een van de mogelijkheden/ },
    { as: secretary, url: `${ws}/aanvraag`, form: { ...good, neededBy: '2020-01-01' }, expect: /Deze datum ligt in het verleden/ },
    { as: secretary, url: `${ws}/aanvraag`, form: { ...good, neededBy: '2026-02-30' }, expect: /Vul een geldige datum in/ },
    { as: secretary, url: `${ws}/aanvraag`, form: { ...good, addresseeEmail: 'geen-adres' }, expect: /geldig e-mailadres/ },
    { as: member, url: `${ws}/ongevraagd`, form: { subject: '', question: BIG, policyField: 'wmo', addressee: 'x' }, expect: /Vul dit veld in/ },
    { as: secretary, url: `${ws}/${requested.id}/toewijzen`, form: { workingGroupId: 'abc' }, expect: /Kies een werkgroep van deze raad/ },
    {
      as: secretary,
      url: `${ws}/${requested.id}/toewijzen`,
      form: { workingGroupId: '00000000-0000-0000-0000-000000000000' },
      expect: /Kies een werkgroep van deze raad/,
    },
    { as: member, url: `${ws}/${drafting.id}/versies`, form: { body: BIG }, expect: /Dit is te lang/ },
    { as: member, url: `${ws}/${drafting.id}/versies`, form: { body: '   ' }, expect: /Vul dit veld in/ },
    { as: secretary, url: `${ws}/${concept.id}/tekst`, form: { introduction: BIG, explanation: '' }, expect: /Dit is te lang/ },
    { as: secretary, url: `${ws}/${concept.id}/aanbevelingen`, form: { text: '' }, expect: /Vul dit veld in/ },
    { as: secretary, url: `${ws}/${concept.id}/aanbevelingen/${conceptRec!.id}`, form: { actie: 'opslaan', text: '' }, expect: /Vul dit veld in/ },
    {
      as: secretary,
      url: `${ws}/${concept.id}/aanbevelingen/${conceptRec!.id}`,
      form: { actie: 'wegwezen', text: 'x' },
      expect: /Kies een van de mogelijkheden/,
    },
    { as: secretary, url: `${ws}/${concept.id}/stemronde`, form: { closesOn: 'morgen', closesTime: '12:00' }, expect: /Vul een geldige datum in/ },
    { as: secretary, url: `${ws}/${concept.id}/stemronde`, form: { closesOn: '2020-01-01', closesTime: '12:00' }, expect: /Kies een moment in de toekomst/ },
    { as: member, url: `${ws}/${inApproval.id}/stem`, form: { vote: 'agree_with_remark', remark: BIG }, expect: /Dit is te lang/ },
    { as: official, url: `${ws}/${sent.id}/antwoorden`, form: {}, expect: /Vul ten minste één antwoord in/ },
    { as: official, url: `${ws}/${sent.id}/antwoorden`, form: { [`answer-${rec!.id}`]: 'misschien' }, expect: /Kies een van de mogelijkheden/ },
    { as: official, url: `${ws}/${sent.id}/antwoorden`, form: { [`answer-${rec!.id}`]: 'partly', [`reason-${rec!.id}`]: BIG }, expect: /Dit is te lang/ },
    { as: official, url: `${ws}/${sent.id}/antwoorden`, form: { 'answer-abc': 'adopted' }, expect: /niet in dit advies staat/ },
    { as: official, url: `${ws}/${sent.id}/antwoorden`, form: { [`answer-${rec!.id}`]: ['adopted', 'partly'] }, expect: /Kies een van de mogelijkheden/ },
    {
      as: secretary,
      url: `${ws}/${sent.id}/opvolging`,
      form: { recommendationId: rec!.id, followUp: 'x', reviewOn: '2020-01-01' },
      expect: /Deze datum ligt in het verleden|Opvolging kan alleen/,
    },
    {
      as: secretary,
      url: `${ws}/${sent.id}/opvolging`,
      form: { recommendationId: 'abc', followUp: '', reviewOn: '' },
      expect: /Deze waarde klopt niet|Vul dit veld in/,
    },
  ];
  for (const k of cases) {
    const before = await snapshot();
    const res = await k.as.request({ url: k.url, form: k.form });
    const label = `${k.url} ${JSON.stringify(k.form).slice(0, 120)}`;
    assert.equal(res.statusCode, 400, `${label}: ${res.statusCode}`);
    assert.match(titleOf(res.body), /^Fout:/, label);
    assert.match(res.body, k.expect, label);
    assert.deepEqual(await snapshot(), before, `${label}: nothing changed`);
  }

  // Uploads: only PDF and Word, sniffed from the bytes whatever the name says.
  for (const file of [
    { filename: 'logo.pdf', type: 'application/pdf', bytes: TINY_PNG },
    { filename: 'leeg.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) },
    {
      filename: 'script.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: Buffer.from('<script>alert(1)</script>'),
    },
  ]) {
    const before = await snapshot();
    const res = await postMultipart(t, secretary, `${ws}/aanvraag`, good, { name: 'documents', ...file });
    assert.equal(res.statusCode, 400, file.filename);
    assert.match(res.body, /Kies een PDF- of Word-bestand|Kies een ander bestand/);
    assert.deepEqual(await snapshot(), before);
  }
  const word = await postMultipart(t, secretary, `${ws}/aanvraag`, good, {
    name: 'documents',
    filename: 'oud.doc',
    type: 'application/msword',
    bytes: Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'),
  });
  assert.equal(word.statusCode, 303);
  const tooBig = await postMultipart(t, secretary, `${ws}/aanvraag`, good, {
    name: 'documents',
    filename: 'groot.pdf',
    type: 'application/pdf',
    bytes: Buffer.concat([TINY_PDF, Buffer.alloc(20 * 1024 * 1024)]),
  });
  assert.equal(tooBig.statusCode, 400);
  assert.match(tooBig.body, /groter dan 20 MB/);
});

test('wrong transitions are refused with a message and change nothing', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const chair = await person(t, c, 'chair');
  const secretary = await person(t, c, 'secretary');
  const group = await makeWorkingGroup(t, c, { name: 'WG' });
  const requested = await makeAdvice(t, c, { status: 'requested' }, ['A']);
  const sent = await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: dayFromToday(20) }, ['A']);
  const withdrawn = await makeAdvice(t, c, { status: 'withdrawn' });
  const concept = await makeAdvice(t, c, { status: 'concept' });
  const cases: [typeof chair, string, Record<string, string>][] = [
    [secretary, `${ws}/${requested.id}/versturen`, {}],
    [chair, `${ws}/${requested.id}/vaststellen`, {}],
    [chair, `${ws}/${requested.id}/heropenen`, {}],
    [secretary, `${ws}/${requested.id}/concept`, {}],
    [secretary, `${ws}/${sent.id}/toewijzen`, { workingGroupId: group.id }],
    [secretary, `${ws}/${sent.id}/intrekken`, {}],
    [secretary, `${ws}/${sent.id}/aanbevelingen`, { text: 'Nog een' }],
    [secretary, `${ws}/${withdrawn.id}/toewijzen`, { workingGroupId: group.id }],
    [secretary, `${ws}/${concept.id}/stemronde`, { closesOn: '2099-01-01', closesTime: '12:00' }],
    [secretary, `${ws}/${requested.id}/opvolging`, { recommendationId: '00000000-0000-0000-0000-000000000000', followUp: 'x' }],
  ];
  for (const [as, url, form] of cases) {
    const before = await snapshot();
    const res = await as.request({ url, form });
    assert.equal(res.statusCode, 400, `${url}: ${res.statusCode}`);
    assert.match(res.body, /Dit kan niet in de huidige stap|alleen worden gewijzigd|Voeg eerst ten minste één aanbeveling toe/, url);
    assert.deepEqual(await snapshot(), before, url);
  }
  assert.equal((await adviceRow(t, requested.id)).status, 'requested');
  assert.equal((await adviceRow(t, sent.id)).status, 'sent');
});

test('roles: member cannot send or manage, official records answers, partner sees nothing; other councils’ ids are 404', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const [member, official, partner, chair] = await people(t, c, ['member', 'official', 'partner', 'chair']);
  const adopted = await makeAdvice(t, c, { status: 'adopted' }, ['A']);
  const sent = await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: dayFromToday(20) }, ['A']);
  const [rec] = await recommendationsOf(t, sent.id);

  assert.equal((await member.request({ url: `${ws}/${adopted.id}/versturen`, form: {} })).statusCode, 403);
  assert.equal((await official.request({ url: `${ws}/${adopted.id}/versturen`, form: {} })).statusCode, 403);
  assert.equal((await member.request({ url: `${ws}/${sent.id}/antwoorden`, form: { [`answer-${rec!.id}`]: 'adopted' } })).statusCode, 403);
  assert.equal((await chair.request({ url: `${ws}/${sent.id}/antwoorden`, form: { [`answer-${rec!.id}`]: 'adopted' } })).statusCode, 403, 'the chair does not record answers');
  assert.equal((await adviceRow(t, adopted.id)).status, 'adopted');
  assert.equal((await official.request({ url: `${ws}/${sent.id}/antwoorden`, form: { [`answer-${rec!.id}`]: 'adopted' } })).statusCode, 303);
  assert.equal((await adviceRow(t, sent.id)).status, 'answered');

  for (const url of [ws, `${ws}/${sent.id}`, `${ws}/${sent.id}/brief`, `${ws}/${sent.id}/brief.pdf`, `${ws}/aanvraag`]) {
    assert.equal((await get(t, url, partner)).statusCode, 403, url);
  }
  assert.equal((await get(t, `${ws}/${sent.id}/versies`, official)).statusCode, 403, 'drafts are internal to the council');
  assert.equal((await get(t, ws, official)).statusCode, 200);

  // Another council's advice under this council's address: 404, and nothing changes.
  const foreign = await makeAdvice(t, other, { status: 'adopted' }, ['B']);
  const foreignSent = await makeAdvice(t, other, { status: 'sent', sentAt: new Date(), answerDueOn: dayFromToday(5) }, ['B']);
  const [foreignRec] = await recommendationsOf(t, foreignSent.id);
  const before = await snapshot();
  for (const url of [`${ws}/${foreign.id}`, `${ws}/${foreign.id}/brief`, `${ws}/${foreign.id}/brief.pdf`, `${ws}/${foreign.id}/versies`]) assert.equal((await get(t, url, chair)).statusCode, 404, url);
  assert.equal((await chair.request({ url: `${ws}/${foreign.id}/versturen`, form: {} })).statusCode, 404);
  assert.equal((await official.request({ url: `${ws}/${foreignSent.id}/antwoorden`, form: { [`answer-${foreignRec!.id}`]: 'adopted' } })).statusCode, 404);
  assert.equal((await get(t, `${ws}/not-a-uuid`, chair)).statusCode, 404);
  assert.deepEqual(await snapshot(), before);
});

test('recordAnswers: an answer for a recommendation of another advice or council is refused and nothing changes', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const official = await person(t, c, 'official');
  const a = await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: dayFromToday(20) }, ['A1', 'A2']);
  const b = await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: dayFromToday(20) }, ['B1']);
  const x = await makeAdvice(t, other, { status: 'sent', sentAt: new Date(), answerDueOn: dayFromToday(20) }, ['X1']);
  const [a1] = await recommendationsOf(t, a.id);
  const [b1] = await recommendationsOf(t, b.id);
  const [x1] = await recommendationsOf(t, x.id);
  for (const foreign of [b1!, x1!]) {
    const before = await snapshot();
    await assert.rejects(
      recordAnswers(t.app.deps, {
        actor: official.actor,
        council: c,
        adviceId: a.id,
        answers: [
          { recommendationId: a1!.id, answer: 'adopted', reason: '' },
          { recommendationId: foreign.id, answer: 'adopted', reason: '' },
        ],
      }),
      (e: unknown) => e instanceof DomainError && e.code === 'unknownRecommendation' && e.messageKey === 'advice.answer.unknownRecommendation',
    );
    assert.deepEqual(await snapshot(), before);
  }
  // Through the form too: the message at the top, nothing saved.
  const res = await official.request({
    url: `/${c.slug}/werkruimte/adviezen/${a.id}/antwoorden`,
    form: { [`answer-${a1!.id}`]: 'adopted', [`answer-${b1!.id}`]: 'adopted' },
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /niet in dit advies staat/);
  assert.equal((await recommendationsOf(t, a.id))[0]!.answer, 'unanswered');
  // Partly: the advice stays sent until every recommendation is answered.
  const partly = await recordAnswers(t.app.deps, {
    actor: official.actor,
    council: c,
    adviceId: a.id,
    answers: [{ recommendationId: a1!.id, answer: 'partly', reason: 'Deels te duur.' }],
  });
  assert.equal(partly.status, 'sent');
});

test('createRequest (shared with the API): schema and service refuse a past date and the wrong role', async () => {
  const c = await makeCouncil(t);
  const member = await person(t, c, 'member');
  const official = await person(t, c, 'official');
  const parsed = requestSchema.safeParse({ subject: 'S', question: 'Q', policyField: 'jeugdwet', addressee: 'bestuur', neededBy: '2001-01-01' });
  assert.equal(parsed.success, false);
  const input = { subject: 'S', question: 'Q', policyField: 'jeugdwet' as const, addressee: 'bestuur' as const, addresseeEmail: '', neededBy: dayFromToday(3) };
  await assert.rejects(createRequest(t.app.deps, { actor: member.actor, council: c, input }), { statusCode: 403 });
  await assert.rejects(
    createRequest(t.app.deps, { actor: official.actor, council: c, input: { ...input, neededBy: '2001-01-01' } }),
    (e: unknown) => e instanceof DomainError && e.field === 'neededBy',
  );
  const a = await createRequest(t.app.deps, {
    actor: official.actor,
    council: c,
    input,
    documents: [{ fileName: 'a.pdf', bytes: TINY_PDF, truncated: false }],
  });
  assert.equal(a.status, 'requested');
  assert.equal(a.kind, 'requested');
});

test('multipart request form: 100 kB fields, too many files, no file and a plain form all answer without a 500', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const secretary = await person(t, c, 'secretary');
  const good = { subject: 'Onderwerp', question: 'Vraag', policyField: 'wmo', addressee: 'college', addresseeEmail: '', neededBy: dayFromToday(10) };
  const before = await snapshot();
  const long = await postMultipart(t, secretary, `${ws}/aanvraag`, { ...good, question: BIG, subject: BIG });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /Dit is te lang/);
  // Six files in one request: the form allows five.
  const boundary = '----raadwerktest';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(good)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (let i = 0; i < 7; i++)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="d${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), TINY_PDF, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const many = await t.app.inject({
    method: 'POST',
    url: `${ws}/aanvraag?_csrf=${encodeURIComponent(secretary.csrf)}`,
    headers: { cookie: secretary.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
  assert.equal(many.statusCode, 400);
  assert.match(many.body, /Voeg hooguit 5 bestanden toe/);
  assert.deepEqual(await snapshot(), before);
  // Without a file (the browser sends an empty part) and as a plain form: recorded.
  const noFile = await postMultipart(t, secretary, `${ws}/aanvraag`, good, {
    name: 'documents',
    filename: '',
    type: 'application/octet-stream',
    bytes: Buffer.alloc(0),
  });
  assert.equal(noFile.statusCode, 303);
  assert.equal((await secretary.request({ url: `${ws}/aanvraag`, form: good })).statusCode, 303);
  // The upload route on an advice: only multipart, and a missing file is a message.
  const a = await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: dayFromToday(9) }, ['A']);
  assert.equal((await secretary.request({ url: `${ws}/${a.id}/documenten`, form: { kind: 'answer_letter' } })).statusCode, 400);
  const none = await postMultipart(t, secretary, `${ws}/${a.id}/documenten`, { kind: 'answer_letter' });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Kies een bestand/);
  const badKind = await postMultipart(t, secretary, `${ws}/${a.id}/documenten`, { kind: 'virus' }, { name: 'documents', filename: 'a.pdf', type: 'application/pdf', bytes: TINY_PDF });
  assert.equal(badKind.statusCode, 400);
});

test('council settings: approval rule and answer period; sending uses them, in working days with holidays', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const base = { name: c.name, advises: c.advises, contactEmail: c.contactEmail, colour: '#1f5c99' };
  const url = `/${c.slug}/werkruimte/instellingen`;
  const page = await get(t, url, secretary);
  assert.match(page.body, /Wanneer is een conceptadvies aangenomen/);
  for (const answerPeriodValue of ['0', 'abc', '1000', '']) {
    const bad = await secretary.request({ url, form: { ...base, adviceApprovalRule: 'majority', answerPeriodValue, answerPeriodUnit: 'weeks' } });
    assert.equal(bad.statusCode, 400, answerPeriodValue);
    assert.match(bad.body, /Vul een heel getal in van 1 tot en met 365/);
  }
  const badRule = await secretary.request({ url, form: { ...base, adviceApprovalRule: 'loting', answerPeriodValue: '6', answerPeriodUnit: 'weeks' } });
  assert.equal(badRule.statusCode, 400);
  const ok = await secretary.request({ url, form: { ...base, adviceApprovalRule: 'majority', answerPeriodValue: '10', answerPeriodUnit: 'working_days' } });
  assert.equal(ok.statusCode, 303);
  const [row] = (
    (await t.db.execute(sql`select advice_approval_rule, answer_period_value, answer_period_unit from councils where id = ${c.id}`)) as unknown as {
      rows: Record<string, unknown>[];
    }
  ).rows;
  assert.deepEqual(row, { advice_approval_rule: 'majority', answer_period_value: 10, answer_period_unit: 'working_days' });
  // A form without the advice fields leaves them as they are.
  assert.equal((await secretary.request({ url, form: base })).statusCode, 303);
  const [same] = ((await t.db.execute(sql`select answer_period_value from councils where id = ${c.id}`)) as unknown as { rows: Record<string, unknown>[] }).rows;
  assert.equal(same!.answer_period_value, 10);

  const a = await makeAdvice(t, c, { status: 'adopted' }, ['A']);
  const council = { ...c, adviceApprovalRule: 'majority' as const, answerPeriodValue: 10, answerPeriodUnit: 'working_days' as const };
  // Sent on the Friday before Christmas 2026: 10 working days skip both Christmas days and New Year's Day.
  const sent = await sendAdvice(t.app.deps, { actor: secretary.actor, council, adviceId: a.id, today: '2026-12-18' });
  assert.equal(sent.answerDueOn, '2027-01-05');
});
