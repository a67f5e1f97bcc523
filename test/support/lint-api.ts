/**
 * `npm run lint:api`: the NL GOV API Design Rules linter (Spectral, with the ruleset in
 * .spectral.yml) on the OpenAPI document the app serves at /api/v1/openapi.json, assembled by
 * the same code from the installed modules. Fails on any error; warnings are printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import '../../src/modules.ts';
import { openApiDocument } from '../../src/core/api/openapi.ts';

// An installation as in production: served over https, with its operator's address.
const doc = openApiDocument({ baseUrl: 'https://raadwerk.example', securityContact: 'mailto:beheer@raadwerk.example', mailFrom: 'Raadwerk <noreply@raadwerk.example>' });
const dir = mkdtempSync(path.join(tmpdir(), 'raadwerk-openapi-'));
const file = path.join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(doc, null, 2));
const root = path.resolve(import.meta.dirname, '../..');
const result = spawnSync(path.join(root, 'node_modules/.bin/spectral'), ['lint', '--ruleset', path.join(root, '.spectral.yml'), '--fail-severity=error', file], {
  stdio: 'inherit',
  env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' },
});
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
