import sharp from 'sharp';
import { pngBomb } from '../../core/files/hostile.test-helpers.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, makeCouncil, makeCouncils, makeMember, makeUser, login, anonymousPost, multipart, TINY_PNG, useTestApp, auditEntries, updateCouncil } from '../../../test/support/factories.ts';
import { councils } from '../../core/organisations.schema.ts';
import { refreshStatistics } from '../../core/db/index.ts';
import { outbox } from '../../core/mail/mail.schema.ts';

const t = useTestApp();

const PNG = TINY_PNG;

test('the platform home lists councils, and a council home shows its name and colour', async () => {
  const c = await makeCouncil(t, { name: 'Wmo-raad Testdorp', colour: '#6b2c6b', tagline: 'Wij luisteren naar inwoners.' });
  const home = await t.app.inject('/');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Wmo-raad Testdorp/);
  const page = await t.app.inject(`/${c.slug}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<html lang="nl"/);
  assert.match(page.body, /Wij luisteren naar inwoners\./);
  assert.match(page.body, /href="#inhoud"/);
  assert.equal(page.headers['set-cookie'], undefined, 'no cookie for anonymous readers');
  const css = await t.app.inject(`/${c.slug}/thema.css`);
  assert.match(css.body, /--rw-accent:#6b2c6b/);
});

test('public pages of a council: about, accessibility statement, privacy statement', async () => {
  const c = await makeCouncil(t, { vision: 'Iedereen doet mee.', legalBasis: 'Wmo 2015 artikel 2.1.3' });
  const about = await t.app.inject(`/${c.slug}/over-ons`);
  assert.match(about.body, /Iedereen doet mee\./);
  assert.match(about.body, /Wmo 2015 artikel 2\.1\.3/);
  const a11y = await t.app.inject(`/${c.slug}/toegankelijkheid`);
  assert.match(a11y.body, /Toegankelijkheidsverklaring/);
  assert.match(a11y.body, /Nationale ombudsman/);
  const privacy = await t.app.inject(`/${c.slug}/privacy`);
  assert.match(privacy.body, /Autoriteit Persoonsgegevens/);
});

test('unknown council and malformed slugs answer 404 with a Dutch page', async () => {
  for (const url of ['/bestaat-niet', '/bestaat-niet/over-ons', '/%00x', '/A_B/contact', `/${'x'.repeat(300)}`, `/${'y'.repeat(5000)}`]) {
    const res = await t.app.inject(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /Pagina niet gevonden/);
  }
});

test('a malformed URL encoding gets the Dutch error page, not a framework message', async () => {
  const res = await t.app.inject('/wachtwoord-herstellen/%ff');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Verzoek niet begrepen/);
});

test('the English switch sets a cookie only when asked, and pages then speak English', async () => {
  const c = await makeCouncil(t);
  const sw = await t.app.inject(`/taal?naar=en&terug=/${c.slug}`);
  assert.equal(sw.statusCode, 303);
  assert.equal(sw.headers.location, `/${c.slug}`);
  const cookie = String(sw.headers['set-cookie']).split(';')[0];
  const page = await t.app.inject({ url: `/${c.slug}/contact`, headers: { cookie } });
  assert.match(page.body, /<html lang="en"/);
  assert.match(page.body, /Your message/);
  // The council's own text stays Dutch, and says so for screen readers.
  await updateCouncil(t, c.id, { about: 'Wij geven de gemeente advies over zorg.' });
  const about = await t.app.inject({ url: `/${c.slug}/over-ons`, headers: { cookie } });
  assert.match(about.body, /<div class="utrecht-html" lang="nl"><p>Wij geven de gemeente advies over zorg\.<\/p>/);
  const evil = await t.app.inject('/taal?naar=en&terug=//evil.example');
  assert.equal(evil.headers.location, '/');
});

test('contact form: a message goes to the council address, reply-to the sender', async () => {
  const c = await makeCouncil(t);
  const res = await anonymousPost(t, `/${c.slug}/contact`, {
    name: 'Jan',
    email: 'jan@voorbeeld.example',
    subject: 'Regiotaxi',
    message: 'De taxi kwam niet.',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/${c.slug}/contact/verzonden`);
  const mails = await t.database.db.select().from(outbox).where(eq(outbox.councilId, c.id));
  assert.equal(mails.length, 1);
  assert.equal(mails[0].toAddress, c.contactEmail);
  assert.equal(mails[0].replyTo, 'jan@voorbeeld.example');
  assert.equal(mails[0].status, 'held', 'without SMTP the mail stays in the outbox');
  assert.match(mails[0].body, /De taxi kwam niet\./);
});

test('contact form: bad input gets Dutch errors with a summary and sends nothing', async () => {
  const c = await makeCouncil(t);
  const cases: Record<string, string | string[]>[] = [
    {},
    { name: 'Jan', email: 'geen-adres', subject: 'x', message: 'y' },
    { name: 'x'.repeat(100_000), email: 'a@b.example', subject: 'x', message: 'y' },
    { name: ['a', 'b'], email: 'a@b.example', subject: 'x', message: 'y' },
    { name: 'Jan', email: 'a@b.example', subject: 'x', message: 'z'.repeat(5001) },
  ];
  for (const form of cases) {
    const res = await anonymousPost(t, `/${c.slug}/contact`, form);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Fout: /);
    assert.match(res.body, /utrecht-alert--error/);
    assert.match(res.body, /aria-invalid="true"/);
  }
  const tooFast = await anonymousPost(t, `/${c.slug}/contact`, { name: 'Jan', email: 'a@b.example', subject: 'x', message: 'y' }, { ageMs: 500 });
  assert.equal(tooFast.statusCode, 400);
  assert.match(tooFast.body, /erg snel/);
  const mails = await t.database.db.select().from(outbox).where(eq(outbox.councilId, c.id));
  assert.equal(mails.length, 0);
});

test('a form post without a valid CSRF token changes nothing (403)', async () => {
  const c = await makeCouncil(t);
  const res = await t.app.inject({
    method: 'POST',
    url: `/${c.slug}/contact`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'name=a&email=a%40b.example&subject=s&message=m&_csrf=a.vals.token',
  });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Formulier verlopen/);
});

test('settings: the secretary changes name and colour; a too-light colour is refused', async () => {
  const c = await makeCouncil(t);
  const { user } = await makeMember(t, c, 'secretary');
  const s = await login(t, user);
  const base = { name: 'Nieuwe naam', advises: 'het college', contactEmail: 'nieuw@raad.example', colour: '#1f5c99' };
  const ok = await s.request({ url: `/${c.slug}/werkruimte/instellingen`, form: base });
  assert.equal(ok.statusCode, 303);
  const [after] = await t.database.db.select().from(councils).where(eq(councils.id, c.id));
  assert.equal(after.name, 'Nieuwe naam');
  const home = await t.app.inject(`/${c.slug}`);
  assert.match(home.body, /Nieuwe naam/, 'the change shows on the next public request');
  const light = await s.request({ url: `/${c.slug}/werkruimte/instellingen`, form: { ...base, name: 'Weer anders', colour: '#ffdd00' } });
  assert.equal(light.statusCode, 400);
  assert.match(light.body, /te licht/);
  const [still] = await t.database.db.select().from(councils).where(eq(councils.id, c.id));
  assert.equal(still.name, 'Nieuwe naam');
  const audits = await auditEntries(t, { councilId: c.id });
  assert.ok(audits.some((a) => a.action === 'council.settingsChanged' && a.actorUserId === user.id));
});

test('settings: a member gets 403, a secretary of another council 404, anonymous to login', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const member = await login(t, (await makeMember(t, c, 'member')).user);
  const stranger = await login(t, (await makeMember(t, other, 'secretary')).user);
  assert.equal((await member.request({ url: `/${c.slug}/werkruimte/instellingen` })).statusCode, 403);
  assert.equal((await member.request({ url: `/${c.slug}/werkruimte` })).statusCode, 200);
  assert.equal((await stranger.request({ url: `/${c.slug}/werkruimte/instellingen` })).statusCode, 404);
  assert.equal((await stranger.request({ url: `/${c.slug}/werkruimte` })).statusCode, 404);
  const post = await stranger.request({
    url: `/${c.slug}/werkruimte/instellingen`,
    form: { name: 'Gekaapt', advises: 'x', contactEmail: 'a@b.example', colour: '#000000' },
  });
  assert.equal(post.statusCode, 404);
  const [unchanged] = await t.database.db.select().from(councils).where(eq(councils.id, c.id));
  assert.notEqual(unchanged.name, 'Gekaapt');
  const anon = await t.app.inject(`/${c.slug}/werkruimte/instellingen`);
  assert.equal(anon.statusCode, 303);
  assert.match(String(anon.headers.location), /^\/inloggen\?terug=/);
});

test('logo: a PNG is stored and served; other files and oversized uploads are refused', async () => {
  const c = await makeCouncil(t);
  const s = await login(t, (await makeMember(t, c, 'chair')).user);
  const url = `/${c.slug}/werkruimte/instellingen/logo?_csrf=${encodeURIComponent(s.csrf)}`;
  const send = (body: ReturnType<typeof multipart>) => t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': body.contentType }, payload: body.payload });

  const ok = await send(multipart({ logoAlt: 'Logo van de raad' }, { name: 'logo', filename: 'logo.png', type: 'image/png', bytes: PNG }));
  assert.equal(ok.statusCode, 303);
  const logo = await t.app.inject(`/${c.slug}/logo`);
  assert.equal(logo.statusCode, 200);
  assert.equal(logo.headers['content-type'], 'image/png');
  // Decoded, checked and re-encoded at upload (core/files/image.ts): the stored logo is a clean PNG of the same size.
  const stored = await sharp(logo.rawPayload).metadata();
  assert.deepEqual([stored.format, stored.width, stored.height], ['png', 1, 1]);
  assert.match((await t.app.inject(`/${c.slug}`)).body, /alt="Logo van de raad"/);

  const fake = await send(multipart({ logoAlt: 'x' }, { name: 'logo', filename: 'logo.png', type: 'image/png', bytes: Buffer.from('<svg onload=alert(1)>') }));
  assert.equal(fake.statusCode, 400);
  assert.match(fake.body, /geen PNG, JPEG of WebP/);
  const big = await send(multipart({ logoAlt: 'x' }, { name: 'logo', filename: 'groot.png', type: 'image/png', bytes: Buffer.concat([PNG, Buffer.alloc(1_100_000)]) }));
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /groter dan 1 MB/);
  // A decompression bomb (1.6 billion pixels in a few hundred KB) is refused from its header.
  const bomb = await send(multipart({ logoAlt: 'x' }, { name: 'logo', filename: 'bom.png', type: 'image/png', bytes: pngBomb(40_000) }));
  assert.equal(bomb.statusCode, 400);
  assert.match(bomb.body, /Dit plaatje heeft te veel beeldpunten/);
  const noAlt = await send(multipart({}, { name: 'logo', filename: 'logo.png', type: 'image/png', bytes: PNG }));
  assert.equal(noAlt.statusCode, 400);
  const noCsrf = await t.app.inject({
    method: 'POST',
    url: `/${c.slug}/werkruimte/instellingen/logo`,
    headers: { cookie: s.cookie, 'content-type': multipart({}).contentType },
    payload: multipart({}).payload,
  });
  assert.equal(noCsrf.statusCode, 403);
  const [after] = await t.database.db.select().from(councils).where(eq(councils.id, c.id));
  assert.equal(after.logoAlt, 'Logo van de raad');
});

test('platform admin creates a council; taken and reserved web addresses are refused', async () => {
  const admin = await login(t, await makeUser(t, { isPlatformAdmin: true, totpEnabled: true }));
  const form = {
    name: 'Participatieraad Nieuwstad',
    slug: `nieuwstad-${Date.now()}`,
    kind: 'gemeentelijk',
    advises: 'het college',
    contactEmail: 'info@nieuwstad.example',
  };
  const res = await admin.request({ url: '/beheer/raden/nieuw', form });
  assert.equal(res.statusCode, 303);
  assert.equal((await t.app.inject(`/${form.slug}`)).statusCode, 200);
  // The confirmation links to the form that invites the secretary, with that role chosen.
  const done = await admin.request({ url: String(res.headers.location) });
  assert.match(done.body, /De organisatie Participatieraad Nieuwstad is aangemaakt\./);
  const invite = `/${form.slug}/werkruimte/leden?rol=secretaris#uitnodigen`;
  assert.ok(done.body.includes(`href="${invite.replace(/&/g, '&amp;')}"`), 'a link to invite the secretary');
  const members = await admin.request({ url: invite.split('#')[0]! });
  assert.equal(members.statusCode, 200);
  assert.match(members.body, /id="uitnodigen"/);
  assert.match(members.body, /<option value="secretary" selected/);
  const again = await admin.request({ url: '/beheer/raden/nieuw', form });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /al in gebruik/);
  const reserved = await admin.request({ url: '/beheer/raden/nieuw', form: { ...form, slug: 'beheer' } });
  assert.equal(reserved.statusCode, 400);
  const c = await makeCouncil(t);
  const secretary = await login(t, (await makeMember(t, c, 'secretary')).user);
  assert.equal((await secretary.request({ url: '/beheer/raden/nieuw', form: { ...form, slug: 'door-secretaris' } })).statusCode, 403);
  assert.equal((await t.app.inject('/door-secretaris')).statusCode, 404);
});

test('the outbox is readable by the platform admin only', async () => {
  const c = await makeCouncil(t);
  await anonymousPost(t, `/${c.slug}/contact`, { name: 'Jan', email: 'jan@voorbeeld.example', subject: 'Postvaktest', message: 'Hallo' });
  const admin = await login(t, await makeUser(t, { isPlatformAdmin: true, totpEnabled: true }));
  const list = await admin.request({ url: '/beheer/postvak' });
  assert.equal(list.statusCode, 200);
  // A resident's message is withheld in the outbox view (issue 17; test/hardening/outbox.test.ts).
  assert.doesNotMatch(list.body, /Postvaktest/);
  const [mail] = await t.database.db.select().from(outbox).where(eq(outbox.councilId, c.id));
  const one = await admin.request({ url: `/beheer/postvak/${mail.id}` });
  assert.equal(one.statusCode, 200);
  assert.doesNotMatch(one.body, /Hallo/);
  assert.equal((await admin.request({ url: '/beheer/postvak/geen-uuid' })).statusCode, 404);
  const secretary = await login(t, (await makeMember(t, c, 'secretary')).user);
  assert.equal((await secretary.request({ url: '/beheer/postvak' })).statusCode, 403);
});

test('the rendered-page cache never serves a stale page after a change', async () => {
  const c = await makeCouncil(t, { tagline: 'Eerste tekst' });
  const first = await t.app.inject(`/${c.slug}/over-ons`);
  const second = await t.app.inject(`/${c.slug}/over-ons`);
  assert.equal(second.headers['x-cache'], 'hit');
  assert.equal(first.body, second.body);
  const s = await login(t, (await makeMember(t, c, 'secretary')).user);
  await s.request({
    url: `/${c.slug}/werkruimte/instellingen`,
    form: { name: c.name, advises: 'x', contactEmail: c.contactEmail, colour: '#1f5c99', about: 'Nieuwe over-ons-tekst' },
  });
  const third = await t.app.inject(`/${c.slug}/over-ons`);
  assert.notEqual(third.headers['x-cache'], 'hit');
  assert.match(third.body, /Nieuwe over-ons-tekst/);
});

test('health, readiness and security.txt', async () => {
  assert.equal((await t.app.inject('/healthz')).statusCode, 200);
  const ready = await t.app.inject('/readyz');
  assert.equal(ready.statusCode, 200);
  assert.equal(ready.json().status, 'ok');
  // PGlite's planner statistics: 'pending' until this process refreshed them (main.ts does, 10 s after the start).
  assert.equal(ready.json().statistics, t.database.kind === 'pglite' ? 'pending' : 'fresh');
  await refreshStatistics(t.database);
  assert.equal((await t.app.inject('/readyz')).json().statistics, 'fresh');
  const sec = await t.app.inject('/.well-known/security.txt');
  assert.match(sec.body, /^Contact: /m);
  assert.match(sec.body, /^Expires: /m);
});

test('security headers: strict CSP, no framing, nosniff, referrer policy; HSTS only over TLS', async () => {
  const res = await t.app.inject('/');
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  assert.equal(res.headers['strict-transport-security'], undefined);
  // The rest of helmet's set, and ours.
  assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
  assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin');
  assert.equal(res.headers['x-permitted-cross-domain-policies'], 'none');
  assert.match(String(res.headers['permissions-policy']), /camera=\(\)/);
  // A cached page (the second anonymous read) carries the same headers.
  const cached = await t.app.inject('/');
  assert.equal(cached.headers['content-security-policy'], csp);
  assert.equal(cached.headers['x-frame-options'], 'SAMEORIGIN');
});

test('behind a TLS proxy (TRUST_PROXY=true) pages carry HSTS; plain http does not', async () => {
  const tls = await createTestApp({ TRUST_PROXY: 'true' });
  try {
    const secure = await tls.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    assert.match(String(secure.headers['strict-transport-security']), /max-age=31536000/);
    const plain = await tls.app.inject({ url: '/' });
    assert.equal(plain.headers['strict-transport-security'], undefined);
  } finally {
    await tls.close();
  }
});
