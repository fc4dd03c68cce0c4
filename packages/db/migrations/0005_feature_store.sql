CREATE TABLE "features"."feature_set_members" (
	"set_name" text NOT NULL,
	"position" integer NOT NULL,
	"feature_id" uuid NOT NULL,
	CONSTRAINT "feature_set_members_set_name_position_pk" PRIMARY KEY("set_name","position")
);
--> statement-breakpoint
CREATE TABLE "features"."feature_sets" (
	"name" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "features"."feature_views" (
	"name" text PRIMARY KEY NOT NULL,
	"lake_dataset" text NOT NULL,
	"features" text[] NOT NULL,
	"entity_kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feature_views_lake_dataset_unique" UNIQUE("lake_dataset")
);
--> statement-breakpoint
CREATE TABLE "features"."materialization_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"view" text NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"period_from" timestamp with time zone,
	"period_to" timestamp with time zone,
	"universe" text[] NOT NULL,
	"as_of" timestamp with time zone,
	"rows_written" bigint,
	"event_time_from" timestamp with time zone,
	"event_time_to" timestamp with time zone,
	"snapshot_id" bigint,
	"input_snapshots" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"timings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "features"."online_values" (
	"feature_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"value" double precision,
	"event_time" timestamp (6) with time zone NOT NULL,
	"available_at" timestamp (6) with time zone NOT NULL,
	"run_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "online_values_feature_id_entity_pk" PRIMARY KEY("feature_id","entity")
);
--> statement-breakpoint
ALTER TABLE "features"."feature_set_members" ADD CONSTRAINT "feature_set_members_set_name_feature_sets_name_fk" FOREIGN KEY ("set_name") REFERENCES "features"."feature_sets"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features"."feature_set_members" ADD CONSTRAINT "feature_set_members_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "features"."features"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features"."materialization_runs" ADD CONSTRAINT "materialization_runs_view_feature_views_name_fk" FOREIGN KEY ("view") REFERENCES "features"."feature_views"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features"."online_values" ADD CONSTRAINT "online_values_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "features"."features"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feature_set_members_feature_idx" ON "features"."feature_set_members" USING btree ("feature_id");--> statement-breakpoint
CREATE INDEX "materialization_runs_view_idx" ON "features"."materialization_runs" USING btree ("view","created_at");