import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getAssets } from './assets.ts';

test('app.css holds every NL Design System stylesheet it names, the theme and ours', () => {
  const css = getAssets().get('app.css')!.body.toString();
  // One rule each of Utrecht, the five candidate packages (nl-*), the example theme and raadwerk.css.
  for (const rule of ['.utrecht-button', '.nl-button', '.nl-heading', '.nl-link', '.nl-paragraph', '.nl-skip-link', '.voorbeeld-theme', '.rw-header']) {
    assert.ok(css.includes(rule), `app.css has no ${rule}`);
  }
  assert.doesNotMatch(css, /sourceMappingURL/);
});
