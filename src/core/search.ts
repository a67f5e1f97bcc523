import { sql, type SQL } from 'drizzle-orm';

/** Markers around the matched words in a passage: control characters no user text contains. */
const HIT_START = '\u0002';
const HIT_END = '\u0003';

/** The Dutch full-text query for what someone typed (quotes, OR and -word work as on the web). */
export function dutchQuery(query: string): SQL {
  return sql`websearch_to_tsquery('dutch', ${query})`;
}

/** True when `text` matches the query, with the same Dutch stemming as the indexes. */
export function matches(text: SQL | unknown, tsq: SQL): SQL {
  return sql`to_tsvector('dutch', ${text}) @@ ${tsq}`;
}

/** A short passage of `text` with the matched words between HIT_START and HIT_END. */
export function headline(text: SQL | unknown, tsq: SQL, opts: { maxWords?: number } = {}): SQL<string> {
  const options = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=${opts.maxWords ?? 35}, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  return sql<string>`ts_headline('dutch', ${text}, ${tsq}, ${options})`;
}

/** A passage split into plain and highlighted parts; rendered as text, never as HTML. */
export function passageParts(passage: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const chunk of passage.split(HIT_START)) {
    const end = chunk.indexOf(HIT_END);
    if (end === -1) {
      if (chunk) parts.push({ text: chunk, hit: false });
      continue;
    }
    parts.push({ text: chunk.slice(0, end), hit: true });
    if (end + 1 < chunk.length) parts.push({ text: chunk.slice(end + 1), hit: false });
  }
  return parts;
}
