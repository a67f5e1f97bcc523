// The types drizzle reads as text and maps itself (its `rawQueryConfig`): timestamp, timestamptz,
// interval, date, numeric[], timestamp[], timestamptz[], interval[], date[]. Plain JavaScript, so
// the PGlite thread (pglite.worker.mjs) imports it as named.ts does: both must name the same set.
export const TEXT_TYPES = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182];
