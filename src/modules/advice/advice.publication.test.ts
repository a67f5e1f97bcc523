import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, makeCouncil, makeCouncils, makeMember, login } from '../../../test/support/factories.ts';
import { seedAdvice } from './advice.register.test-helpers.ts';
import { adviceRow } from './advice.test-helpers.ts';

const t = useTestApp();

test('the secretary sets the publication: not public needs a Woo ground and hides the advice at once', async () => {
  const council = await makeCouncil(t);
  const advice = await seedAdvice(t, council, { subject: 'Advies over beschermd wonen' });
  const secretary = await login(t, (await makeMember(t, council, 'secretary')).user);
  const register = `/${council.slug}/adviezen`;
  assert.match((await t.app.inject(register)).body, /beschermd wonen/);

  const url = `/${council.slug}/werkruimte/adviezen/${advice.id}/publicatie`;
  const missing = await secretary.request({ url, form: { publication: 'not_public', publicationGround: '' } });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /<title>Fout: /);
  assert.match(missing.body, /Vul de reden uit de Woo in\./);
  assert.equal((await adviceRow(t, advice.id)).publication, 'public');

  const ok = await secretary.request({ url, form: { publication: 'not_public', publicationGround: 'Woo artikel 5.1 lid 2 sub e' } });
  assert.equal(ok.statusCode, 303);
  const row = await adviceRow(t, advice.id);
  assert.equal(row.publication, 'not_public');
  assert.equal(row.publicationGround, 'Woo artikel 5.1 lid 2 sub e');
  assert.doesNotMatch((await t.app.inject(register)).body, /beschermd wonen/, 'the register changes on the next request');
  assert.equal((await t.app.inject(`${register}/${advice.id}`)).statusCode, 404);
});

test('public from a date: needs the date; before it the advice stays out of the register', async () => {
  const council = await makeCouncil(t);
  const advice = await seedAdvice(t, council, { subject: 'Advies over leerlingenvervoer' });
  const chair = await login(t, (await makeMember(t, council, 'chair')).user);
  const url = `/${council.slug}/werkruimte/adviezen/${advice.id}/publicatie`;
  const noDate = await chair.request({ url, form: { publication: 'public_after' } });
  assert.equal(noDate.statusCode, 400);
  assert.match(noDate.body, /Vul de datum in/);
  const later = await chair.request({ url, form: { publication: 'public_after', publishAfter: '2099-01-01' } });
  assert.equal(later.statusCode, 303);
  assert.doesNotMatch((await t.app.inject(`/${council.slug}/adviezen`)).body, /leerlingenvervoer/);
  const back = await chair.request({ url, form: { publication: 'public', publicationGround: 'wordt gewist' } });
  assert.equal(back.statusCode, 303);
  const row = await adviceRow(t, advice.id);
  assert.equal(row.publishAfter, null);
  assert.equal(row.publicationGround, '');
  assert.match((await t.app.inject(`/${council.slug}/adviezen`)).body, /leerlingenvervoer/);
});

test('members and officials may not change the publication; other councils get 404; bad input changes nothing', async () => {
  const [council, other] = await makeCouncils(t, 2);
  const advice = await seedAdvice(t, council);
  const url = `/${council.slug}/werkruimte/adviezen/${advice.id}/publicatie`;
  for (const role of ['member', 'official'] as const) {
    const who = await login(t, (await makeMember(t, council, role)).user);
    assert.equal((await who.request({ url, form: { publication: 'not_public', publicationGround: 'x' } })).statusCode, 403);
  }
  const stranger = await login(t, (await makeMember(t, other, 'secretary')).user);
  assert.equal((await stranger.request({ url, form: { publication: 'not_public', publicationGround: 'x' } })).statusCode, 404);
  assert.equal((await stranger.request({ url: `/${other.slug}/werkruimte/adviezen/${advice.id}/publicatie`, form: { publication: 'not_public', publicationGround: 'x' } })).statusCode, 404);
  const secretary = await login(t, (await makeMember(t, council, 'secretary')).user);
  const bad: Record<string, string | string[]>[] = [
    { publication: 'geheim' },
    { publication: ['public', 'not_public'] },
    { publication: 'not_public', publicationGround: 'x'.repeat(100_000) },
    { publication: 'public_after', publishAfter: '2026-02-30' },
  ];
  for (const form of bad) {
    const res = await secretary.request({ url, form });
    assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 60));
  }
  assert.equal((await adviceRow(t, advice.id)).publication, 'public');
});
