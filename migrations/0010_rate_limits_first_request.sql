ALTER TABLE "rate_limit_counts" DROP CONSTRAINT "rate_limit_counts_key_window_start_pk";--> statement-breakpoint
ALTER TABLE "rate_limit_counts" ADD PRIMARY KEY ("key");