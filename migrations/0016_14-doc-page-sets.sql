-- Hand-written (issue 14): the word sets of the documents now hold, per word, the numbers of the
-- pages it is on (as positions, at most 256 a word) and a word for the owner (' owner <council id>'),
-- as refreshLexemes (src/modules/documents/documents.search.ts) writes them. Rebuilt from the pages.
DELETE FROM "document_lexemes";
--> statement-breakpoint
INSERT INTO "document_lexemes" ("council_id", "document_id", "lexemes")
SELECT w."council_id", w."document_id", CASE WHEN sum(w."bytes") < 1000000
  THEN (string_agg(w."entry", ' ') || ' '' owner ' || w."council_id" || '''')::tsvector END
FROM (SELECT p."council_id", p."document_id",
    '''' || replace(replace(u."lexeme", '\', '\\'), '''', '''''') || '''' || coalesce(':' || string_agg(p."page"::text, ',' ORDER BY p."page"), '') AS "entry",
    octet_length(u."lexeme") + 4 + 2 * least(count(p."page"), 256) AS "bytes"
  FROM "document_pages" p, unnest(p."tsv") u
  GROUP BY p."council_id", p."document_id", u."lexeme") w
GROUP BY w."council_id", w."document_id";
