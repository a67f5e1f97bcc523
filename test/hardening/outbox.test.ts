/**
 * Issue 17, item 7: the platform administrator reads the outbox without being able to act as
 * anyone: no single-use link and no resident's details are readable, every read is in the audit
 * log, and the outbox keeps mail no longer than the data it carries may be kept.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { anonymousPost, Browser, createTestApp, login, makeCouncil, makeMember, makeUser, uniqueId, type LoggedIn, type TestApp } from '../support/factories.ts';
import { outbox } from '../../src/core/mail/mail.schema.ts';
import { auditLog } from '../../src/core/audit/audit.schema.ts';
import { MAIL_RETENTION_DAYS, purgeOldMail } from '../../src/core/mail/mail.ts';
import type { Council } from '../../src/core/organisations.schema.ts';

let t: TestApp;
let council: Council;
let admin: LoggedIn;

before(async () => {
  t = await createTestApp();
  council = await makeCouncil(t);
  admin = await login(t, await makeUser(t, { isPlatformAdmin: true }));
});
after(() => t.close());

/** The list and every mail's page, as the administrator sees them. */
async function everythingTheAdminSees(): Promise<string> {
  const list = await admin.request({ url: '/beheer/postvak' });
  assert.equal(list.statusCode, 200);
  const pages = [list.body];
  for (const m of list.body.matchAll(/href="(\/beheer\/postvak\/[0-9a-f-]{36})"/g)) {
    const page = await admin.request({ url: m[1]! });
    assert.equal(page.statusCode, 200);
    pages.push(page.body);
  }
  return pages.join('\n');
}

test("an administrator who asks a password reset for a council's secretary cannot read the link (issue 17, item 7)", async () => {
  const { user: secretary } = await makeMember(t, council, 'secretary', { email: `secretaris-${uniqueId()}@voorbeeld.nl` });
  await new Browser(t, '10.17.8.1').post('/wachtwoord-vergeten', { email: secretary.email });
  const [mail] = await t.db.select().from(outbox).where(eq(outbox.toAddress, secretary.email));
  const token = /wachtwoord-herstellen\/([A-Za-z0-9_-]{43})/.exec(mail!.body)![1]!;
  const seen = await everythingTheAdminSees();
  assert.ok(!seen.includes(token), 'the reset token is not on any outbox page');
  assert.match(seen, /\[link verborgen\]/);
  assert.ok(!seen.includes(secretary.email), 'the address is masked');
  assert.ok(seen.includes(`${secretary.email[0]}•••@voorbeeld.nl`));
});

test("residents' details in the outbox are withheld: the contact form and a confirmation to a resident (issue 17, item 7)", async () => {
  const resident = `inwoner-${uniqueId()}@voorbeeld.nl`;
  const sent = await anonymousPost(
    t,
    `/${council.slug}/contact`,
    { name: 'Jantien Inwoner', email: resident, subject: 'Mijn keukentafelgesprek', message: 'Mijn dochter krijgt geen vervoer naar school.' },
    { ip: '10.17.8.2' },
  );
  assert.equal(sent.statusCode, 303);
  await t.db.insert(outbox).values({
    councilId: council.id,
    toAddress: resident,
    subject: 'Wij hebben uw signaal ontvangen',
    body: `Beste Jantien, uw signaal over de taxi is ontvangen. Wij mailen u op ${resident}.`,
    status: 'held',
  });
  const seen = await everythingTheAdminSees();
  for (const secret of [resident, 'Jantien', 'keukentafelgesprek', 'geen vervoer', 'over de taxi']) assert.ok(!seen.includes(secret), `${secret} is not shown`);
  assert.match(seen, /Deze e-mail bevat gegevens van een inwoner/);
});

test('every read of the outbox is in the audit log, with who read it (issue 17, item 7)', async () => {
  const [mail] = await t.db.insert(outbox).values({ councilId: council.id, toAddress: admin.user.email, subject: 'Gelezen', body: 'x', status: 'held' }).returning();
  await admin.request({ url: '/beheer/postvak' });
  await admin.request({ url: `/beheer/postvak/${mail!.id}` });
  const listed = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'outbox.listed'), eq(auditLog.actorUserId, admin.user.id)));
  const read = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'mail.read'), eq(auditLog.entityId, mail!.id)));
  assert.ok(listed.length >= 1, 'the list read is logged');
  assert.equal(read.length, 1, 'the mail read is logged');
  assert.equal(read[0]!.actorUserId, admin.user.id);
});

test("the outbox keeps mail only as long as the data it carries: residents' mail 28 days, single-use links 7, other mail a year (issue 17, item 7)", async () => {
  const DAY = 24 * 3600 * 1000;
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const member = await makeUser(t, { email: `lid-${uniqueId()}@voorbeeld.nl` });
  const c = await makeCouncil(t);
  const rows = {
    residentOld: { toAddress: `inwoner-${uniqueId()}@voorbeeld.nl`, body: 'signaal', status: 'sent' as const, createdAt: ago(MAIL_RETENTION_DAYS.residents + 1) },
    residentNew: { toAddress: `inwoner-${uniqueId()}@voorbeeld.nl`, body: 'signaal', status: 'sent' as const, createdAt: ago(MAIL_RETENTION_DAYS.residents - 1) },
    residentQueued: { toAddress: `inwoner-${uniqueId()}@voorbeeld.nl`, body: 'signaal', status: 'queued' as const, createdAt: ago(MAIL_RETENTION_DAYS.residents + 1) },
    contactOld: { toAddress: member.email, replyTo: 'iemand@voorbeeld.nl', body: 'contact', status: 'sent' as const, createdAt: ago(MAIL_RETENTION_DAYS.residents + 1) },
    linkOld: {
      toAddress: member.email,
      body: `Kies een wachtwoord: https://raadwerk.example/wachtwoord-herstellen/${'A'.repeat(43)}`,
      status: 'sent' as const,
      createdAt: ago(MAIL_RETENTION_DAYS.links + 1),
    },
    memberOld: { toAddress: member.email, body: 'Er staat een vergadering klaar: https://raadwerk.example/x/werkruimte/vergaderingen', status: 'sent' as const, createdAt: ago(300) },
    memberAncient: { toAddress: member.email, body: 'oud', status: 'sent' as const, createdAt: ago(MAIL_RETENTION_DAYS.other + 1) },
  };
  for (const [subject, row] of Object.entries(rows)) await t.db.insert(outbox).values({ councilId: c.id, subject, ...row });
  await purgeOldMail(t.db, now);
  const left = (await t.db.select({ subject: outbox.subject }).from(outbox).where(eq(outbox.councilId, c.id))).map((r) => r.subject).sort();
  assert.deepEqual(left, ['memberOld', 'residentNew', 'residentQueued']);
});
