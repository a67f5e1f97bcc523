import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, get, login, makeCouncil, makeMember, makeUser, post, auditEntries } from '../../../test/support/factories.ts';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { sha256 } from '../../core/secret.ts';
import { apiKeysOf } from './apikeys.test-helpers.ts';

const t = useTestApp();

test('API keys: shown once, stored hashed, listed per role, revoked with an audit entry', async () => {
  const c = await makeCouncil(t);
  const { user: official } = await makeMember(t, c, 'official');
  const { user: official2 } = await makeMember(t, c, 'official');
  const { user: secretary } = await makeMember(t, c, 'secretary');
  const { user: member } = await makeMember(t, c, 'member');
  const asOfficial = await login(t, official);
  const url = `/${c.slug}/werkruimte/api-sleutels`;

  const empty = await post(t, url, { name: '  ' }, asOfficial);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<title>Fout: /);

  const created = await post(t, url, { name: 'Zaaksysteem' }, asOfficial);
  assert.equal(created.statusCode, 201);
  assert.equal(created.headers['cache-control'], 'no-store');
  const token = /id="nieuwe-sleutel"[^>]*value="(rw_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1] ?? /value="(rw_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1];
  assert.ok(token, 'the token is shown');
  const [row] = await apiKeysOf(t, { councilId: c.id });
  assert.equal(row.tokenHash, sha256(token));
  assert.ok(!JSON.stringify(row).includes(token), 'the plain token is not stored');
  const again = await get(t, url, asOfficial);
  assert.ok(!again.body.includes(token), 'shown once');
  assert.ok(again.body.includes('Zaaksysteem'));

  await post(t, url, { name: 'Ander systeem' }, await login(t, official2));
  assert.ok(!(await get(t, url, asOfficial)).body.includes('Ander systeem'), 'an official sees only their own keys');
  const asSecretary = await login(t, secretary);
  const all = await get(t, url, asSecretary);
  assert.ok(all.body.includes('Zaaksysteem') && all.body.includes('Ander systeem'), 'the secretary sees all keys');
  assert.equal((await get(t, url, await login(t, member))).statusCode, 403);

  // An official cannot revoke another official's key: 404.
  const [otherRow] = await apiKeysOf(t, { councilId: c.id, userId: official2.id });
  assert.equal((await post(t, `${url}/${otherRow.id}/intrekken`, {}, asOfficial)).statusCode, 404);
  const revoked = await post(t, `${url}/${row.id}/intrekken`, {}, asOfficial);
  assert.equal(revoked.statusCode, 303);
  const [after] = (await apiKeysOf(t, { councilId: c.id })).filter((k) => k.id === row.id);
  assert.ok(after.revokedAt);
  assert.equal((await post(t, `${url}/${row.id}/intrekken`, {}, asOfficial)).statusCode, 409);
  const entries = await auditEntries(t, { entityId: row.id });
  assert.deepEqual(entries.map((e) => e.action).sort(), ['apiToken.created', 'apiToken.revoked']);

  // A platform admin without a role in the council sees the keys but cannot make one.
  const admin = await login(t, await makeUser(t, { isPlatformAdmin: true }));
  assert.equal((await get(t, url, admin)).statusCode, 200);
  assert.equal((await post(t, url, { name: 'Beheer' }, admin)).statusCode, 403);
});

test('the API keys pages are valid HTML (W3C Nu checker), in Dutch and English, with every text translated', async () => {
  const c = await makeCouncil(t);
  const { user } = await makeMember(t, c, 'secretary');
  const s = await login(t, user);
  const url = `/${c.slug}/werkruimte/api-sleutels`;
  const pages: { name: string; html: string }[] = [];
  const add = async (name: string, res: Promise<{ statusCode: number; body: string }>, status = 200) => {
    const r = await res;
    assert.equal(r.statusCode, status, name);
    pages.push({ name, html: r.body });
  };
  await add('keys', get(t, url, s));
  await add('keys-error', post(t, url, {}, s), 400);
  await add('keys-created', post(t, url, { name: 'Systeem' }, s), 201);
  await add('keys-revoked', get(t, `${url}?melding=ingetrokken`, s));
  await add('keys-en', t.app.inject({ url, headers: { cookie: `${s.cookie}; rw_taal=en` } }));
  assert.match(pages.at(-1)!.html, /API keys/);
  for (const p of pages) assert.ok(!/apikeys\.[a-zA-Z.]+/.test(p.html), `${p.name}: every message key is translated`);
  const errors = await checkHtml(pages);
  assert.equal(errors.length, 0, formatHtmlErrors(errors));
});
