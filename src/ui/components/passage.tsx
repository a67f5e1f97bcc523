import { passageParts } from '../../core/search.ts';

/** A search passage with the matched words in <mark>; the text is escaped, never taken as HTML. */
export function Passage({ text }: { text: string }) {
  return <>{passageParts(text).map((p) => (p.hit ? <mark>{p.text}</mark> : p.text))}</>;
}
