import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contrastWithWhite, darken } from './councils.rules.ts';
import { RESERVED_SLUGS, SLUG_PATTERN } from '../../core/roles.ts';

test('white text contrast: dark blue passes AA, yellow fails', () => {
  assert.ok(contrastWithWhite('#1f5c99') >= 4.5);
  assert.ok(contrastWithWhite('#ffdd00') < 4.5);
  assert.equal(Math.round(contrastWithWhite('#000000')), 21);
});

test('darken makes each channel smaller', () => {
  assert.equal(darken('#808080', 0.5), '#404040');
});

test('slugs: lower-case words with hyphens; reserved names are listed', () => {
  assert.ok(SLUG_PATTERN.test('lindewijk'));
  assert.ok(SLUG_PATTERN.test('zorggroep-de-horizon'));
  assert.ok(!SLUG_PATTERN.test('Lindewijk'));
  assert.ok(!SLUG_PATTERN.test('-x'));
  assert.ok(!SLUG_PATTERN.test('a'));
  assert.ok(RESERVED_SLUGS.has('beheer'));
});
