DROP INDEX "document_lexemes_search_idx";--> statement-breakpoint
ALTER TABLE "document_lexemes" ADD COLUMN "pages" "tsvector";--> statement-breakpoint
-- Hand-written (issue 14): the word sets are rebuilt as refreshLexemes (src/modules/documents/
-- documents.search.ts) writes them: `lexemes` the distinct words and the owner's word
-- (' owner <council id>'), `pages` the words with their page numbers as positions (at most 256
-- a word). The index is made after the rows, so it starts without a pending list and with
-- statistics that count its entries.
DELETE FROM "document_lexemes";--> statement-breakpoint
INSERT INTO "document_lexemes" ("council_id", "document_id", "lexemes", "pages")
SELECT w."council_id", w."document_id",
  CASE WHEN sum(w."bytes") < 1000000 THEN array_to_tsvector(array_agg(w."lexeme") || (' owner ' || w."council_id")) END,
  CASE WHEN sum(w."bytes") < 1000000 THEN string_agg(w."entry", ' ')::tsvector END
FROM (SELECT p."council_id", p."document_id", u."lexeme",
    '''' || replace(replace(u."lexeme", '\', '\\'), '''', '''''') || '''' || coalesce(':' || string_agg(p."page"::text, ',' ORDER BY p."page"), '') AS "entry",
    octet_length(u."lexeme") + 4 + 2 * least(count(p."page"), 256) AS "bytes"
  FROM "document_pages" p, unnest(p."tsv") u
  GROUP BY p."council_id", p."document_id", u."lexeme") w
GROUP BY w."council_id", w."document_id";--> statement-breakpoint
CREATE INDEX "document_lexemes_search_idx" ON "document_lexemes" USING gin ("lexemes") WITH (fastupdate=false);
