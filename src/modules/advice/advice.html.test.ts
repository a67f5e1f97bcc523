/**
 * Every advice page of the demo council, for the secretary, the chair, a member and the
 * official, in Dutch and English, with and without errors: valid HTML (Nu checker), never a 5xx.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { councils } from '../../core/organisations.schema.ts';
import { advices } from './advice.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { pageKeys, stepKeys } from './advice.steps.ts';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { useTestApp, loginByEmail, titleOf } from './advice.test-helpers.ts';

const t = useTestApp({ demo: true });

test('advice pages of the demo are valid HTML for each role, with every state shown', async () => {
  const [c] = await t.db.select().from(councils).where(eq(councils.slug, 'lindewijk'));
  const list = await t.db.select().from(advices).where(eq(advices.councilId, c!.id));
  const states = new Set(list.map((a) => a.status));
  for (const s of ['requested', 'drafting', 'in_approval', 'sent', 'answered']) assert.ok(states.has(s as never), `demo has ${s}`);

  const ws = '/lindewijk/werkruimte/adviezen';
  const pages: { name: string; html: string }[] = [];
  const add = async (who: string, as: Awaited<ReturnType<typeof loginByEmail>>, url: string, expect = 200, opts: { form?: Record<string, string>; lang?: string } = {}) => {
    const res = await as.request({ url, form: opts.form, headers: opts.lang ? { cookie: `${as.cookie}; rw_taal=${opts.lang}` } : undefined });
    assert.equal(res.statusCode, expect, `${who} ${url}: ${res.statusCode}`);
    pages.push({ name: `${who} ${url}${opts.lang ? ` (${opts.lang})` : ''}`, html: res.body });
    return res;
  };
  const secretary = await loginByEmail(t, 'secretaris@adviesraad-lindewijk.example');
  const chair = await loginByEmail(t, 'voorzitter@adviesraad-lindewijk.example');
  const member = await loginByEmail(t, 'els.jansen@adviesraad-lindewijk.example');
  const official = await loginByEmail(t, 'beleid@gemeente-lindewijk.example');

  const overview = await add('secretaris', secretary, ws);
  assert.match(overview.body, /Antwoord te laat/, 'the overdue advice is flagged in the list');
  await add('secretaris', secretary, `${ws}?status=overdue`);
  await add('secretaris', secretary, ws, 200, { lang: 'en' });
  await add('secretaris', secretary, `${ws}/aanvraag`);
  await add('secretaris', secretary, `${ws}/ongevraagd`);
  await add('ambtenaar', official, ws);
  const [officialUser] = await t.db.select().from(users).where(eq(users.email, 'beleid@gemeente-lindewijk.example'));
  for (const a of list) {
    for (const [who, as] of [
      ['secretaris', secretary],
      ['voorzitter', chair],
      ['lid', member],
    ] as const) {
      await add(who, as, `${ws}/${a.id}`);
    }
    // An official sees an advice once it is sent, and the requests they filed (issue 9); others are not there for them.
    const forOfficial = ['sent', 'answered'].includes(a.status) || a.createdBy === officialUser!.id;
    await add('ambtenaar', official, `${ws}/${a.id}`, forOfficial ? 200 : 404);
    // Every step and page of the step list, for the secretary.
    for (const stap of [...stepKeys, ...pageKeys]) await add('secretaris', secretary, `${ws}/${a.id}?stap=${stap}`);
    if (['requested', 'initiated', 'drafting', 'concept'].includes(a.status)) await add('secretaris', secretary, `${ws}/${a.id}/intrekken`);
    if (['adopted', 'sent', 'answered'].includes(a.status)) await add('secretaris', secretary, `${ws}/${a.id}/brief`);
    if (a.status === 'drafting') {
      await add('lid', member, `${ws}/${a.id}/versies`);
      await add('secretaris', secretary, `${ws}/${a.id}/versies?van=1&naar=2`);
      await add('secretaris', secretary, `${ws}/${a.id}/versies?versie=1`);
      await add('secretaris', secretary, `${ws}/${a.id}/versies?van=1&naar=7`, 400);
      await add('secretaris', secretary, `${ws}/${a.id}/versies`, 400, { form: { body: '' } });
    }
  }
  const [late] = await t.db
    .select()
    .from(advices)
    .where(and(eq(advices.councilId, c!.id), eq(advices.subject, 'Schuldhulpverlening: signalen eerder oppakken')));
  await add('secretaris', secretary, `${ws}/${late!.id}/herinneringsbrief`);
  await add('secretaris', secretary, `${ws}/${late!.id}/herinneringsbrief`, 200, { lang: 'en' });
  const approval = list.find((a) => a.status === 'in_approval')!;
  assert.match((await add('voorzitter', chair, `${ws}/${approval.id}`)).body, /Noem ook de sportclubs/, 'the chair sees remarks');
  // Els voted: her page says so, with the way to change it; the step's page holds the form with her vote.
  assert.match((await add('lid', member, `${ws}/${approval.id}`)).body, /U hebt gestemd: eens\./);
  assert.match((await add('lid', member, `${ws}/${approval.id}?stap=stemronde`)).body, /Stem wijzigen/);

  // Pages with errors.
  const errors = [
    await add('secretaris', secretary, `${ws}/aanvraag`, 400, { form: { subject: '', neededBy: '2020-01-01' } }),
    await add('lid', member, `${ws}/ongevraagd`, 400, { form: {} }),
    await add('lid', member, `${ws}/${approval.id}/stem`, 400, { form: { vote: 'object', remark: '' } }),
    await add('ambtenaar', official, `${ws}/${late!.id}/antwoorden`, 400, { form: { 'answer-x': 'adopted' } }),
    await add('voorzitter', chair, `${ws}/${list.find((a) => a.status === 'requested')!.id}/versturen`, 400, { form: {} }),
    await add('secretaris', secretary, `${ws}/${late!.id}/publicatie`, 400, { form: { publication: 'not_public', publicationGround: '' } }),
    await add('secretaris', secretary, `${ws}/${late!.id}/intrekken`, 400, { form: {} }),
  ];
  for (const e of errors) assert.match(titleOf(e.body), /^Fout:/);

  const found = await checkHtml(pages);
  assert.equal(found.length, 0, formatHtmlErrors(found));
});
