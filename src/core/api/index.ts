/** The JSON API layer (docs/decisions/0014-api-layer.md): what a module's API routes use. */
export { API_PREFIX } from './version.ts';
export { exampleLink, idParam, json, jsonSchema, problemResponse, raadParam, ref, standardProblems } from './openapi.ts';
export { readLimit, writeLimit } from './register.ts';
export { validationProblem } from './problem.ts';
export { apiCaller } from './keys.ts';
