import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPlainLanguage, isPassive, sentencesOf, syllables } from './plain-language.ts';

test('Dutch syllables: vowel groups count once, a diaeresis starts a new one', () => {
  assert.equal(syllables('huis'), 1);
  assert.equal(syllables('keukentafel'), 4);
  assert.equal(syllables('ondersteuning'), 4);
  assert.equal(syllables('beïnvloeden'), 4);
  assert.equal(syllables('cliënt'), 2);
  assert.equal(syllables('2026'), 1);
});

test('sentences end at . ! ? and line breaks, not after abbreviations', () => {
  assert.deepEqual(sentencesOf('U krijgt hulp, bijv. een taxi. Dat is fijn!\n- Een lijst'), ['U krijgt hulp, bijv. een taxi.', 'Dat is fijn!', '- Een lijst']);
});

test('a short, active B1 text scores as easy and has no remarks', () => {
  const r = checkPlainLanguage('U woont thuis. U wilt hulp. Dan belt u de gemeente. Zij komt bij u langs. Samen kijkt u wat u nodig hebt.');
  assert.equal(r.level, 'easy');
  assert.ok(r.score! >= 60, `score ${r.score}`);
  assert.deepEqual(r.longSentences, []);
  assert.deepEqual(r.passive, []);
  assert.deepEqual(r.hardWords, []);
});

test('official language scores as hard: long sentences, passive voice, hard words with plain alternatives', () => {
  const text =
    'Indien de aanvrager woonachtig is in de gemeente, wordt de beschikking inzake de maatwerkvoorziening teneinde de zelfredzaamheid te bevorderen ten behoeve van de aanvrager middels een schriftelijke kennisgeving verstrekt. Het bezwaar werd afgewezen.';
  const r = checkPlainLanguage(text);
  assert.equal(r.level, 'hard');
  assert.equal(r.longSentences.length, 1);
  assert.equal(r.passive.length, 2);
  const words = Object.fromEntries(r.hardWords.map((h) => [h.word, h.alternative]));
  assert.equal(words.beschikking, 'besluit');
  assert.equal(words.indien, 'als');
  assert.equal(words['ten behoeve van'], 'voor');
  assert.equal(words.middels, 'met');
});

test('passive voice needs a form of worden and a participle', () => {
  assert.equal(isPassive('De aanvraag wordt behandeld door de gemeente.'), true);
  assert.equal(isPassive('De gemeente behandelt de aanvraag.'), false);
  assert.equal(isPassive('Het wordt lente.'), false);
});

test('an empty text gives no score', () => {
  assert.deepEqual(checkPlainLanguage('  \n '), { score: null, level: 'empty', words: 0, sentences: 0, longSentences: [], passive: [], hardWords: [] });
});
