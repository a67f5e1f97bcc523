/**
 * Writes the OpenAPI document the app serves at /api/v1/openapi.json, assembled by the same code
 * from the installed modules, to the file named as the argument. `npm run lint:api` then lints
 * it with the NL GOV API Design Rules ruleset (.spectral.yml, docs/decisions/0014-api-layer.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import '../../src/modules.ts';
import { openApiDocument } from '../../src/core/api/openapi.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: write-openapi.ts FILE');
// An installation as in production: served over https, with its operator's address.
const doc = openApiDocument({
  baseUrl: 'https://raadwerk.example',
  securityContact: 'mailto:beheer@raadwerk.example',
  mailFrom: 'Raadwerk <noreply@raadwerk.example>',
});
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
