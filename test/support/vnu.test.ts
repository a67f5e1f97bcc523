import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHtml } from './vnu.ts';

const valid = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Adviesraad</title></head>' + '<body><main><h1>Welkom</h1><p>Hallo.</p></main></body></html>';
const broken = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Fout</title></head>' + '<body><main><p>Hallo</span><img src="logo.png"></main></body></html>';

test('the Nu checker passes a valid Dutch page and reports errors in a broken one', async () => {
  const errors = await checkHtml([
    { name: 'valid', html: valid },
    { name: 'broken', html: broken },
  ]);
  assert.deepEqual(
    errors.filter((e) => e.name === 'valid'),
    [],
  );
  const brokenErrors = errors.filter((e) => e.name === 'broken');
  assert.ok(
    brokenErrors.some((e) => /span/.test(e.message)),
    JSON.stringify(brokenErrors),
  );
  assert.ok(
    brokenErrors.some((e) => /alt/.test(e.message)),
    JSON.stringify(brokenErrors),
  );
  assert.equal(brokenErrors[0]?.line, 1);
});
