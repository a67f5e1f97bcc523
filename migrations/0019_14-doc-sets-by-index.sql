-- Hand-written (issue 14, session 8). The documents search's first pass (documents.search.ts)
-- asks which word sets (document_lexemes) hold the query's words and an owner's word. The sets are
-- stored apart from their rows (TOAST), which the planner's costs leave out: for a word on most
-- documents of one organisation it read and matched every set (11-15 ms for 1,000 sets) instead
-- of taking the ids from the GIN index (0.5-1 ms). This function plans its one statement with
-- sequential scans off, without the transaction and SET statements that would cost round trips
-- (decision 0031).
CREATE FUNCTION document_sets_matching(q tsquery) RETURNS SETOF uuid
  LANGUAGE sql STABLE
  SET enable_seqscan = off
  AS $$ SELECT document_id FROM document_lexemes WHERE lexemes @@ q $$;
