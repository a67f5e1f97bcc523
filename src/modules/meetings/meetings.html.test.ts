/**
 * Every meetings page of the demo council, public and in the workspace, for the secretary and a
 * member, in Dutch and English, with and without errors: valid HTML (Nu checker), never a 5xx.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { councils } from '../../core/organisations.schema.ts';
import { agendaItems, meetings, minutes } from './meetings.schema.ts';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { useTestApp, loginByEmail, titleOf } from '../../../test/support/factories.ts';

const t = useTestApp({ demo: true });

test('meetings pages of the demo are valid HTML for the public, a member and the secretary', async () => {
  const [c] = await t.db.select().from(councils).where(eq(councils.slug, 'lindewijk'));
  const list = await t.db.select().from(meetings).where(eq(meetings.councilId, c!.id)).orderBy(asc(meetings.startsAt));
  assert.ok(list.length >= 12, 'a year of meetings');
  const next = list.find((m) => m.status === 'planned')!;
  const [published] = await t.db.select().from(minutes).where(eq(minutes.status, 'published'));
  assert.ok(published, 'the demo has published minutes');
  const items = await t.db.select().from(agendaItems).where(eq(agendaItems.meetingId, next.id)).orderBy(asc(agendaItems.position));
  assert.ok(items.some((i) => !i.isPublic) && items.some((i) => i.isPublic), 'the next meeting has public and closed items');

  const pages: { name: string; html: string }[] = [];
  const secretary = await loginByEmail(t, 'secretaris@adviesraad-lindewijk.example');
  const member = await loginByEmail(t, 'els.jansen@adviesraad-lindewijk.example');
  type As = Awaited<ReturnType<typeof loginByEmail>> | null;
  const add = async (who: string, as: As, url: string, expect = 200, opts: { form?: Record<string, string>; lang?: string } = {}) => {
    const headers = opts.lang ? { cookie: `${as ? `${as.cookie}; ` : ''}rw_taal=${opts.lang}` } : undefined;
    const res = as ? await as.request({ url, form: opts.form, headers }) : await t.app.inject({ url, headers });
    assert.equal(res.statusCode, expect, `${who} ${url}: ${res.statusCode}`);
    pages.push({ name: `${who} ${url}${opts.lang ? ` (${opts.lang})` : ''}`, html: res.body });
    return res;
  };

  const pub = '/lindewijk/vergaderingen';
  await add('publiek', null, pub);
  await add('publiek', null, pub, 200, { lang: 'en' });
  const nextPublic = await add('publiek', null, `${pub}/${next.id}`);
  for (const i of items) if (!i.isPublic) assert.ok(!nextPublic.body.includes(i.title), 'closed item title stays off the public page');
  assert.match(nextPublic.body, /Niet-openbaar deel/);
  const publishedPage = await add('publiek', null, `${pub}/${published!.meetingId}`);
  assert.match(publishedPage.body, /De raad stelt het jaarplan vast/);
  assert.doesNotMatch(publishedPage.body, /klacht|Jaarplan op de website/i);

  const ws = '/lindewijk/werkruimte/vergaderingen';
  await add('secretaris', secretary, ws);
  await add('secretaris', secretary, `${ws}/ritme`);
  await add('secretaris', secretary, `${ws}/nieuw`);
  for (const m of list) await add('secretaris', secretary, `${ws}/${m.id}`);
  await add('secretaris', secretary, `${ws}/${next.id}`, 200, { lang: 'en' });
  await add('secretaris', secretary, `${ws}/${next.id}/wijzigen`);
  await add('secretaris', secretary, `${ws}/${next.id}/agenda/nieuw`);
  for (const i of items) await add('secretaris', secretary, `${ws}/${next.id}/agenda/${i.id}`);
  await add('lid', member, ws);
  const nextForMember = await add('lid', member, `${ws}/${next.id}`);
  assert.match(nextForMember.body, /<h2[^>]*>Mappen<\/h2>[\s\S]*Vervoer en mobiliteit/, 'the dossier linked to the next meeting');
  await add('lid', member, `${ws}/${published!.meetingId}`);
  const dashboard = await add('lid', member, '/lindewijk/werkruimte');
  assert.match(dashboard.body, /Ervaringen met de regiotaxi verzamelen/, 'the open action point is on the owner’s dashboard');

  // Pages with errors.
  const errors = [
    await add('secretaris', secretary, `${ws}/ritme`, 400, {
      form: { title: '', nth: '9', weekday: '0', startTime: '25:00', endTime: '', mode: 'online', location: '', onlineUrl: 'http://x' },
    }),
    await add('secretaris', secretary, `${ws}/ritme/genereren`, 400, { form: { year: 'dit jaar' } }),
    await add('secretaris', secretary, `${ws}/nieuw`, 400, {
      form: { title: '', date: '2026-02-30', startTime: '12:00', endTime: '11:00', mode: 'hybrid', location: '', onlineUrl: '' },
    }),
    await add('secretaris', secretary, `${ws}/${next.id}/wijzigen`, 400, { form: { date: '' } }),
    await add('secretaris', secretary, `${ws}/${next.id}/agenda`, 400, { form: { title: '', startTime: '99:99', access: 'x' } }),
    await add('secretaris', secretary, `${ws}/${next.id}/agenda/${items[1]!.id}/gasten`, 400, { form: { name: '', email: 'geen', kind: '' } }),
    await add('secretaris', secretary, `${ws}/${next.id}/notulen/actiepunten`, 400, { form: { action: '', ownerMembershipId: '', dueOn: '2026-13-40' } }),
    await add('lid', member, `${ws}/${next.id}/aanwezigheid`, 400, { form: {} }),
  ];
  for (const e of errors) assert.match(titleOf(e.body), /^Fout:/);

  const found = await checkHtml(pages);
  assert.equal(found.length, 0, formatHtmlErrors(found));
});
