CREATE TABLE "models"."model_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"model_id" uuid NOT NULL,
	"version_id" uuid,
	"action" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"actor" text NOT NULL,
	"reason" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "models"."model_problems" (
	"model_id" uuid PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"problem" jsonb NOT NULL,
	"registered_by" text NOT NULL,
	"killed_at" timestamp with time zone,
	"killed_by" text,
	"kill_reason" text
);
--> statement-breakpoint
CREATE TABLE "models"."model_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"source" text NOT NULL,
	"training_set_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"tier" text NOT NULL,
	"hyperparameters" jsonb NOT NULL,
	"seed" integer NOT NULL,
	"cross_validation" jsonb NOT NULL,
	"features" jsonb NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"worker" text,
	"error" text,
	"progress" double precision DEFAULT 0 NOT NULL,
	"stage" text DEFAULT 'registered' NOT NULL,
	"capital_fraction" double precision,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"result" jsonb,
	"artifact_path" text,
	"artifact_sha256" text,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"validation" jsonb
);
--> statement-breakpoint
CREATE TABLE "models"."prediction_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"training_set_id" uuid NOT NULL,
	"lake_dataset" text NOT NULL,
	"snapshot_id" integer NOT NULL,
	"rows" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "models"."model_events" ADD CONSTRAINT "model_events_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."model_events" ADD CONSTRAINT "model_events_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "models"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."model_problems" ADD CONSTRAINT "model_problems_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."model_versions" ADD CONSTRAINT "model_versions_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."prediction_batches" ADD CONSTRAINT "prediction_batches_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "models"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_events_model_idx" ON "models"."model_events" USING btree ("model_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_number_idx" ON "models"."model_versions" USING btree ("model_id","number");--> statement-breakpoint
CREATE INDEX "model_versions_status_idx" ON "models"."model_versions" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_one_production_idx" ON "models"."model_versions" USING btree ("model_id") WHERE "models"."model_versions"."stage" = 'production';