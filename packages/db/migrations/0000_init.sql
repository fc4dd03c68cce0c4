CREATE SCHEMA "alt";
--> statement-breakpoint
CREATE SCHEMA "backtests";
--> statement-breakpoint
CREATE SCHEMA "features";
--> statement-breakpoint
CREATE SCHEMA "lake";
--> statement-breakpoint
CREATE SCHEMA "market";
--> statement-breakpoint
CREATE SCHEMA "models";
--> statement-breakpoint
CREATE TABLE "alt"."datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"licence" text NOT NULL,
	"latency_seconds" integer DEFAULT 0 NOT NULL,
	"entity_kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "datasets_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "alt"."dataset_coverage" (
	"dataset_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	CONSTRAINT "dataset_coverage_dataset_id_symbol_pk" PRIMARY KEY("dataset_id","symbol")
);
--> statement-breakpoint
CREATE TABLE "alt"."vendors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"licence" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendors_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "backtests"."backtest_instruments" (
	"backtest_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	CONSTRAINT "backtest_instruments_backtest_id_symbol_pk" PRIMARY KEY("backtest_id","symbol")
);
--> statement-breakpoint
CREATE TABLE "backtests"."backtests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"signal" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"model_name" text,
	"created_by" text NOT NULL,
	"metrics" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "features"."feature_inputs" (
	"feature_id" uuid NOT NULL,
	"dataset" text NOT NULL,
	CONSTRAINT "feature_inputs_feature_id_dataset_pk" PRIMARY KEY("feature_id","dataset")
);
--> statement-breakpoint
CREATE TABLE "features"."feature_universe" (
	"feature_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	CONSTRAINT "feature_universe_feature_id_symbol_pk" PRIMARY KEY("feature_id","symbol")
);
--> statement-breakpoint
CREATE TABLE "features"."features" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"owner" text NOT NULL,
	"description" text NOT NULL,
	"entity" text NOT NULL,
	"expression" text NOT NULL,
	"ttl_seconds" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "features_name_version_uq" UNIQUE("name","version")
);
--> statement-breakpoint
CREATE TABLE "lake"."datasets" (
	"name" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"columns" jsonb NOT NULL,
	"current_snapshot_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lake"."snapshot_files" (
	"snapshot_id" bigint NOT NULL,
	"path" text NOT NULL,
	"row_count" bigint NOT NULL,
	"bytes" bigint NOT NULL,
	CONSTRAINT "snapshot_files_snapshot_id_path_pk" PRIMARY KEY("snapshot_id","path")
);
--> statement-breakpoint
CREATE TABLE "lake"."snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dataset" text NOT NULL,
	"parent_id" bigint,
	"operation" text NOT NULL,
	"row_count" bigint NOT NULL,
	"added_rows" bigint NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market"."instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"symbol" text NOT NULL,
	"name" text NOT NULL,
	"exchange" text NOT NULL,
	"asset_class" text NOT NULL,
	"currency" text NOT NULL,
	"timezone" text NOT NULL,
	"calendar" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instruments_symbol_unique" UNIQUE("symbol")
);
--> statement-breakpoint
CREATE TABLE "models"."model_features" (
	"model_id" uuid NOT NULL,
	"feature_name" text NOT NULL,
	"feature_version" integer NOT NULL,
	CONSTRAINT "model_features_model_id_feature_name_feature_version_pk" PRIMARY KEY("model_id","feature_name","feature_version")
);
--> statement-breakpoint
CREATE TABLE "models"."model_universe" (
	"model_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	CONSTRAINT "model_universe_model_id_symbol_pk" PRIMARY KEY("model_id","symbol")
);
--> statement-breakpoint
CREATE TABLE "models"."models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"task" text NOT NULL,
	"owner" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "models_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "alt"."datasets" ADD CONSTRAINT "datasets_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "alt"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alt"."dataset_coverage" ADD CONSTRAINT "dataset_coverage_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "alt"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtests"."backtest_instruments" ADD CONSTRAINT "backtest_instruments_backtest_id_backtests_id_fk" FOREIGN KEY ("backtest_id") REFERENCES "backtests"."backtests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features"."feature_inputs" ADD CONSTRAINT "feature_inputs_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "features"."features"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features"."feature_universe" ADD CONSTRAINT "feature_universe_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "features"."features"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lake"."snapshot_files" ADD CONSTRAINT "snapshot_files_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "lake"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lake"."snapshots" ADD CONSTRAINT "snapshots_dataset_datasets_name_fk" FOREIGN KEY ("dataset") REFERENCES "lake"."datasets"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."model_features" ADD CONSTRAINT "model_features_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models"."model_universe" ADD CONSTRAINT "model_universe_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "models"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dataset_coverage_symbol_idx" ON "alt"."dataset_coverage" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "backtest_instruments_symbol_idx" ON "backtests"."backtest_instruments" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "feature_universe_symbol_idx" ON "features"."feature_universe" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "snapshots_dataset_idx" ON "lake"."snapshots" USING btree ("dataset","id");--> statement-breakpoint
CREATE INDEX "instruments_asset_class_idx" ON "market"."instruments" USING btree ("asset_class");--> statement-breakpoint
CREATE INDEX "model_universe_symbol_idx" ON "models"."model_universe" USING btree ("symbol");