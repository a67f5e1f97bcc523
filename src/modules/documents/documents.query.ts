/**
 * The pages of one document that can hold a search query, worked out from the document's word set
 * (document_lexemes.pages: every word with the numbers of the pages it is on) instead of reading each
 * page's index entry. A query as PostgreSQL prints a tsquery ('eig' <-> 'bijdrag' | 'zorg' & !'wijk')
 * is parsed once and evaluated on page numbers: exact for words, AND, OR and NOT; a phrase gives
 * the pages holding all its words, which the pages themselves must then confirm (`verify`).
 */

export type QueryNode = { kind: 'word'; lexeme: string } | { kind: 'not'; arg: QueryNode } | { kind: 'and' | 'or' | 'phrase'; left: QueryNode; right: QueryNode };

/** Page numbers that may match; `verify`: they are a superset, each must be checked on the page. null: any page (check them all). */
export type Candidates = { pages: number[] | null; verify: boolean };

/** A lexeme on more pages than this has only its first pages listed (a tsvector keeps 256 positions). */
const MAX_POSITIONS = 256;

/** Parses tsquery text; null when it holds something this parser does not know (then every page is checked). */
export function parseQuery(text: string): QueryNode | null {
  const tokens = text.match(/'(?:[^']|'')*'(?::[*A-D]+)?|<->|<\d+>|[&|!()]/g);
  if (!tokens || tokens.join('').length !== text.replace(/\s+/g, '').length) return null;
  let i = 0;
  // Lowest binding first: | then & then <-> then !.
  const binary = (ops: string[], kind: 'or' | 'and' | 'phrase', next: () => QueryNode | null) => (): QueryNode | null => {
    let left = next();
    while (left && i < tokens.length && ops.some((op) => (op === '<N>' ? /^<\d+>$/.test(tokens[i]!) : tokens[i] === op))) {
      i++;
      const right = next();
      left = right ? { kind, left, right } : null;
    }
    return left;
  };
  const unary = (): QueryNode | null => {
    const t = tokens[i++];
    if (t === '!') {
      const arg = unary();
      return arg && { kind: 'not', arg };
    }
    if (t === '(') {
      const inner = or();
      return tokens[i++] === ')' ? inner : null;
    }
    // A prefix (:*) or weight is not something websearch_to_tsquery writes: no page sets for it.
    if (t?.startsWith("'") && t.endsWith("'")) return { kind: 'word', lexeme: t.slice(1, -1).replaceAll("''", "'").replaceAll('\\\\', '\\') };
    return null;
  };
  const phrase = binary(['<->', '<N>'], 'phrase', unary);
  const and = binary(['&'], 'and', phrase);
  const or = binary(['|'], 'or', and);
  const tree = or();
  return tree && i === tokens.length ? tree : null;
}

/** Every word of the query, those to leave out too: their page lists are read. */
export function queryLexemes(node: QueryNode | null): string[] {
  return node ? [...new Set(allLexemes(node))] : [];
}

/** A set of pages, or everything but those pages (`not`); `over`: may hold more than the matches. */
type PageSet = { pages: Set<number>; not: boolean; over: boolean };

/**
 * Candidate pages of one document. `positions`: the page numbers per lexeme from its word set
 * (a lexeme not there is on no page; null = the document has no page numbers). A lexeme with a
 * full list (256) may be on more pages: then every page is checked.
 */
export function candidatePages(node: QueryNode | null, positions: Map<string, number[] | null>): Candidates {
  const unknown = { pages: null, verify: true };
  if (!node) return unknown;
  const lists = allLexemes(node).map((l) => positions.get(l));
  if (lists.some((p) => p === null)) return unknown;
  const r = evaluate(node, positions);
  if (!r || r.not) return unknown;
  // A full list is the first 256 pages: the pages found still match, but without a word left out
  // only (that one's list may miss pages); none found proves nothing.
  if (lists.some((p) => p && p.length >= MAX_POSITIONS) && (!r.pages.size || hasNot(node))) return unknown;
  return { pages: [...r.pages].sort((a, b) => a - b), verify: r.over };
}

function hasNot(node: QueryNode): boolean {
  if (node.kind === 'word') return false;
  if (node.kind === 'not') return true;
  return hasNot(node.left) || hasNot(node.right);
}

function allLexemes(node: QueryNode): string[] {
  if (node.kind === 'word') return [node.lexeme];
  if (node.kind === 'not') return allLexemes(node.arg);
  return [...allLexemes(node.left), ...allLexemes(node.right)];
}

function evaluate(node: QueryNode, positions: Map<string, number[] | null>): PageSet | null {
  if (node.kind === 'word') return { pages: new Set(positions.get(node.lexeme) ?? []), not: false, over: false };
  if (node.kind === 'not') {
    const a = evaluate(node.arg, positions);
    // Leaving out a superset would leave out pages that match: unknown.
    return a && !a.over ? { ...a, not: !a.not } : null;
  }
  const a = evaluate(node.left, positions);
  const b = evaluate(node.right, positions);
  if (!a || !b) return null;
  const over = a.over || b.over || node.kind === 'phrase';
  if (node.kind === 'or') {
    // A or B = not (not A and not B).
    const both = intersect({ ...a, not: !a.not }, { ...b, not: !b.not });
    return { ...both, not: !both.not, over };
  }
  return { ...intersect(a, b), over };
}

function intersect(a: PageSet, b: PageSet): PageSet {
  const has = (s: PageSet, p: number) => s.pages.has(p) !== s.not;
  if (a.not && b.not) return { pages: new Set([...a.pages, ...b.pages]), not: true, over: false };
  const [pos, other] = a.not ? [b, a] : [a, b];
  return { pages: new Set([...pos.pages].filter((p) => has(other, p))), not: false, over: false };
}

/** Words joined by OR only: a document whose word set matches has a page that matches. */
export function wholeDocumentMatch(node: QueryNode | null): boolean {
  if (!node) return false;
  if (node.kind === 'word') return true;
  return node.kind === 'or' && wholeDocumentMatch(node.left) && wholeDocumentMatch(node.right);
}
