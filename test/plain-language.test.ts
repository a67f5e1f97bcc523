/**
 * The platform's own fixed texts pass the plain-language (B1) check that writers get as advice
 * (issue 11 point 3): every Dutch text of every message catalogue (the fixed sentences of the
 * advice letter and the follow-up letter, the news templates, the mails and notices, the public
 * pages) and the policy calendar's draft letter. A sentence of more than 20 words or a word from
 * the list of hard words fails here, so it is fixed before it reaches a resident or a municipality.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkPlainLanguage } from '../src/ui/plain-language.ts';
import { draftLetter } from '../src/modules/policycalendar/policycalendar.rules.ts';

const src = path.resolve(import.meta.dirname, '../src');

/** Every catalogue text in Dutch, by key; a new module's catalogue is found by its name. */
function fixedTexts(): [string, string][] {
  const files = (fs.readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.messages.json'));
  const texts = files.flatMap((f) => Object.entries(JSON.parse(fs.readFileSync(path.join(src, f), 'utf8')) as Record<string, { nl: string }>).map(([key, m]): [string, string] => [key, m.nl]));
  texts.push(['policycalendar draftLetter()', draftLetter({ council: 'Adviesraad Lindewijk', moment: 'Wmo-beleidsplan', date: '1 juni 2027', group: 'Wmo' })]);
  return texts;
}

/** What the check finds in one text; each placeholder counts as one word, as a name or a date mostly is. */
function problemsOf(text: string): string[] {
  const report = checkPlainLanguage(text.replace(/\{\w+\}/g, 'Lindewijk'));
  return [...report.longSentences.map((s) => `more than 20 words: "${s}"`), ...report.hardWords.map((h) => `hard word "${h.word}" (write "${h.alternative}")`)];
}

test('the check used here flags a long sentence and a listed hard word', () => {
  assert.equal(problemsOf('Wij vragen u om het advies dat wij u in de afgelopen maand stuurden zo snel als het kan te lezen en ons te antwoorden.').length, 1);
  assert.deepEqual(problemsOf('Indien u vragen heeft, belt u ons.'), ['hard word "indien" (write "als")']);
});

test("the platform's fixed texts are plain Dutch (B1): the letters, news templates, mails and pages", () => {
  const texts = fixedTexts();
  const keys = new Set(texts.map(([key]) => key));
  // The texts the issue names are among them.
  for (const key of ['advice.letter.answerRequest', 'advice.followUpLetter.p2', 'campaigns.public.newsClosing', 'knowledge.forward.mailBody']) assert.ok(keys.has(key), `${key} not found`);
  const problems = texts.flatMap(([key, text]) => problemsOf(text).map((p) => `${key}: ${p}`));
  assert.deepEqual(problems, []);
});
