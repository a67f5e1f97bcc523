/** Moments of the policy calendar straight in the database, for tests (the authorization matrix uses these too). */
import type { TestApp } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { policyMoments } from './policycalendar.schema.ts';

export * from '../../../test/support/factories.ts';

export async function makeMoment(t: TestApp, council: Council, values: Partial<typeof policyMoments.$inferInsert> = {}) {
  const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  const [m] = await t.db
    .insert(policyMoments)
    .values({ councilId: council.id, kind: 'beleidsplan', title: 'Wmo-beleidsplan', expectedOn: inAYear, ...values })
    .returning();
  return m!;
}
