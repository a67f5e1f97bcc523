import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { makeCouncil, withApp, titleOf } from '../../../test/support/factories.ts';
import { person } from '../advice/advice.test-helpers.ts';
import { signalThemes, signals } from './signals.schema.ts';
import { makeSignal } from './signals.test-helpers.ts';

test('from a theme of any size, the board starts an unsolicited advice that carries its name, policy field and signals', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    const secretary = await person(t, c, 'secretary');
    const member = await person(t, c, 'member');
    const [theme] = await t.db.insert(signalThemes).values({ councilId: c.id, name: 'Regiotaxi' }).returning();
    const one = await makeSignal(t, c, 'in_triage', 'De taxi kwam te laat.');
    const two = await makeSignal(t, c, 'in_triage', 'Weer te laat.');
    const dup = await makeSignal(t, c, 'duplicate', 'Dubbel.');
    for (const [s, field] of [
      [one, 'wmo'],
      [two, 'wmo'],
      [dup, 'jeugdwet'],
    ] as const)
      await t.db.update(signals).set({ themeId: theme!.id, policyField: field }).where(eq(signals.id, s.id));
    const page = await secretary.request({ url: `/${c.slug}/werkruimte/signalen/themas` });
    assert.match(page.body, /Start een ongevraagd advies over dit thema/, 'offered below the threshold too');
    const res = await secretary.request({ url: `/${c.slug}/werkruimte/signalen/themas/${theme!.id}/advies`, form: {} });
    assert.equal(res.statusCode, 303);
    const adviceUrl = String(res.headers.location);
    assert.match(adviceUrl, new RegExp(`^/${c.slug}/werkruimte/adviezen/[0-9a-f-]{36}$`));
    const adviceId = adviceUrl.split('/').pop()!;
    const linked = await t.db.select({ id: signals.id }).from(signals).where(eq(signals.adviceId, adviceId));
    assert.deepEqual(linked.map((r) => r.id).sort(), [one.id, two.id].sort(), 'the duplicate is left out');
    const advice = await secretary.request({ url: adviceUrl });
    assert.match(advice.body, /Ongevraagd advies over Regiotaxi/);
    // A member may see themes but not link signals: no button, and the POST is refused.
    assert.doesNotMatch((await member.request({ url: `/${c.slug}/werkruimte/signalen/themas` })).body, /over dit thema<\/button>/);
    assert.equal((await member.request({ url: `/${c.slug}/werkruimte/signalen/themas/${theme!.id}/advies`, form: {} })).statusCode, 403);
    // Another council's theme, or a malformed id: 404, nothing made.
    assert.equal((await secretary.request({ url: `/${c.slug}/werkruimte/signalen/themas/not-a-uuid/advies`, form: {} })).statusCode, 404);
  }));

test('a new theme name typed without choosing "Nieuw thema" makes that theme; beside a chosen theme it is an error', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    const secretary = await person(t, c, 'secretary');
    const s = await makeSignal(t, c, 'in_triage', 'Iets over schulden.');
    const url = `/${c.slug}/werkruimte/signalen/${s.id}/thema`;
    const made = await secretary.request({ url, form: { themeId: '', newTheme: 'Schulden', policyField: '' } });
    assert.equal(made.statusCode, 303);
    const [row] = await t.db.select({ themeId: signals.themeId }).from(signals).where(eq(signals.id, s.id));
    const [theme] = await t.db.select().from(signalThemes).where(eq(signalThemes.id, row!.themeId!));
    assert.equal(theme?.name, 'Schulden');
    const both = await secretary.request({ url, form: { themeId: theme!.id, newTheme: 'Nog een', policyField: '' } });
    assert.equal(both.statusCode, 400);
    assert.match(titleOf(both.body), /^Fout:/);
    assert.match(both.body, /U koos een thema én typte een nieuwe naam/);
  }));
