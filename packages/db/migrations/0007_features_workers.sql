CREATE TABLE "features"."workers" (
	"id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "features"."materialization_runs" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "features"."training_sets" ADD COLUMN "builder" text;--> statement-breakpoint
CREATE INDEX "materialization_runs_status_idx" ON "features"."materialization_runs" USING btree ("status","created_at");--> statement-breakpoint
-- Runs left running by processes that predate worker leases have no claimant to heartbeat: fail them
-- (they published nothing) so that at most one run per view is running when the index is built.
UPDATE "features"."materialization_runs" SET "status" = 'failed', "finished_at" = now(),
  "error" = 'interrupted: the features service stopped before the run finished; nothing was published'
WHERE "status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "materialization_runs_one_running_per_view" ON "features"."materialization_runs" USING btree ("view") WHERE status = 'running';