-- Hand-written (issue 14, session 9). A page's word index (document_pages.tsv, about 1.8 kB for a
-- page of 300 words; it does not compress) was stored apart from its row (TOAST): the row with the
-- text (compressed to 1.1 kB) is over the 2 kB threshold, and the toaster moves the largest value
-- out. Confirming a phrase reads the words of ~2,700 candidate pages, and fetching each from TOAST
-- was half of that statement's time (18,133 -> 10,227 buffers for 117 documents; decision 0031).
-- MAIN keeps the words in the row; the page's text (read only for the passages shown) moves out
-- instead. Applies to pages written from now on: rewriting every page would recompute every
-- page's words (a minute per 100,000 pages), so existing pages keep theirs until re-extracted.
ALTER TABLE "document_pages" ALTER COLUMN "tsv" SET STORAGE MAIN;
