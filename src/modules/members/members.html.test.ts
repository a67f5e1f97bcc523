import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { anonymousToken, get, login, makeCouncil, makeGroup, makePerson, makeVacancy, post, useTestApp } from './members.test-helpers.ts';

const t = useTestApp();

test('every page of the module, with and without errors, is valid HTML (W3C Nu checker)', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary', name: 'Sanne Secretaris', targetGroup: 'ouderen' });
  const member = await makePerson(t, c, { role: 'member', name: 'Mo Lid' });
  const group = await makeGroup(t, c, 'Werkgroep Wmo', [secretary, member], secretary);
  const v = await makeVacancy(t, c, { profile: 'Hart voor jeugd', hoursPerMonth: '8 uur', closesOn: '2099-01-31' });
  const browser = await login(t, secretary);
  await post(t, `/${c.slug}/vacatures/${v.id}/reageren`, { name: 'Mila', email: 'mila@example.nl', motivation: 'Graag.' }, undefined, {
    csrf: anonymousToken(t, 10_000),
    ip: '10.9.9.9',
  });

  const pages: { name: string; html: string }[] = [];
  const add = async (name: string, res: Promise<{ statusCode: number; body: string }>, status: number) => {
    const r = await res;
    assert.equal(r.statusCode, status, name);
    pages.push({ name, html: r.body });
  };
  const ws = `/${c.slug}/werkruimte`;
  await add('public-members', get(t, `/${c.slug}/leden`), 200);
  await add('public-groups', get(t, `/${c.slug}/werkgroepen`), 200);
  await add('public-vacancies', get(t, `/${c.slug}/vacatures`), 200);
  await add('public-vacancy', get(t, `/${c.slug}/vacatures/${v.id}`), 200);
  await add('apply', get(t, `/${c.slug}/vacatures/${v.id}/reageren`), 200);
  await add('apply-errors', post(t, `/${c.slug}/vacatures/${v.id}/reageren`, {}, undefined, { csrf: anonymousToken(t, 10_000), ip: '10.9.9.10' }), 400);
  await add('applied', get(t, `/${c.slug}/vacatures/${v.id}/verzonden`), 200);
  await add('ws-members', get(t, `${ws}/leden`, browser), 200);
  await add('ws-members-errors', post(t, `${ws}/leden`, { email: 'x' }, browser), 400);
  await add('ws-member', get(t, `${ws}/leden/${member.membershipId}?melding=opgeslagen`, browser), 200);
  await add('ws-member-error', post(t, `${ws}/leden/${secretary.membershipId}/stoppen`, {}, browser), 400);
  await add('ws-groups', get(t, `${ws}/werkgroepen`, browser), 200);
  await add('ws-groups-errors', post(t, `${ws}/werkgroepen`, {}, browser), 400);
  await add('ws-group', get(t, `${ws}/werkgroepen/${group.id}?melding=trekker`, browser), 200);
  await add('ws-group-error', post(t, `${ws}/werkgroepen/${group.id}/trekker`, { lead: 'x' }, browser), 400);
  await add('ws-vacancies', get(t, `${ws}/vacatures`, browser), 200);
  await add('ws-vacancy-new', get(t, `${ws}/vacatures/nieuw`, browser), 200);
  await add('ws-vacancy-new-errors', post(t, `${ws}/vacatures/nieuw`, { closesOn: 'morgen' }, browser), 400);
  await add('ws-vacancy', get(t, `${ws}/vacatures/${v.id}?melding=gepubliceerd`, browser), 200);
  await add('ws-vacancy-status-error', post(t, `${ws}/vacatures/${v.id}/status`, { to: 'published' }, browser), 400);
  await add('ws-applications', get(t, `${ws}/vacatures/${v.id}/reacties`, browser), 200);

  for (const p of pages) assert.ok(!/members\.[a-zA-Z]+\.[a-zA-Z.]+/.test(p.html.replace(/href="[^"]*"/g, '')), `${p.name}: every message key is translated`);
  const errors = await checkHtml(pages);
  assert.equal(errors.length, 0, formatHtmlErrors(errors));
});

test('English pages use the English catalogue', async () => {
  const c = await makeCouncil(t);
  await makePerson(t, c, { role: 'chair', name: 'Anna' });
  const res = await t.app.inject({ method: 'GET', url: `/${c.slug}/leden`, headers: { cookie: 'rw_taal=en' } });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Speaks for/);
  assert.match(res.body, /<td[^>]*><div class="rw-table__value">Chair<\/div><\/td>/);
});
