/**
 * Demo policy calendar of Lindewijk (issue 11, part 7): the five kinds of moments of influence
 * and the budget cycle over the coming four years, each followed by a working group; one date
 * moved once (with the reason), one request for advice already linked, one reminder due soon.
 * Dates are relative to today; titles are fictional, the kinds of moment are the real ones.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../src/core/db/index.ts';
import type { councils } from '../src/core/organisations.schema.ts';
import { advices } from '../src/modules/advice/advice.schema.ts';
import { policyMomentShifts, policyMoments } from '../src/modules/policycalendar/policycalendar.schema.ts';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoPolicyCalendar(tx: Tx, council: typeof councils.$inferSelect, groups: Map<string, string>): Promise<void> {
  const year = Number(inDays(0).slice(0, 4));
  const [requested] = await tx
    .select({ id: advices.id })
    .from(advices)
    .where(and(eq(advices.councilId, council.id), eq(advices.status, 'requested')))
    .limit(1);
  const moments: (Omit<typeof policyMoments.$inferInsert, 'councilId'> & { shiftedFrom?: string; reason?: string })[] = [
    { kind: 'beleidsplan', title: `Wmo-beleidsplan ${year + 2}-${year + 5}`, expectedOn: inDays(420), recurrenceYears: 4, workingGroupId: groups.get('Wmo'), isPublic: true, remindWeeks: 26 },
    {
      kind: 'verordening',
      title: 'Verordening maatschappelijke ondersteuning',
      expectedOn: inDays(150),
      workingGroupId: groups.get('Wmo'),
      isPublic: true,
      shiftedFrom: inDays(90),
      reason: 'Het college wacht op nieuwe landelijke regels.',
    },
    { kind: 'beleidsregels', title: 'Beleidsregels Jeugdwet', expectedOn: inDays(60), workingGroupId: groups.get('Jeugdwet'), remindWeeks: 10, isPublic: true },
    { kind: 'beleidsregels', title: 'Beleidsregels bijzondere bijstand (Participatiewet)', expectedOn: inDays(300), recurrenceYears: 2, workingGroupId: groups.get('Participatiewet') },
    { kind: 'medezeggenschap', title: 'Regeling medezeggenschap en klachtrecht voor Wmo-aanbieders', expectedOn: inDays(540), workingGroupId: groups.get('Wmo'), isPublic: true },
    { kind: 'inkoop', title: `Inkoop hulp bij het huishouden ${year + 3}`, expectedOn: inDays(800), workingGroupId: groups.get('Wmo'), isPublic: true },
    {
      kind: 'inkoop',
      title: 'Inkoop jeugdhulp regio',
      expectedOn: inDays(25),
      workingGroupId: groups.get('Jeugdwet'),
      status: requested ? 'request_received' : 'expected',
      adviceId: requested?.id ?? null,
    },
    { kind: 'begroting', title: 'Programmabegroting', expectedOn: `${year + 1}-11-10`, recurrenceYears: 1, workingGroupId: groups.get('Overige zaken'), isPublic: true },
  ];
  for (const { shiftedFrom, reason, ...m } of moments) {
    const [row] = await tx
      .insert(policyMoments)
      .values({ councilId: council.id, ...m })
      .returning();
    if (shiftedFrom) await tx.insert(policyMomentShifts).values({ councilId: council.id, momentId: row!.id, fromDate: shiftedFrom, toDate: m.expectedOn, reason: reason ?? '' });
  }
}
