import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { outbox } from '../../core/mail/mail.schema.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { purgeOldMail } from '../../core/mail/mail.ts';
import { vacancies, vacancyApplications } from './members.schema.ts';
import { purgeExpiredApplications } from './members.vacancies.ts';
import { makeCouncil, makeVacancy, useTestApp } from './members.test-helpers.ts';
import { makeUser, auditEntries } from '../../../test/support/factories.ts';

const t = useTestApp();

const DAY = 24 * 3600 * 1000;

async function withApplication(values: Partial<typeof vacancies.$inferInsert>) {
  const c = await makeCouncil(t);
  const v = await makeVacancy(t, c, values);
  await t.db.insert(vacancyApplications).values({ councilId: c.id, vacancyId: v.id, name: 'Piet Sollicitant', email: 'piet@example.nl', motivation: 'Ik wil graag meedoen.' });
  return { c, v };
}
const applicationsOf = (vacancyId: string) => t.db.select().from(vacancyApplications).where(eq(vacancyApplications.vacancyId, vacancyId));

test('applications go 4 weeks after the vacancy closed, with an audit entry; open and recently closed vacancies keep theirs', async () => {
  const now = new Date();
  const old = await withApplication({ status: 'closed', closedAt: new Date(now.getTime() - 29 * DAY) });
  const recent = await withApplication({ status: 'closed', closedAt: new Date(now.getTime() - 27 * DAY) });
  const open = await withApplication({ status: 'published' });

  const removed = await purgeExpiredApplications(t.db, now);
  assert.ok(removed >= 1);
  assert.equal((await applicationsOf(old.v.id)).length, 0);
  assert.equal((await applicationsOf(recent.v.id)).length, 1);
  assert.equal((await applicationsOf(open.v.id)).length, 1);
  const [entry] = await auditEntries(t, { councilId: old.c.id, action: 'vacancy.applicationsRemoved' });
  assert.deepEqual(entry?.data, { removed: 1 });
  // A second run finds nothing more for this vacancy and writes no second entry.
  await purgeExpiredApplications(t.db, now);
  assert.equal(
    (
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.councilId, old.c.id), eq(auditLog.action, 'vacancy.applicationsRemoved')))
    ).length,
    1,
  );
});

test('closing a vacancy records when; reopening clears it, so its applications are kept', async () => {
  const { c, v } = await withApplication({ status: 'closed', closedAt: new Date(Date.now() - 40 * DAY) });
  await t.db.update(vacancies).set({ status: 'published', closedAt: null }).where(eq(vacancies.id, v.id));
  await purgeExpiredApplications(t.db);
  assert.equal((await applicationsOf(v.id)).length, 1, `council ${c.slug} keeps the application of a reopened vacancy`);
});

test('mail older than a year leaves the outbox; newer mail stays', async () => {
  const c = await makeCouncil(t);
  // Mail to someone with an account: the year applies (mail to a resident goes sooner, issue 17).
  await makeUser(t, { email: 'nieuw@example.nl' });
  const now = new Date();
  await t.db.insert(outbox).values([
    { councilId: c.id, toAddress: 'oud@example.nl', subject: 'Oud bericht', body: 'x', status: 'sent', createdAt: new Date(now.getTime() - 366 * DAY) },
    { councilId: c.id, toAddress: 'nieuw@example.nl', subject: 'Nieuw bericht', body: 'x', status: 'sent', createdAt: new Date(now.getTime() - 300 * DAY) },
  ]);
  await purgeOldMail(t.db, now);
  const left = await t.db.select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.councilId, c.id));
  assert.deepEqual(
    left.map((r) => r.to),
    ['nieuw@example.nl'],
  );
});
