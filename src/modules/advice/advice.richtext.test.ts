/**
 * Rich text where people expect it (issue 9, part 14): an advice's introduction and explanation
 * are Markdown with lists and links, rendered safely on the workspace and public pages; the
 * letter carries the words without the Markdown signs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, login, makeCouncil, makeMember, withApp } from '../../../test/support/factories.ts';
import { seedAdvice } from './advice.register.test-helpers.ts';
import { letterModel } from './advice.letter.ts';
import { translator } from '../../core/i18n/index.ts';
import '../../modules.ts';

const explanation = [
  '# Wat we zagen',
  '',
  'Inwoners wachten **te lang**:',
  '',
  '- op een gesprek',
  '- op een besluit',
  '',
  '[Lees het rapport](https://gemeente.example/rapport)',
  '',
  '<script>alert(1)</script>',
  '',
  '[klik](javascript:alert(1))',
].join('\n');

test('an advice text in Markdown shows as lists, bold and links, never as markup the writer typed', async () => {
  await withApp(async (t) => {
    const A = await makeCouncil(t);
    const member = await login(t, (await makeMember(t, A, 'member')).user);
    const advice = await seedAdvice(t, A, { explanation, introduction: 'Geachte college,' });
    for (const body of [(await get(t, `/${A.slug}/adviezen/${advice.id}`)).body, (await member.request({ url: `/${A.slug}/werkruimte/adviezen/${advice.id}?stap=concept` })).body]) {
      assert.ok(body.includes('<li>op een gesprek</li>'), 'a list');
      assert.ok(body.includes('<strong>te lang</strong>'), 'bold');
      assert.ok(body.includes('<a href="https://gemeente.example/rapport" rel="nofollow noopener" class="utrecht-link">Lees het rapport</a>'), 'a link');
      assert.ok(/<h[34]>Wat we zagen<\/h[34]>/.test(body), 'a heading in the text sits below the section heading');
      assert.ok(!body.includes('<script>alert(1)</script>'), 'typed HTML is shown as text');
      assert.ok(!/href="javascript:/i.test(body), 'no javascript: link');
    }
  });
});

test('the letter takes the words of the Markdown, not its signs', async () => {
  await withApp(async (t) => {
    const A = await makeCouncil(t);
    const advice = await seedAdvice(t, A, { explanation });
    const model = letterModel({ council: A, advice, recommendations: [], signatories: { chair: null, secretary: null }, t: translator('nl'), locale: 'nl' });
    const text = model.explanation.join('\n');
    assert.match(text, /Inwoners wachten te lang:/);
    assert.match(text, /Lees het rapport/);
    assert.ok(!text.includes('**') && !text.includes('](') && !text.includes('# '), text);
  });
});

test('the writers of a concept see the plain-language (B1) check of their texts; it never blocks', async () => {
  await withApp(async (t) => {
    const A = await makeCouncil(t);
    const secretary = await login(t, (await makeMember(t, A, 'secretary')).user);
    const member = await login(t, (await makeMember(t, A, 'member')).user);
    const long = 'De adviesraad heeft naar aanleiding van de door het college aan de raad voorgelegde beschikking over de verstrekking van maatwerkvoorzieningen een zorgvuldig advies opgesteld.';
    const advice = await seedAdvice(t, A, { status: 'concept', sentAt: null, explanation: long });
    const page = async (who: typeof member) => (await who.request({ url: `/${A.slug}/werkruimte/adviezen/${advice.id}?stap=concept` })).body;
    const forSecretary = await page(secretary);
    assert.ok(forSecretary.includes('Hoe makkelijk is de tekst?'), 'the check shows for the board, who may change the texts');
    assert.ok(forSecretary.includes('meer dan 20 woorden'), 'and names the long sentence');
    assert.ok(!(await page(member)).includes('Hoe makkelijk is de tekst?'), 'not for a member, who only reads');
  });
});
