CREATE TABLE "document_lexemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"lexemes" "tsvector"
);
--> statement-breakpoint
ALTER TABLE "document_lexemes" ADD CONSTRAINT "document_lexemes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_lexemes" ADD CONSTRAINT "document_lexemes_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_lexemes_document_unique" ON "document_lexemes" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_lexemes_search_idx" ON "document_lexemes" USING gin ("lexemes");--> statement-breakpoint
CREATE INDEX "document_lexemes_oversized_idx" ON "document_lexemes" USING btree ("document_id") WHERE "document_lexemes"."lexemes" is null;--> statement-breakpoint
CREATE INDEX "document_pages_document_idx" ON "document_pages" USING btree ("document_id","page");--> statement-breakpoint
-- Backfill: the distinct words of every document with extracted pages, as refreshLexemes
-- (documents.search.ts) writes them; null when they would not fit in a tsvector (1 MB).
INSERT INTO "document_lexemes" ("council_id", "document_id", "lexemes")
SELECT w."council_id", w."document_id", CASE WHEN sum(octet_length(w."lexeme")) < 1000000 THEN array_to_tsvector(array_agg(w."lexeme")) END
FROM (SELECT DISTINCT p."council_id", p."document_id", u."lexeme" FROM "document_pages" p, unnest(p."tsv") u) w
GROUP BY w."council_id", w."document_id";
