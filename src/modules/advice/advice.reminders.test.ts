import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { adviceRecommendations } from './advice.schema.ts';
import { sendAdviceReminders } from './advice.reminders.ts';
import { addWorkingDays, todayInAmsterdam } from '../../core/dates/working-days.ts';
import { useTestApp, dayFromToday, get, mailsTo, makeAdvice, makeCouncil, person, recommendationsOf, auditEntries } from './advice.test-helpers.ts';

const t = useTestApp();

test('overdue: sent, not all answered, past the due date; flagged in the list and on the page, with a follow-up letter', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const secretary = await person(t, c, 'secretary');
  const late = await makeAdvice(t, c, { status: 'sent', subject: 'Te laat beantwoord', sentAt: new Date(Date.now() - 60 * 86_400_000), answerDueOn: dayFromToday(-3) }, ['Open punt', 'Ander punt']);
  const onTime = await makeAdvice(t, c, { status: 'sent', subject: 'Nog op tijd', sentAt: new Date(), answerDueOn: dayFromToday(10) }, ['A']);
  await makeAdvice(t, c, { status: 'answered', subject: 'Al beantwoord', sentAt: new Date(), answerDueOn: dayFromToday(-3) }, ['A']);

  const list = await get(t, `${ws}?status=overdue`, secretary);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Te laat beantwoord/);
  assert.ok(!list.body.includes('Nog op tijd'));
  assert.ok(!list.body.includes('Al beantwoord'));
  assert.match(list.body, /Antwoord te laat/);

  const page = await get(t, `${ws}/${late.id}`, secretary);
  assert.match(page.body, /Het antwoord is te laat/);
  assert.match(page.body, /herinneringsbrief/);
  assert.ok(!(await get(t, `${ws}/${onTime.id}`, secretary)).body.includes('Het antwoord is te laat'));

  const letter = await get(t, `${ws}/${late.id}/herinneringsbrief`, secretary);
  assert.equal(letter.statusCode, 200);
  assert.match(letter.body, /Herinnering: antwoord op ons advies over Te laat beantwoord/);
  assert.match(letter.body, /Op 2 aanbeveling\(en\) hebben wij nog geen antwoord gekregen/);
  assert.match(letter.body, /Open punt/);
  assert.equal((await get(t, `${ws}/${onTime.id}/herinneringsbrief`, secretary)).statusCode, 404, 'only for overdue advice');

  // An invalid status filter shows everything, never an error.
  assert.equal((await get(t, `${ws}?status=%27%3Bdrop`, secretary)).statusCode, 200);
  assert.equal((await get(t, `${ws}?status=a&status=b`, secretary)).statusCode, 200);
});

test('reminder job: mails the secretary 5 working days before and on the due date, once; review dates too', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const today = todayInAmsterdam();
  const soon = await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: addWorkingDays(today, 5) }, ['A']);
  const due = await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: today }, ['A']);
  const later = await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: addWorkingDays(today, 6) }, ['A']);
  const answered = await makeAdvice(t, c, { status: 'answered', sentAt: new Date(), answerDueOn: today }, ['A']);
  const reviewed = await makeAdvice(t, c, { status: 'answered', sentAt: new Date(), answerDueOn: dayFromToday(-30) }, ['Mantelzorgpas invoeren']);
  const [rec] = await recommendationsOf(t, reviewed.id);
  await t.db.update(adviceRecommendations).set({ answer: 'adopted', followUp: 'Pas is ingevoerd.', reviewOn: today }).where(eq(adviceRecommendations.id, rec!.id));

  const sent = await sendAdviceReminders(t.app.deps);
  assert.ok(sent >= 3, `sent ${sent}`);
  const mails = await mailsTo(t, secretary.email);
  const subjects = mails.map((m) => m.subject).sort();
  assert.ok(
    subjects.some((s) => s.startsWith('Over 5 werkdagen') && s.includes(soon.reference)),
    subjects.join(' | '),
  );
  assert.ok(subjects.some((s) => s.startsWith('Vandaag') && s.includes(due.reference)));
  assert.ok(subjects.some((s) => s.startsWith('Nakijken: aanbeveling 1') && s.includes(reviewed.reference)));
  assert.ok(!subjects.some((s) => s.includes(later.reference) || s.includes(answered.reference)));
  const review = mails.find((m) => m.subject.startsWith('Nakijken'))!;
  assert.match(review.body, /Pas is ingevoerd\./);

  // Running again (another hour, another instance) sends nothing twice.
  assert.equal(await sendAdviceReminders(t.app.deps), 0);
  assert.equal((await mailsTo(t, secretary.email)).length, 3);
  const recorded = await auditEntries(t, { entity: 'advice', entityId: due.id, action: 'advice.dueTodayReminderSent' });
  assert.equal(recorded.length, 1);
  // The reminder shows in the advice's history (its own page since the advice page became a step list).
  const page = await get(t, `/${c.slug}/werkruimte/adviezen/${due.id}?stap=geschiedenis`, secretary);
  assert.match(page.body, /Herinnering verstuurd: antwoord vandaag verwacht/);
});

test('reminder job: a council without a secretary gets the reminder at its own address', async () => {
  const c = await makeCouncil(t);
  await makeAdvice(t, c, { status: 'sent', sentAt: new Date(), answerDueOn: todayInAmsterdam() }, ['A']);
  await sendAdviceReminders(t.app.deps);
  const mails = await mailsTo(t, c.contactEmail);
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.subject, /^Vandaag/);
});
