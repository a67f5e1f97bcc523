/** After saving the settings, the board sees the B1 check of the texts residents read on the public site (issue 11, point 3). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, makeCouncil, makeMember, updateCouncil, withApp } from '../../../test/support/factories.ts';

test('the saved public texts get the plain-language advice; it never blocks', async () => {
  await withApp(async (t) => {
    const A = await makeCouncil(t);
    const secretary = await login(t, (await makeMember(t, A, 'secretary')).user);
    const about =
      'De adviesraad geeft het college gevraagd en ongevraagd advies over de uitvoering van de beschikking inzake maatschappelijke ondersteuning en aanverwante voorzieningen in de gemeente.';
    await updateCouncil(t, A.id, { about });
    const saved = await secretary.request({ url: `/${A.slug}/werkruimte/instellingen?opgeslagen=ja` });
    assert.equal(saved.statusCode, 200);
    assert.ok(saved.body.includes('Hoe makkelijk is de tekst?'), 'the check after saving');
    assert.ok(saved.body.includes('‘beschikking’: schrijf liever ‘besluit’'), 'with the hard word and its plain alternative');
    assert.ok(!(await secretary.request({ url: `/${A.slug}/werkruimte/instellingen` })).body.includes('Hoe makkelijk is de tekst?'), 'only right after saving');
  });
});
