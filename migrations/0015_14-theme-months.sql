CREATE TABLE "signal_theme_months" (
	"council_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"source" text NOT NULL,
	"month" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "signal_theme_months_council_id_theme_id_month_source_pk" PRIMARY KEY("council_id","theme_id","month","source")
);
--> statement-breakpoint
-- The rollup's trigger function (0013) now keeps the months beside the days: the per-day change
-- of a statement is computed once (moved) and applied to both. A row reaching zero goes, in
-- both tables. Rows are upserted in key order, so two bulk writes lock them in the same order.
CREATE OR REPLACE FUNCTION signal_theme_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH moved AS (
      SELECT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date AS day, count(*)::int AS n
      FROM new_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate'
      GROUP BY 1, 2, 3, 4
    ), days AS (
      INSERT INTO signal_theme_days AS d (council_id, theme_id, source, day, n)
      SELECT council_id, theme_id, source, day, n FROM moved ORDER BY 1, 2, 4, 3
      ON CONFLICT (council_id, theme_id, day, source) DO UPDATE SET n = d.n + excluded.n
    )
    INSERT INTO signal_theme_months AS m (council_id, theme_id, source, month, n)
    SELECT council_id, theme_id, source, date_trunc('month', day)::date, sum(n)::int FROM moved
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4, 3
    ON CONFLICT (council_id, theme_id, month, source) DO UPDATE SET n = m.n + excluded.n;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    WITH moved AS (
      SELECT council_id, theme_id, source, day, sum(delta)::int AS n FROM (
        SELECT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date AS day, 1 AS delta
        FROM new_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate'
        UNION ALL
        SELECT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date, -1
        FROM old_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate'
      ) x
      GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ), days AS (
      INSERT INTO signal_theme_days AS d (council_id, theme_id, source, day, n)
      SELECT council_id, theme_id, source, day, n FROM moved ORDER BY 1, 2, 4, 3
      ON CONFLICT (council_id, theme_id, day, source) DO UPDATE SET n = d.n + excluded.n
    )
    INSERT INTO signal_theme_months AS m (council_id, theme_id, source, month, n)
    SELECT council_id, theme_id, source, date_trunc('month', day)::date, sum(n)::int FROM moved
    GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 4, 3
    ON CONFLICT (council_id, theme_id, month, source) DO UPDATE SET n = m.n + excluded.n;
  ELSE
    WITH moved AS (
      SELECT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date AS day, -count(*)::int AS n
      FROM old_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate'
      GROUP BY 1, 2, 3, 4
    ), days AS (
      INSERT INTO signal_theme_days AS d (council_id, theme_id, source, day, n)
      SELECT council_id, theme_id, source, day, n FROM moved ORDER BY 1, 2, 4, 3
      ON CONFLICT (council_id, theme_id, day, source) DO UPDATE SET n = d.n + excluded.n
    )
    INSERT INTO signal_theme_months AS m (council_id, theme_id, source, month, n)
    SELECT council_id, theme_id, source, date_trunc('month', day)::date, sum(n)::int FROM moved
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4, 3
    ON CONFLICT (council_id, theme_id, month, source) DO UPDATE SET n = m.n + excluded.n;
  END IF;
  WITH k AS (
    SELECT DISTINCT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date AS day
    FROM old_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate'
  ), gone_days AS (
    DELETE FROM signal_theme_days d USING k
    WHERE d.n <= 0 AND d.council_id = k.council_id AND d.theme_id = k.theme_id AND d.day = k.day AND d.source = k.source
  )
  DELETE FROM signal_theme_months m USING (SELECT DISTINCT council_id, theme_id, source, date_trunc('month', day)::date AS month FROM k) km
  WHERE m.n <= 0 AND m.council_id = km.council_id AND m.theme_id = km.theme_id AND m.month = km.month AND m.source = km.source;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Backfill: the months of the days already counted.
INSERT INTO signal_theme_months (council_id, theme_id, source, month, n)
SELECT council_id, theme_id, source, date_trunc('month', day)::date, sum(n)::int
FROM signal_theme_days
GROUP BY 1, 2, 3, 4;
