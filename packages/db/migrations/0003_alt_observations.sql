ALTER TABLE "alt"."datasets" ADD COLUMN "licensed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "alt"."datasets" ADD COLUMN "fields" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alt"."datasets" ADD COLUMN "publication" jsonb DEFAULT '{"kind":"event_time"}'::jsonb NOT NULL;