CREATE TABLE "signal_theme_days" (
	"council_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"source" text NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "signal_theme_days_council_id_theme_id_day_source_pk" PRIMARY KEY("council_id","theme_id","day","source")
);
--> statement-breakpoint
-- The counts follow every write to signals, per statement (one grouped upsert for a bulk write):
-- +1 for each counted new row, -1 for each counted old row; a change that moves nothing counted
-- (a text, a date of closing) nets to zero and writes nothing. A row whose count reaches zero goes.
-- Rows are upserted in key order, so two bulk writes lock them in the same order.
CREATE FUNCTION signal_theme_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO signal_theme_days AS d (council_id, theme_id, source, day, n)
    SELECT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date, count(*)::int
    FROM new_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate'
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4, 3
    ON CONFLICT (council_id, theme_id, day, source) DO UPDATE SET n = d.n + excluded.n;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO signal_theme_days AS d (council_id, theme_id, source, day, n)
    SELECT council_id, theme_id, source, day, sum(delta)::int FROM (
      SELECT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date AS day, 1 AS delta
      FROM new_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate'
      UNION ALL
      SELECT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date, -1
      FROM old_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate'
    ) moved
    GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 4, 3
    ON CONFLICT (council_id, theme_id, day, source) DO UPDATE SET n = d.n + excluded.n;
  ELSE
    INSERT INTO signal_theme_days AS d (council_id, theme_id, source, day, n)
    SELECT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date, -count(*)::int
    FROM old_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate'
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4, 3
    ON CONFLICT (council_id, theme_id, day, source) DO UPDATE SET n = d.n + excluded.n;
  END IF;
  DELETE FROM signal_theme_days d
  USING (SELECT DISTINCT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date AS day
         FROM old_rows WHERE theme_id IS NOT NULL AND status <> 'duplicate') k
  WHERE d.n <= 0 AND d.council_id = k.council_id AND d.theme_id = k.theme_id AND d.day = k.day AND d.source = k.source;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER signal_theme_days_insert AFTER INSERT ON signals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION signal_theme_days_apply();
--> statement-breakpoint
CREATE TRIGGER signal_theme_days_update AFTER UPDATE ON signals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION signal_theme_days_apply();
--> statement-breakpoint
CREATE TRIGGER signal_theme_days_delete AFTER DELETE ON signals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION signal_theme_days_apply();
--> statement-breakpoint
-- Backfill: the signals already there.
INSERT INTO signal_theme_days (council_id, theme_id, source, day, n)
SELECT council_id, theme_id, source, (created_at AT TIME ZONE 'Europe/Amsterdam')::date, count(*)::int
FROM signals WHERE theme_id IS NOT NULL AND status <> 'duplicate'
GROUP BY 1, 2, 3, 4;
