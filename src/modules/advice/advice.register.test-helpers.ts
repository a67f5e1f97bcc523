/** Given advice written straight into the database, for tests of the register, the overview and the API. */
import type { Council } from '../../core/organisations.schema.ts';
import { uniqueId, type TestApp } from '../../../test/support/factories.ts';
import { adviceDocuments, adviceRecommendations, advices, type Advice } from './advice.schema.ts';
import { files } from '../../core/files/files.schema.ts';

export type SeedAdvice = Partial<typeof advices.$inferInsert> & {
  recommendations?: { text: string; answer?: 'unanswered' | 'adopted' | 'partly' | 'not_adopted'; answerReason?: string; followUp?: string }[];
};

/** A sent (given) public advice unless told otherwise. */
export async function seedAdvice(t: TestApp, council: Council, values: SeedAdvice = {}): Promise<Advice> {
  const { recommendations = [{ text: 'Luister naar inwoners.' }], ...rest } = values;
  const [a] = await t.db
    .insert(advices)
    .values({
      councilId: council.id,
      reference: `R-${uniqueId()}`,
      kind: 'requested',
      status: 'sent',
      subject: `Advies ${uniqueId()}`,
      question: 'Wat vindt de raad ervan?',
      policyField: 'wmo',
      addressee: 'college',
      sentAt: new Date('2026-03-10T10:00:00Z'),
      answerDueOn: '2026-04-21',
      publication: 'public',
      ...rest,
    })
    .returning();
  let n = 1;
  for (const r of recommendations) {
    const answer = r.answer ?? 'unanswered';
    await t.db.insert(adviceRecommendations).values({
      councilId: council.id,
      adviceId: a.id,
      number: n++,
      text: r.text,
      answer,
      answerReason: r.answerReason ?? (answer === 'partly' || answer === 'not_adopted' ? 'Geen geld.' : ''),
      answeredAt: answer === 'unanswered' ? null : new Date(),
      followUp: r.followUp ?? '',
    });
  }
  return a;
}

/** A document kept with an advice (the bytes in the file store). */
export async function seedDocument(t: TestApp, council: Council, advice: Advice, kind: 'request' | 'answer_letter' | 'other', filename = 'brief.pdf') {
  const bytes = Buffer.from(`%PDF-1.4\n% ${kind} ${uniqueId()}\n%%EOF\n`);
  const hash = await t.app.deps.files.put(bytes);
  await t.db.insert(files).values({ hash, contentType: 'application/pdf', size: bytes.length }).onConflictDoNothing();
  const [d] = await t.db.insert(adviceDocuments).values({ councilId: council.id, adviceId: advice.id, kind, fileHash: hash, filename, contentType: 'application/pdf', size: bytes.length }).returning();
  return d;
}
