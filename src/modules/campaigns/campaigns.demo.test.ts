/** The demo campaign is what issue 12 asks for, and its pages answer (public, organiser, juror with a conflict). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { useTestApp, loginByEmail } from '../../../test/support/factories.ts';
import { councils } from '../../core/organisations.schema.ts';
import { campaignDeclarations, campaignJurors, campaignNominations, campaigns } from './campaigns.schema.ts';
import { coverage } from './campaigns.service.ts';
import { juryOverview } from './campaigns.jury.ts';

const t = useTestApp({ demo: true });

test('the demo campaign: three organisers, 25 nominations in 12 provinces, a jury of 4 with one conflict, one flagged spread, all provinces but one covered', async () => {
  const [kennispunt] = await t.db.select().from(councils).where(eq(councils.slug, 'kennispunt'));
  const [campaign] = await t.db.select().from(campaigns).where(eq(campaigns.councilId, kennispunt!.id));
  assert.ok(campaign);
  assert.equal(campaign.partnerIds.length, 2);
  const noms = await t.db.select().from(campaignNominations).where(eq(campaignNominations.campaignId, campaign.id));
  assert.equal(noms.length, 25);
  assert.ok(noms.filter((n) => n.coNominationOf).length >= 2, 'some co-nominated');
  assert.ok(new Set(noms.map((n) => n.province)).size >= 10);
  assert.equal((await t.db.select().from(campaignJurors).where(eq(campaignJurors.campaignId, campaign.id))).length, 4);
  const conflicts = (await t.db.select().from(campaignDeclarations).where(eq(campaignDeclarations.councilId, kennispunt!.id))).filter((d) => d.conflict);
  assert.equal(conflicts.length, 1);
  const provinces = await coverage(t.db, campaign.id);
  assert.deepEqual(
    provinces.filter((p) => p.warning).map((p) => p.name),
    ['Zeeland'],
  );

  const chair = await loginByEmail(t, 'directeur@kennispunt-inspraak.example');
  const overview = await juryOverview(t.db, campaign, { userId: chair.user.id, isPlatformAdmin: false, role: 'chair', membershipId: null });
  assert.equal(overview.rows.filter((r) => r.figures?.discuss).length, 1, 'one flagged spread');

  for (const url of ['/kennispunt/campagnes', `/kennispunt/campagnes/${campaign.id}`, `/api/v1/raden/kennispunt/campagnes/${campaign.id}`]) {
    assert.equal((await t.app.inject({ url })).statusCode, 200, url);
  }
  // Kick-off and closing are meetings of the Kennispunt, with their own pages and in its calendar feed.
  const page = await t.app.inject({ url: `/kennispunt/campagnes/${campaign.id}` });
  for (const id of [campaign.kickoffMeetingId, campaign.closingMeetingId]) {
    assert.ok(id && page.body.includes(`href="/kennispunt/vergaderingen/${id}"`));
    assert.equal((await t.app.inject({ url: `/kennispunt/vergaderingen/${id}` })).statusCode, 200);
  }
  assert.match((await t.app.inject({ url: '/kennispunt/agenda.ics' })).body, /SUMMARY:Slotbijeenkomst Koplopers/);
  // Nominators' details are sealed at rest.
  assert.ok(noms.every((n) => n.nominatorSealed && !n.nominatorSealed.includes('@voorbeeld.example')));
  const ws = await chair.request({ url: `/kennispunt/werkruimte/campagnes/${campaign.id}` });
  assert.equal(ws.statusCode, 200);
  assert.match(ws.body, /Nog geen koploper in Zeeland/);
  assert.match(ws.body, /Bespreken: spreiding 2 of meer/);
  // The juror with the conflict does not find Amsterdam's nomination.
  const sevda = await loginByEmail(t, 'sevda.aydin@kennispunt-inspraak.example');
  const amsterdam = noms.find((n) => n.municipalityCode === 'GM0363' && !n.coNominationOf)!;
  assert.equal((await sevda.request({ url: `/kennispunt/werkruimte/campagnes/${campaign.id}/nominaties/${amsterdam.id}` })).statusCode, 404);
  const rotterdam = noms.find((n) => n.municipalityCode === 'GM0599')!;
  assert.equal((await sevda.request({ url: `/kennispunt/werkruimte/campagnes/${campaign.id}/nominaties/${rotterdam.id}` })).statusCode, 200);
});
