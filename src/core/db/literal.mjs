// A statement parameter as an SQL literal, for EXECUTE of a prepared statement. Plain JavaScript,
// so the PGlite thread (pglite.worker.mjs) imports it as named.ts does.

/**
 * A parameter as an SQL literal of unknown type, which EXECUTE converts to the parameter's type
 * as the extended protocol converts its text. Quotes doubled, and a text with a backslash as an
 * escape string. Other values (objects, arrays, dates, bytes, a text with NUL): undefined.
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function sqlLiteral(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    if (value.includes('\0')) return undefined;
    const quoted = `'${value.replaceAll("'", "''")}'`;
    // E'' reads a backslash the same whatever standard_conforming_strings says (a server may turn it off).
    return value.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `'${value}'` : undefined;
  if (typeof value === 'bigint' || typeof value === 'boolean') return `'${value}'`;
  return undefined;
}
