CREATE TABLE "models"."alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"model_id" uuid NOT NULL,
	"version" integer,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dedupe_key" text NOT NULL,
	"killed" integer DEFAULT 0 NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone,
	"acknowledgement" text
);
--> statement-breakpoint
CREATE TABLE "models"."monitor_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"stage" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "models"."monitor_settings" (
	"model_id" uuid PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "models"."prediction_outcomes" (
	"model_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"stage" text NOT NULL,
	"entity" text NOT NULL,
	"session" text NOT NULL,
	"t" timestamp with time zone NOT NULL,
	"prediction" double precision NOT NULL,
	"probability" double precision,
	"label" double precision NOT NULL,
	"known_at" timestamp with time zone NOT NULL,
	"request_id" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prediction_outcomes_model_id_version_entity_session_pk" PRIMARY KEY("model_id","version","entity","session")
);
--> statement-breakpoint
CREATE TABLE "models"."prediction_requests" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"model_id" uuid NOT NULL,
	"request_id" text NOT NULL,
	"source" text NOT NULL,
	"content_hash" text NOT NULL,
	"rows" integer NOT NULL,
	"scoring_ms" double precision,
	"payload" jsonb,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"snapshot_id" integer
);
--> statement-breakpoint
CREATE TABLE "models"."version_references" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"reference" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "models"."alerts" ADD CONSTRAINT "alerts_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."monitor_reports" ADD CONSTRAINT "monitor_reports_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."monitor_settings" ADD CONSTRAINT "monitor_settings_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."prediction_outcomes" ADD CONSTRAINT "prediction_outcomes_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."prediction_requests" ADD CONSTRAINT "prediction_requests_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."version_references" ADD CONSTRAINT "version_references_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "models"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_dedupe_idx" ON "models"."alerts" USING btree ("model_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "alerts_seq_idx" ON "models"."alerts" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "alerts_model_idx" ON "models"."alerts" USING btree ("model_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_reports_version_idx" ON "models"."monitor_reports" USING btree ("model_id","version","as_of");--> statement-breakpoint
CREATE INDEX "prediction_outcomes_time_idx" ON "models"."prediction_outcomes" USING btree ("model_id","t");--> statement-breakpoint
CREATE UNIQUE INDEX "prediction_requests_request_idx" ON "models"."prediction_requests" USING btree ("model_id","request_id");--> statement-breakpoint
CREATE INDEX "prediction_requests_pending_idx" ON "models"."prediction_requests" USING btree ("model_id","seq") WHERE "models"."prediction_requests"."snapshot_id" is null;