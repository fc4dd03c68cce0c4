ALTER TABLE "features"."training_sets" ADD COLUMN "warnings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "features"."training_sets" ADD COLUMN "split_rows" jsonb;