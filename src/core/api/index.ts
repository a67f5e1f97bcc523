/** The JSON API layer (docs/decisions/0014-api-layer.md): what a module's API routes use. */
export { API_PREFIX } from './version.ts';
export { exampleLink, idParam, jsonSchema, problemResponse, ref } from './openapi.ts';
export { exampleLinks, invalidInput, keyOperation, listSchema, publicRead, selfAndHtml } from './openapi-builders.ts';
export { linksFor, listAnswer, selfLinks } from './answers.ts';
export { readLimit, writeLimit } from './register.ts';
export { validationProblem } from './problem.ts';
export { apiCaller } from './keys.ts';
