CREATE TABLE "backtests"."sweeps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"spec" jsonb NOT NULL,
	"grid" jsonb NOT NULL,
	"blocks" integer DEFAULT 16 NOT NULL,
	"input_snapshots" jsonb NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"configurations" jsonb,
	"overfitting" jsonb,
	"best_backtest_id" uuid,
	"progress" double precision DEFAULT 0 NOT NULL,
	"claimed_by" text,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "mode" text DEFAULT 'portfolio' NOT NULL;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "model_version" integer;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "spec" jsonb;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "input_snapshots" jsonb;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "as_of" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "outputs" jsonb;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "progress" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "rerun_of" uuid;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "sweep_id" uuid;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "sweeps_status_idx" ON "backtests"."sweeps" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "backtests"."backtests" ADD CONSTRAINT "backtests_sweep_id_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "backtests"."sweeps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backtests_status_idx" ON "backtests"."backtests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "backtests_model_idx" ON "backtests"."backtests" USING btree ("model_name");