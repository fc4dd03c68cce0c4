ALTER TABLE "backtests"."backtests" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "backtests"."sweeps" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "features"."materialization_runs" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "features"."training_sets" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "models"."model_versions" ADD COLUMN "request_id" text;