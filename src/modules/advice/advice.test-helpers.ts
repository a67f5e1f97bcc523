/** Advice defaults on top of the shared factories: advices in a given state, straight in the database. */
import { eq } from 'drizzle-orm';
import { login, makeMember, multipart, type LoggedIn, type TestApp } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Role } from '../../core/roles.ts';
import type { Actor } from '../../core/policy.ts';
import { adviceRecommendations, adviceVotes, advices, type Advice } from './advice.schema.ts';
import type { AdviceState } from './advice.workflow.ts';

export * from '../../../test/support/factories.ts';

let seq = 0;

/** An advice in `status`, with `recommendations` texts; sent advice gets a due date. */
export async function makeAdvice(t: TestApp, council: Council, values: Partial<typeof advices.$inferInsert> & { status: AdviceState }, recommendations: string[] = []): Promise<Advice> {
  const n = ++seq;
  const [a] = await t.db
    .insert(advices)
    .values({
      councilId: council.id,
      reference: `1999-${String(n).padStart(3, '0')}-${Math.random().toString(36).slice(2, 6)}`,
      kind: 'requested',
      subject: `Onderwerp ${n}`,
      question: 'Wat vindt de raad hiervan?',
      policyField: 'wmo',
      addressee: 'college',
      ...values,
    })
    .returning();
  let i = 0;
  for (const text of recommendations) await t.db.insert(adviceRecommendations).values({ councilId: council.id, adviceId: a!.id, number: ++i, text });
  return a!;
}

/** A member's vote in the advice's current round, as if cast through the form. */
export async function castVote(t: TestApp, advice: Advice, membershipId: string, vote: 'agree' | 'agree_with_remark' | 'object' = 'agree') {
  await t.db.insert(adviceVotes).values({ councilId: advice.councilId, adviceId: advice.id, round: advice.approvalRound, membershipId, vote });
}

export async function adviceRow(t: TestApp, id: string): Promise<Advice> {
  const [a] = await t.db.select().from(advices).where(eq(advices.id, id));
  return a!;
}

export async function recommendationsOf(t: TestApp, id: string) {
  return t.db.select().from(adviceRecommendations).where(eq(adviceRecommendations.adviceId, id)).orderBy(adviceRecommendations.number);
}

/** A person with a role, logged in, and their actor for calling services directly. */
export async function person(t: TestApp, council: Council, role: Role, name?: string): Promise<LoggedIn & { actor: Actor; membershipId: string; email: string }> {
  const { user, membership } = await makeMember(t, council, role, name ? { name } : {});
  const s = await login(t, user);
  return Object.assign(s, {
    actor: { userId: user.id, isPlatformAdmin: false, role, membershipId: membership.id },
    membershipId: membership.id,
    email: user.email,
  });
}

/** One person() for each role, in that order. */
export async function people(t: TestApp, council: Council, roles: Role[]) {
  const made: Awaited<ReturnType<typeof person>>[] = [];
  for (const role of roles) made.push(await person(t, council, role));
  return made;
}

/** A multipart POST with the CSRF token in the query string, like the browser form. */
export function postMultipart(t: TestApp, as: LoggedIn, url: string, fields: Record<string, string>, file?: { name: string; filename: string; type: string; bytes: Buffer }) {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `${url}?_csrf=${encodeURIComponent(as.csrf)}`,
    headers: { cookie: as.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
